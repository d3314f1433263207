import { useId, useState } from 'react';
import { messageOf } from '../../lib/errors';
import { newestVersion, profilePlaceholder, saveTemplate, templateProblems, useTemplates, versionLabel, type StoredTemplate } from './templates';

/** The text being edited, and the version it started from. */
interface Draft {
  base: string;
  system: string;
  user: string;
}

const draftOf = (template: StoredTemplate): Draft => ({ base: template.version, system: template.system, user: template.user });

function Editor({ templates }: { templates: StoredTemplate[] }) {
  const newest = newestVersion(templates) ?? '';
  const [draft, setDraft] = useState<Draft>(() => draftOf(templates[0]!));
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const id = useId();

  const selected = templates.find((template) => template.version === draft.base) ?? templates[0]!;
  const changed = draft.system !== selected.system || draft.user !== selected.user;
  const problems = templateProblems(draft);
  // The missing placeholder shows as soon as it is gone; the length only once a save was tried.
  const userError = changed ? problems.user : null;
  const systemError = tried ? problems.system : null;
  const next = String((Number(newest) || 0) + 1);

  const edit = (change: Partial<Omit<Draft, 'base'>>): void => {
    setDraft((current) => ({ ...current, ...change }));
    setServerError(null);
    setSaved(null);
  };

  const onSave = async (): Promise<void> => {
    setTried(true);
    if (problems.system !== null || problems.user !== null) {
      document.getElementById(problems.system !== null ? `${id}-system` : `${id}-user`)?.focus();
      return;
    }
    setSaving(true);
    setServerError(null);
    try {
      const version = await saveTemplate({ system: draft.system, user: draft.user });
      setDraft(draftOf(version));
      setTried(false);
      setSaved(`Saved as version ${version.version}. Files queued from now on use it, unless another version is picked when queueing.`);
    } catch (error) {
      setServerError(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="template-editor">
      <div className="intake-field">
        <label className="field__label" htmlFor={`${id}-version`}>
          Version
        </label>
        <select
          id={`${id}-version`}
          className="input"
          data-testid="batch-template-version"
          value={draft.base}
          disabled={saving}
          onChange={(event) => {
            const template = templates.find((entry) => entry.version === event.target.value);
            if (template === undefined) return;
            setDraft(draftOf(template));
            setTried(false);
            setServerError(null);
            setSaved(null);
          }}
        >
          {templates.map((template) => (
            <option key={template.version} value={template.version}>
              {versionLabel(template, template.version === newest)}
            </option>
          ))}
        </select>
        {selected.description !== '' && <p className="field__help">{selected.description}</p>}
      </div>
      <div className="template-editor__field">
        <label className="field__label" htmlFor={`${id}-system`}>
          System prompt
        </label>
        <textarea
          id={`${id}-system`}
          className="input mono template-editor__text"
          data-testid="batch-template-system"
          rows={10}
          spellCheck={false}
          value={draft.system}
          readOnly={saving}
          aria-invalid={systemError !== null || undefined}
          aria-describedby={systemError === null ? undefined : `${id}-system-error`}
          onChange={(event) => edit({ system: event.target.value })}
        />
        {systemError !== null && (
          <p className="field__error" id={`${id}-system-error`}>
            {systemError}
          </p>
        )}
      </div>
      <div className="template-editor__field">
        <label className="field__label" htmlFor={`${id}-user`}>
          User prompt
        </label>
        <textarea
          id={`${id}-user`}
          className="input mono template-editor__text"
          data-testid="batch-template-user"
          rows={3}
          spellCheck={false}
          value={draft.user}
          readOnly={saving}
          aria-invalid={userError !== null || undefined}
          aria-describedby={userError === null ? `${id}-user-help` : `${id}-user-error ${id}-user-help`}
          onChange={(event) => edit({ user: event.target.value })}
        />
        {userError !== null && (
          <p className="field__error" id={`${id}-user-error`}>
            {userError}
          </p>
        )}
        <p className="field__help" id={`${id}-user-help`}>
          Must contain <code>{profilePlaceholder}</code>, where each candidate’s profile goes.
        </p>
      </div>
      {draft.base !== newest && (
        <p className="muted template-editor__note">
          Version {draft.base} is kept as it is: saving an edit of it adds version {next}.
        </p>
      )}
      {serverError !== null && (
        <p className="inline-error" role="alert">
          {serverError}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--primary" data-testid="batch-template-save" disabled={!changed || saving} onClick={() => void onSave()}>
          {saving ? 'Saving…' : `Save as version ${next}`}
        </button>
        <button type="button" className="button" disabled={!changed || saving} onClick={() => edit({ system: selected.system, user: selected.user })}>
          Undo changes
        </button>
        <span className="muted template-editor__saved" role="status">
          {saved}
        </span>
      </div>
    </div>
  );
}

/** The evaluation prompt's versions, and an editor that saves an edit as the next one. */
export function TemplateCard() {
  const templates = useTemplates((state) => state.templates);
  const loadError = useTemplates((state) => state.loadError);
  const newest = templates?.[0] ?? null;
  return (
    <section className="card card--wide template-card" aria-labelledby="batch-template-title" data-testid="batch-template-card">
      <details className="template-card__details">
        <summary className="template-card__summary">
          <h2 id="batch-template-title" className="card__title">
            Evaluation prompt
          </h2>
          {newest !== null && (
            <span className="muted template-card__current">
              Version {newest.version} · {newest.source}
            </span>
          )}
        </summary>
        <div className="template-card__body">
          <p className="card__lead">
            The system prompt is sent byte-identical for every candidate, so Ollama reuses its cached prefix; each result records the template version it was evaluated with.
          </p>
          {templates !== null && templates.length > 0 ? (
            <Editor templates={templates} />
          ) : loadError !== null ? (
            <p className="inline-error" role="alert">
              The template versions could not be read: {loadError}
            </p>
          ) : (
            <p className="muted">Reading the template versions…</p>
          )}
        </div>
      </details>
    </section>
  );
}
