import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { isModifierOnly, modifierLabel } from '../../lib/platform';
import { loadSettings, useSettings } from '../../state/settings';
import { sections } from './fields';
import { RestartNotice } from './RestartNotice';
import { SettingField } from './SettingField';
import { useEngineRestart } from './useEngineRestart';
import { useSettingsForm, type SettingsForm } from './useSettingsForm';

/** Ctrl/Cmd+S saves while this page is open, wherever the focus is. */
function useSaveShortcut(save: () => void): void {
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isModifierOnly(event) || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** `notice` (the restart offer after a save) sits on top of the bar, where the analyst just clicked Save. */
function ActionBar({ form, notice }: { form: SettingsForm; notice: ReactNode }) {
  const count = form.changed.size;
  return (
    <div className="action-bar">
      {notice}
      <p className="action-bar__notice" role="status" data-testid="settings-notice" data-tone={form.notice.tone}>
        {form.notice.text}
      </p>
      <span className="action-bar__changes" data-testid="settings-changes">
        {count === 0 ? 'No unsaved changes' : `${count} unsaved ${count === 1 ? 'change' : 'changes'}`}
      </span>
      <button type="button" className="button" onClick={form.discard} disabled={count === 0 || form.saving}>
        Discard
      </button>
      <button type="submit" className="button button--primary" disabled={count === 0 || form.saving} aria-keyshortcuts="Control+S Meta+S" title={`Save (${modifierLabel}S)`}>
        {form.saving ? 'Saving…' : 'Save'}
      </button>
    </div>
  );
}

/** An error that belongs to no one field; brought into view, since the form may be scrolled. */
function TopError({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  return (
    <div ref={ref} className="notice notice--error" role="alert" data-testid="settings-error">
      {message}
    </div>
  );
}

function LoadState() {
  const loadError = useSettings((state) => state.loadError);
  if (loadError === null) return <p className="muted settings-loading">Reading the settings…</p>;
  return (
    <div className="notice notice--error settings-loading" role="alert">
      <p>The settings could not be read: {loadError}</p>
      <button type="button" className="button" onClick={() => void loadSettings()}>
        Try again
      </button>
    </div>
  );
}

export function SettingsPage() {
  const restart = useEngineRestart();
  const form = useSettingsForm(restart.check);
  const stored = useSettings((state) => state.settings);
  const [confirming, setConfirming] = useState(false);
  useSaveShortcut(() => {
    if (form.changed.size > 0) void form.save();
  });
  const { draft } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void form.save();
  };

  return (
    <div className="page page--settings">
      <PageHeader
        title="Settings"
        lead="How the workstation runs the engine, which models each feature uses, and how it guards the GPU. Saved in the local database."
        actions={
          <button type="button" className="button" onClick={() => setConfirming(true)} disabled={draft === null || form.saving}>
            Reset to defaults…
          </button>
        }
      />
      {draft === null ? (
        <LoadState />
      ) : (
        <form className="settings-form" onSubmit={onSubmit} noValidate aria-label="Settings">
          {form.topError !== null && <TopError message={form.topError} />}
          {sections.map((section) => (
            <section key={section.id} className="card settings-section" aria-labelledby={`section-${section.id}`}>
              <h2 id={`section-${section.id}`} className="card__title">
                {section.title}
              </h2>
              <p className="card__lead">{section.description}</p>
              {section.fields.map((field) => (
                <SettingField
                  key={field.key}
                  field={field}
                  value={draft[field.key]}
                  error={form.errors[field.key]}
                  changed={form.changed.has(field.key)}
                  onChange={(value) => form.setField(field.key, value)}
                />
              ))}
            </section>
          ))}
          <ActionBar form={form} notice={<RestartNotice restart={restart} settings={stored} />} />
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title="Reset every setting?"
        confirmLabel="Reset to defaults"
        danger
        busy={form.resetting}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void form.resetToDefaults().finally(() => setConfirming(false))}
      >
        <p>Every setting on this page goes back to its default value, and any unsaved edits are lost. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
