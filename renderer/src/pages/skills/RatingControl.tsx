import { useEffect, useId, useState } from 'react';
import type { SkillResult } from '../../../../main/skills/schema-results';
import { messageOf } from '../../lib/errors';
import { skillTitle } from './format';
import { rateSkill } from './store';

const scale = [1, 2, 3, 4, 5] as const;

/** The analyst's own 1–5 rating and note; once saved it is the score that counts, until cleared. */
export function RatingControl({ result }: { result: SkillResult }) {
  const id = useId();
  const saved = result.rating;
  const [value, setValue] = useState<number | null>(saved?.value ?? null);
  const [note, setNote] = useState(saved?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setValue(saved?.value ?? null);
    setNote(saved?.note ?? '');
  }, [saved?.value, saved?.note]);

  const changed = value !== (saved?.value ?? null) || note !== (saved?.note ?? '');
  const submit = async (rating: number | null, text: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await rateSkill(result.skill, rating, text);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="skill-rating" data-testid="skill-rating" data-rating={saved?.value ?? ''}>
      <legend className="skill-rating__legend">Your rating of {skillTitle(result.skill).toLowerCase()}</legend>
      <div className="skill-rating__scale">
        {scale.map((option) => (
          <label key={option} className="skill-rating__option">
            <input type="radio" name={`${id}-rating`} value={option} checked={value === option} disabled={busy} onChange={() => setValue(option)} data-testid={`skill-rate-${option}`} />
            <span>{option}</span>
          </label>
        ))}
      </div>
      <label className="visually-hidden" htmlFor={`${id}-note`}>
        Note on your rating
      </label>
      <textarea id={`${id}-note`} className="input skill-rating__note" rows={2} placeholder="Why this rating (optional)" value={note} disabled={busy} maxLength={4000} onChange={(event) => setNote(event.target.value)} data-testid="skill-rating-note" />
      <div className="button-row">
        <button type="button" className="button button--small button--primary" disabled={busy || value === null || !changed} onClick={() => void submit(value, note)} data-testid="skill-rating-save">
          {busy ? 'Saving…' : 'Save rating'}
        </button>
        <button type="button" className="button button--small" disabled={busy || saved === null} onClick={() => void submit(null, '')} data-testid="skill-rating-clear">
          Clear
        </button>
      </div>
      {saved !== null && <p className="footnote">Rated {saved.value}{saved.by === null ? '' : ` by ${saved.by}`}: your rating is the score that counts.</p>}
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
