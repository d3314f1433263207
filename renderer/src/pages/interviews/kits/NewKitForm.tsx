import { useEffect, useRef, useState, type FormEvent } from 'react';
import { kitLanguages, type KitLanguage } from '../../../../../main/interviews/kits/schema';
import { SetupField, TextInput } from '../SetupField';
import { createKit } from './actions';
import { DocumentBox, useNoStrayDrops } from './DocumentBox';
import { documentInput, kitFieldError, type KitFieldError } from './form';
import { closeNewKit, useKits } from './store';
import { useDocumentDraft } from './useDocumentDraft';

/** A kit from a CV and a job description: the gaps and questions are written after it is saved. */
export function NewKitForm() {
  const cv = useDocumentDraft();
  const jd = useDocumentDraft();
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<KitLanguage>('English');
  const [error, setError] = useState<KitFieldError | null>(null);
  const [saving, setSaving] = useState(false);
  const languages = useKits((state) => state.config?.languages ?? kitLanguages);
  const hasKits = useKits((state) => (state.list?.total ?? 0) > 0);
  const first = useRef<HTMLInputElement>(null);
  useNoStrayDrops();
  useEffect(() => {
    first.current?.focus();
  }, []);

  const errorAt = (field: KitFieldError['field']): string | null => (error !== null && error.field === field ? error.message : null);
  const uploading = [cv.file, jd.file].some((file) => file !== null && file.source === null && file.error === null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const [cvInput, jdInput] = await Promise.all([documentInput('cv', cv), documentInput('jd', jd)]);
      await createKit({ title: title.trim() === '' ? undefined : title.trim(), language, cv: cvInput, jd: jdInput });
    } catch (caught) {
      setError(kitFieldError(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby="kit-new-title" data-testid="kit-new">
      <h2 id="kit-new-title" className="card__title">
        New interview kit
      </h2>
      <p className="card__lead">
        Give the candidate’s CV and a job description. The gaps between them are found first, then a behavioural question is written for each gap, with follow-up probes and a rating scale. Nothing leaves this computer.
      </p>
      <form className="setup-form" aria-labelledby="kit-new-title" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="setup-form__fields">
          <TextInput id="kit-title" label="Title" inputRef={first} value={title} onChange={setTitle} error={errorAt('title')} maxLength={120} placeholder="The job description’s first line" />
          <SetupField id="kit-language" label="Language of the questions" error={errorAt('language')}>
            {(described) => (
              <select id="kit-language" className="input" data-testid="kit-language" value={language} onChange={(event) => setLanguage(event.target.value as KitLanguage)} {...described}>
                {languages.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            )}
          </SetupField>
        </div>
        <div className="kit-docs">
          <DocumentBox role="cv" label="CV" draft={cv} error={errorAt('cv')} onEdit={() => setError(null)} placeholder="Paste the candidate’s CV here…" />
          <DocumentBox role="jd" label="Job description" draft={jd} error={errorAt('jd')} onEdit={() => setError(null)} placeholder="Paste the job description here…" />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" data-testid="kit-create" disabled={saving}>
            {saving ? (uploading ? 'Uploading…' : 'Making the kit…') : 'Create kit'}
          </button>
          {hasKits && (
            <button type="button" className="button" onClick={closeNewKit}>
              Cancel
            </button>
          )}
        </div>
        {error !== null && error.field === null && (
          <p className="inline-error" role="alert" data-testid="kit-new-error">
            {error.message}
          </p>
        )}
      </form>
    </section>
  );
}
