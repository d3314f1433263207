import { useId } from 'react';
import { useAssess } from './assess-store';

/** The shape skills.infer reads (transcriptInputSchema), shown as help; times are optional. */
const example = `{
  "person": { "id": "E-2001", "name": "Robin Hale" },
  "takenAt": "2026-03-02",
  "title": "Team lead interview",
  "turns": [
    { "role": "interviewer", "text": "Tell me about a setback at work." },
    { "role": "interviewee", "text": "Our launch slipped; we listened to the team and kept going.",
      "latencyMs": 2400, "typingMs": 18000, "revisions": 1, "pauses": 0 }
  ]
}`;

/** A structured interview transcript pasted as JSON, with the expected shape beside it. */
export function TranscriptBox() {
  const id = useId();
  const text = useAssess((state) => state.transcriptText);
  const error = useAssess((state) => state.error);
  const fieldError = error !== null && error.field !== null && error.field.startsWith('transcript') ? error : null;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="skills-transcript">
      <h3 id={`${id}-title`} className="card__title">
        Or paste a transcript
      </h3>
      <p className="card__lead">
        A structured interview as JSON: the person, the date, and the turns. <code>role</code> is <code>interviewer</code> or <code>interviewee</code> (candidate and employee mean the same); the times, revisions and pauses
        are optional and feed the behavioural features.
      </p>
      <div className="skills-transcript">
        <div className="field__control">
          <label htmlFor={`${id}-text`} className="field__label">
            Transcript JSON
          </label>
          <textarea
            id={`${id}-text`}
            className="input skills-transcript__text mono"
            rows={14}
            spellCheck={false}
            value={text}
            aria-invalid={fieldError !== null || undefined}
            aria-describedby={fieldError !== null ? `${id}-error` : undefined}
            onChange={(event) => useAssess.setState({ transcriptText: event.target.value })}
            data-testid="skills-transcript-text"
          />
          {fieldError !== null && (
            <p id={`${id}-error`} className="field__error" data-testid="skills-transcript-error">
              <span className="mono">{fieldError.field}</span>: {fieldError.message}
            </p>
          )}
        </div>
        <details className="skills-transcript__help" open>
          <summary>Expected shape</summary>
          <pre className="code-block">{example}</pre>
        </details>
      </div>
    </section>
  );
}
