import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SetupField, TextInput } from './SetupField';
import { emptySetup, fieldErrorOf, setupOf, type FieldError, type SetupDraft } from './setup-form';
import { closeNewForm, createInterview, useInterviews } from './store';

/** Set-up of an exit interview, before the workstation is handed to the employee. */
export function NewInterviewForm() {
  const [draft, setDraft] = useState<SetupDraft>(emptySetup);
  const [error, setError] = useState<FieldError | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const hasInterviews = useInterviews((state) => (state.list?.total ?? 0) > 0);
  useEffect(() => {
    first.current?.focus();
  }, []);

  const set = <K extends keyof SetupDraft>(key: K, value: SetupDraft[K]): void => {
    setDraft((before) => ({ ...before, [key]: value }));
    setError(null);
  };
  const errorAt = (field: FieldError['field']): string | null => (error !== null && error.field === field ? error.message : null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const setup = setupOf(draft);
    if ('message' in setup) {
      setError(setup);
      return;
    }
    setSaving(true);
    try {
      await createInterview(setup);
      setDraft(emptySetup);
    } catch (caught) {
      setError(fieldErrorOf(caught));
    } finally {
      setSaving(false);
    }
  };

  const toggleAnonymous = (anonymous: boolean): void => {
    // Cleared, not just hidden: an anonymous interview must hold no name or id, even in this form.
    setDraft((before) => ({ ...before, anonymous, ...(anonymous ? { employeeName: '', employeeRef: '' } : {}) }));
    setError(null);
  };

  return (
    <section className="card" aria-labelledby="new-interview-title" data-testid="new-interview">
      <h2 id="new-interview-title" className="card__title">
        New exit interview
      </h2>
      <p className="card__lead">Fill in what you know; everything but the conversation itself is optional. The employee sees none of this.</p>
      <form className="setup-form" aria-labelledby="new-interview-title" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="setup-form__fields">
          <TextInput id="setup-name" label="Employee name" inputRef={first} value={draft.employeeName} onChange={(value) => set('employeeName', value)} error={errorAt('employeeName')} disabled={draft.anonymous} maxLength={200} />
          <TextInput id="setup-ref" label="Employee id" value={draft.employeeRef} onChange={(value) => set('employeeRef', value)} error={errorAt('employeeRef')} disabled={draft.anonymous} maxLength={100} />
          <div className="setup-field setup-field--wide">
            <label className="checkbox">
              <input type="checkbox" data-testid="setup-anonymous" checked={draft.anonymous} aria-describedby="setup-anonymous-help" onChange={(event) => toggleAnonymous(event.target.checked)} />
              Anonymous
            </label>
            <p className="field__help" id="setup-anonymous-help">
              {draft.anonymous ? 'No name or id will be stored: the interview and its reports cannot name anyone.' : 'Tick to keep the interview anonymous.'}
            </p>
          </div>
          <TextInput id="setup-department" label="Department" value={draft.department} onChange={(value) => set('department', value)} error={errorAt('department')} maxLength={120} />
          <TextInput id="setup-role" label="Role" value={draft.role} onChange={(value) => set('role', value)} error={errorAt('role')} maxLength={120} />
          <TextInput id="setup-manager" label="Manager" value={draft.manager} onChange={(value) => set('manager', value)} error={errorAt('manager')} maxLength={200} />
          <SetupField id="setup-tenure-years" label="Tenure" error={errorAt('tenure')} narrow>
            {(described) => (
              <div className="input-group setup-tenure">
                <input id="setup-tenure-years" className="input input--number" type="number" min={0} max={60} inputMode="numeric" value={draft.tenureYears} onChange={(event) => set('tenureYears', event.target.value)} {...described} />
                <span className="input-group__unit">years</span>
                <input id="setup-tenure-months" aria-label="Tenure, months" className="input input--number" type="number" min={0} max={11} inputMode="numeric" value={draft.tenureMonths} onChange={(event) => set('tenureMonths', event.target.value)} {...described} />
                <span className="input-group__unit">months</span>
              </div>
            )}
          </SetupField>
          <TextInput id="setup-leaving" type="date" label="Leaving date" value={draft.leavingDate} onChange={(value) => set('leavingDate', value)} error={errorAt('leavingDate')} maxLength={10} />
          <div className="setup-field">
            <span className="field__label" aria-hidden="true">
              Departure
            </span>
            <label className="checkbox">
              <input type="checkbox" data-testid="setup-voluntary" checked={draft.voluntary} onChange={(event) => set('voluntary', event.target.checked)} />
              Voluntary (the employee chose to leave)
            </label>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" data-testid="setup-submit" disabled={saving}>
            {saving ? 'Setting up…' : 'Set up the interview'}
          </button>
          {hasInterviews && (
            <button type="button" className="button" onClick={closeNewForm}>
              Cancel
            </button>
          )}
        </div>
        {error !== null && error.field === null && (
          <p className="inline-error" role="alert" data-testid="setup-error">
            {error.message}
          </p>
        )}
      </form>
    </section>
  );
}
