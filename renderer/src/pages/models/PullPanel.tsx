import { useRef, useState, type FormEvent } from 'react';
import { modelNameSchema } from '../../../../main/engine/models/schema';
import { PullItem } from './PullItem';
import { orderedPulls } from './pulls';
import { pullModel, useModels } from './store';
import { useAction } from './useAction';

const inputId = 'pull-model';
const helpId = `${inputId}-help`;
const errorId = `${inputId}-error`;

/** The schema's own words suit a developer; these say what to type. */
function validate(value: string): { ok: true; model: string } | { ok: false; message: string } {
  const parsed = modelNameSchema.safeParse(value);
  if (parsed.success) return { ok: true, model: parsed.data };
  if (value.trim() === '') return { ok: false, message: 'Enter the name of a model, for example llama3.2:3b' };
  return { ok: false, message: 'Use a name as the Ollama library writes it, such as llama3.2:3b: letters, digits and . _ - / : only, no spaces' };
}

function PullForm() {
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction<'pull'>();
  const input = useRef<HTMLInputElement>(null);
  const error = invalid ?? action.error;

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const checked = validate(value);
    if (!checked.ok) {
      setInvalid(checked.message);
      input.current?.focus();
      return;
    }
    setInvalid(null);
    const started = await action.run('pull', () => pullModel(checked.model));
    if (started) setValue('');
    else input.current?.focus();
  };

  return (
    <form className="pull-form" data-testid="pull-form" aria-label="Pull a model" noValidate onSubmit={(event) => void onSubmit(event)}>
      <label className="field__label" htmlFor={inputId}>
        Model name
      </label>
      <div className="pull-form__row">
        <input
          ref={input}
          id={inputId}
          name="model"
          className="input mono"
          type="text"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          placeholder="llama3.2:3b"
          value={value}
          aria-invalid={error !== null || undefined}
          aria-describedby={error === null ? helpId : `${errorId} ${helpId}`}
          onChange={(event) => {
            setValue(event.target.value);
            setInvalid(null);
            action.clearError();
          }}
        />
        <button type="submit" className="button button--primary" disabled={action.running !== null}>
          {action.running === null ? 'Pull' : 'Starting…'}
        </button>
      </div>
      {error !== null && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <p className="field__help" id={helpId}>
        As name:tag from the Ollama library (ollama.com/library). Pulling a model again resumes a download that stopped.
      </p>
    </form>
  );
}

/** Pull a model by name, and every pull running now or finished since the app started. */
export function PullPanel() {
  const pulls = useModels((state) => state.pulls);
  const loadError = useModels((state) => state.pullsError);
  const items = orderedPulls(pulls);
  return (
    <section className="card" aria-labelledby="pull-title" data-testid="pulls">
      <h2 id="pull-title" className="card__title">Pull a model</h2>
      <PullForm />
      {loadError !== null && <p className="inline-error">The pulls running now could not be read: {loadError}</p>}
      {items.length > 0 && (
        <ul className="pull-list" aria-label="Pulls">
          {items.map((pull) => (
            <PullItem key={pull.model} pull={pull} />
          ))}
        </ul>
      )}
    </section>
  );
}
