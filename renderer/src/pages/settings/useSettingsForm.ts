import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Settings } from '../../../../main/settings/schema';
import { client } from '../../api/client';
import { ApiError, messageOf } from '../../lib/errors';
import { useSettings } from '../../state/settings';
import { fieldKeys, inputIdOf, isFieldKey, type FieldKey } from './fields';
import { changedFields, diffSettings, parseDraft, rebaseDraft, sameSettings, stripFieldPrefix, toDraft, type Draft, type FieldErrors } from './form';

export interface SettingsForm {
  /** Null until the settings have been read. */
  draft: Draft | null;
  changed: ReadonlySet<FieldKey>;
  errors: FieldErrors;
  topError: string | null;
  notice: Notice;
  saving: boolean;
  resetting: boolean;
  setField: (key: FieldKey, value: string | boolean) => void;
  save: () => Promise<void>;
  discard: () => void;
  /** Resolves once the reset is done or has failed; a failure is shown as the top error. */
  resetToDefaults: () => Promise<void>;
}

/** Centres the field, so the sticky action bar never hides the field that needs attention. */
function focusField(key: FieldKey): void {
  const input = document.getElementById(inputIdOf(key));
  input?.focus({ preventScroll: true });
  input?.scrollIntoView({ block: 'center' });
}

export interface Notice {
  text: string;
  /** 'good' for a finished action, 'info' for news the analyst did not cause. */
  tone: 'good' | 'info';
}

const noNotice: Notice = { text: '', tone: 'info' };
const good = (text: string): Notice => ({ text, tone: 'good' });

/**
 * The settings form's state: a draft over the settings it was loaded from, client validation with
 * the core's schema, saving only what changed, and following changes made elsewhere. `onSaved` runs
 * after a save or a reset succeeded.
 */
export function useSettingsForm(onSaved?: () => void): SettingsForm {
  const stored = useSettings((state) => state.settings);
  const accept = useSettings((state) => state.accept);
  const [base, setBase] = useState<Settings | null>(stored);
  const [draft, setDraft] = useState<Draft | null>(stored === null ? null : toDraft(stored));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [topError, setTopError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(noNotice);
  const [saving, setSaving] = useState(false);
  const [resetting, setResetting] = useState(false);
  const busy = useRef(false);

  // Settings changed by another window, the CLI or a script: follow them, keeping the analyst's edits.
  useEffect(() => {
    if (stored === null) return;
    if (base === null || draft === null) {
      setBase(stored);
      setDraft(toDraft(stored));
      return;
    }
    if (sameSettings(base, stored)) return;
    const editing = changedFields(draft, base).length > 0;
    setDraft(editing ? rebaseDraft(draft, base, stored) : toDraft(stored));
    setBase(stored);
    if (editing && !busy.current) setNotice({ text: 'Settings were changed elsewhere. Your unsaved edits are kept.', tone: 'info' });
    // Only a new `stored` should trigger this; base and draft are read as they are at that moment.
  }, [stored]);

  const changed = useMemo(() => new Set(draft !== null && base !== null ? changedFields(draft, base) : []), [draft, base]);

  const errors = useMemo((): FieldErrors => {
    if (draft === null) return {};
    const parsed = parseDraft(draft);
    const shown: FieldErrors = {};
    if (!parsed.ok) {
      for (const [key, message] of Object.entries(parsed.errors) as [FieldKey, string][]) {
        if (submitted || changed.has(key)) shown[key] = message;
      }
    }
    return { ...shown, ...serverErrors };
  }, [draft, submitted, changed, serverErrors]);

  const setField = useCallback((key: FieldKey, value: string | boolean) => {
    setDraft((current) => (current === null ? current : { ...current, [key]: value }));
    setServerErrors((current) => {
      if (current[key] === undefined) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
    setNotice(noNotice);
  }, []);

  const adopt = (settings: Settings, message: Notice): void => {
    setBase(settings);
    setDraft(toDraft(settings));
    setSubmitted(false);
    setServerErrors({});
    setTopError(null);
    setNotice(message);
  };

  const showFailure = (error: unknown): void => {
    if (error instanceof ApiError && isFieldKey(error.field)) {
      const field = error.field;
      setServerErrors({ [field]: stripFieldPrefix(error.message, field) });
      setTopError(null);
      focusField(field);
    } else {
      setTopError(messageOf(error));
    }
  };

  const save = async (): Promise<void> => {
    if (draft === null || base === null || busy.current) return;
    setSubmitted(true);
    setNotice(noNotice);
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      const first = fieldKeys.find((key) => parsed.errors[key] !== undefined);
      if (first !== undefined) focusField(first);
      return;
    }
    const patch = diffSettings(base, parsed.value);
    if (Object.keys(patch).length === 0) {
      adopt(base, { text: 'Nothing to save: the values match the saved settings.', tone: 'info' });
      return;
    }
    busy.current = true;
    setSaving(true);
    try {
      const saved = await client.call('settings.update', patch);
      accept(saved);
      adopt(saved, good('Saved.'));
      onSaved?.();
    } catch (error) {
      showFailure(error);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const discard = (): void => {
    if (base === null) return;
    adopt(base, noNotice);
  };

  const resetToDefaults = async (): Promise<void> => {
    if (busy.current) return;
    busy.current = true;
    setResetting(true);
    try {
      const defaults = await client.call('settings.reset', { confirm: true });
      accept(defaults);
      adopt(defaults, good('Every setting is back to its default.'));
      onSaved?.();
    } catch (error) {
      setTopError(messageOf(error));
    } finally {
      busy.current = false;
      setResetting(false);
    }
  };

  return { draft, changed, errors, topError, notice, saving, resetting, setField, save, discard, resetToDefaults };
}
