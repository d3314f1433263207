import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { answerInterviewer, useInterviewer } from './interviewer';

/**
 * Asks who is interviewing, once, before the first rating or note is saved. A native modal
 * <dialog>: focus goes to the name, Enter saves, Escape backs out (and nothing is saved).
 */
export function InterviewerDialog() {
  const asking = useInterviewer((state) => state.asking !== null);
  const current = useInterviewer((state) => state.name);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (asking && !dialog.open) {
      setName(current ?? '');
      setError(null);
      dialog.showModal();
    }
    if (!asking && dialog.open) dialog.close();
  }, [asking, current]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Write your name: it is saved with each rating and note.');
      return;
    }
    answerInterviewer(name);
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="kit-interviewer-dialog"
      onCancel={(event) => {
        event.preventDefault();
        answerInterviewer(null);
      }}
    >
      <form className="dialog__inner" noValidate onSubmit={onSubmit}>
        <h2 id={`${id}-title`} className="dialog__title">
          Who is interviewing?
        </h2>
        <div className="setup-field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Your name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            autoComplete="name"
            maxLength={120}
            value={name}
            aria-invalid={error !== null || undefined}
            aria-describedby={`${id}-help${error !== null ? ` ${id}-error` : ''}`}
            data-testid="kit-interviewer-name"
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
          {error !== null && (
            <p className="field__error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
          <p className="field__help" id={`${id}-help`}>
            Saved with each rating and note, so the kit says who judged each answer. Remembered on this computer.
          </p>
        </div>
        <div className="button-row button-row--end">
          <button type="button" className="button" onClick={() => answerInterviewer(null)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="kit-interviewer-save">
            Save name
          </button>
        </div>
      </form>
    </dialog>
  );
}
