import { useEffect, type FormEvent } from 'react';
import { formatTime } from '../../lib/format';
import { GuideAreaFields } from './GuideAreaFields';
import { chooseVersion, draftOf, editGuideDraft, editOf, loadGuides, newestVersion, saveGuide, useGuide } from './guide';
import { SetupField } from './SetupField';

function VersionSelect() {
  const guides = useGuide((state) => state.guides) ?? [];
  const version = useGuide((state) => state.version) ?? '';
  return (
    <div className="results-search">
      <label htmlFor="guide-version" className="segmented__label">
        Version
      </label>
      <select id="guide-version" className="input input--compact" data-testid="guide-version" value={version} onChange={(event) => chooseVersion(event.target.value)}>
        {[...guides].reverse().map((guide) => (
          <option key={guide.version} value={guide.version}>
            {`Version ${guide.version} · ${guide.source === 'bundled' ? 'as shipped' : 'edited'} · ${formatTime(guide.createdAt)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The exit-interview guide, editable; every save is a new version, and each interview keeps the version it began with. */
export function GuideEditor() {
  const guides = useGuide((state) => state.guides);
  const version = useGuide((state) => state.version);
  const draft = useGuide((state) => state.draft);
  const loadError = useGuide((state) => state.loadError);
  const saving = useGuide((state) => state.saving);
  const error = useGuide((state) => state.error);
  const saved = useGuide((state) => state.saved);
  useEffect(() => void loadGuides(), []);

  if (draft === null || guides === null) {
    return <section className="card">{loadError === null ? <p className="muted">Reading the guide…</p> : <p className="inline-error" role="alert">The guide could not be read: {loadError}</p>}</section>;
  }
  const shown = guides.find((guide) => guide.version === version);
  const changed = shown === undefined || JSON.stringify(editOf(draft)) !== JSON.stringify(editOf(draftOf(shown)));
  const next = newestVersion(guides) + 1;
  const errorAt = (field: string): string | null => (error !== null && error.field === field ? error.message : null);
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void saveGuide().then((ok) => {
      // After a refusal the focus goes to the field it names, once it is marked.
      const target = ok ? document.getElementById('guide-title') : document.querySelector<HTMLElement>('.guide-form [aria-invalid="true"]');
      target?.focus();
    });
  };

  return (
    <section className="card" aria-labelledby="guide-title" data-testid="interviews-guide" data-version={version ?? ''}>
      <div className="card__head">
        <h2 id="guide-title" className="card__title" tabIndex={-1}>
          Interview guide
        </h2>
        <VersionSelect />
      </div>
      <p className="card__lead">The questions every exit interview follows. The local model writes follow-ups within each area’s limit; without it, the probes are asked in order.</p>
      <form className="guide-form" aria-labelledby="guide-title" noValidate onSubmit={onSubmit}>
        <SetupField id="guide-description" label="Description" help="What this version is for, or what changed." error={errorAt('description')}>
          {(described) => (
            <textarea id="guide-description" className="input guide-text" rows={2} value={draft.description} onChange={(event) => editGuideDraft((before) => ({ ...before, description: event.target.value }))} {...described} />
          )}
        </SetupField>
        <SetupField id="guide-opening" label="Opening" help="Said first, before the first question." error={errorAt('opening')}>
          {(described) => (
            <textarea id="guide-opening" className="input guide-text" rows={3} data-testid="guide-opening" value={draft.opening} onChange={(event) => editGuideDraft((before) => ({ ...before, opening: event.target.value }))} {...described} />
          )}
        </SetupField>
        {draft.areas.map((area, index) => (
          <GuideAreaFields key={area.id} area={area} index={index} errorAt={errorAt} />
        ))}
        <SetupField id="guide-closing" label="Closing" help="Said last; the employee then hands the workstation back." error={errorAt('closing')}>
          {(described) => (
            <textarea id="guide-closing" className="input guide-text" rows={3} data-testid="guide-closing" value={draft.closing} onChange={(event) => editGuideDraft((before) => ({ ...before, closing: event.target.value }))} {...described} />
          )}
        </SetupField>
        <div className="guide-form__actions">
          <button type="submit" className="button button--primary" data-testid="guide-save" disabled={saving || !changed}>
            {saving ? 'Saving…' : `Save as version ${next}`}
          </button>
          <span className="footnote" role="status" data-testid="guide-status">
            {saved !== null ? `Saved as version ${saved}. New interviews use it; those already set up keep theirs.` : changed ? '' : 'No changes to save.'}
          </span>
        </div>
        {error !== null && (
          <p className="inline-error" role="alert" data-testid="guide-error">
            {error.field === null ? error.message : `Not saved: ${error.message}`}
          </p>
        )}
      </form>
    </section>
  );
}
