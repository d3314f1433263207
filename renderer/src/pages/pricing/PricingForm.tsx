import { useRef, useState, type FormEvent } from 'react';
import { SegmentedControl } from '../../components/SegmentedControl';
import { priceJob, usePricing } from './store';

const levels = ['entry', 'junior', 'intermediate', 'senior', 'lead'] as const;

const basisOptions: readonly { value: 'annual' | 'hourly'; label: string }[] = [
  { value: 'annual', label: 'Annual' },
  { value: 'hourly', label: 'Hourly' },
];

/** Title, description, location, level and pay basis; Enter in any one-line field prices the job. */
export function PricingForm() {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [level, setLevel] = useState('');
  const [payBasis, setPayBasis] = useState<'annual' | 'hourly'>('annual');
  const [invalid, setInvalid] = useState<string | null>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const busy = usePricing((state) => state.busy);
  const error = usePricing((state) => state.error);
  const catalogueState = usePricing((state) => state.catalogueState);
  const pricing = busy === 'price';

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (title.trim() === '') {
      setInvalid('Give a job title, for example “Senior Software Engineer”.');
      titleInput.current?.focus();
      return;
    }
    setInvalid(null);
    const ok = await priceJob({
      title: title.trim(),
      description: description.trim() === '' ? undefined : description,
      location: location.trim() === '' ? undefined : location.trim(),
      level: level.trim() === '' ? undefined : level.trim(),
      payBasis,
    });
    if (ok) document.getElementById('pricing-result-title')?.focus();
  };

  let status: string | null = null;
  if (pricing) status = catalogueState === 'ready' ? 'Pricing…' : 'Preparing the benchmark catalogue (first use)… this takes a few seconds, once.';

  return (
    <section className="card" aria-labelledby="pricing-form-title">
      <h2 id="pricing-form-title" className="card__title">
        Price a job
      </h2>
      <form className="pricing-form" data-testid="pricing-form" aria-label="Price a job" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="pricing-form__fields">
          <div className="pricing-field pricing-field--title">
            <label className="field__label" htmlFor="pricing-title">
              Job title <span className="muted">(required)</span>
            </label>
            <input
              ref={titleInput}
              id="pricing-title"
              name="title"
              className="input"
              type="text"
              autoComplete="off"
              required
              maxLength={300}
              placeholder="Sr Software Engineer"
              value={title}
              aria-invalid={invalid !== null || undefined}
              aria-describedby={invalid === null ? 'pricing-title-help' : 'pricing-title-error pricing-title-help'}
              onChange={(event) => {
                setTitle(event.target.value);
                setInvalid(null);
              }}
            />
            {invalid !== null && (
              <p className="field__error" id="pricing-title-error" role="alert">
                {invalid}
              </p>
            )}
            <p className="field__help" id="pricing-title-help">
              As the posting writes it: abbreviations, seniority and typos are fine.
            </p>
          </div>
          <div className="pricing-field">
            <label className="field__label" htmlFor="pricing-location">
              Location
            </label>
            <input
              id="pricing-location"
              name="location"
              className="input"
              type="text"
              autoComplete="off"
              maxLength={200}
              placeholder="CA or California"
              value={location}
              aria-describedby="pricing-location-help"
              onChange={(event) => setLocation(event.target.value)}
            />
            <p className="field__help" id="pricing-location-help">
              A U.S. state name or code; empty for national figures.
            </p>
          </div>
          <div className="pricing-field pricing-field--narrow">
            <label className="field__label" htmlFor="pricing-level">
              Level
            </label>
            <input
              id="pricing-level"
              name="level"
              className="input"
              type="text"
              list="pricing-levels"
              autoComplete="off"
              maxLength={60}
              placeholder="From the title"
              value={level}
              aria-describedby="pricing-level-help"
              onChange={(event) => setLevel(event.target.value)}
            />
            <datalist id="pricing-levels">
              {levels.map((item) => (
                <option key={item} value={item} />
              ))}
            </datalist>
            <p className="field__help" id="pricing-level-help">
              Entry, junior, intermediate, senior or lead.
            </p>
          </div>
          <div className="pricing-field pricing-field--narrow">
            <SegmentedControl label="Pay basis" options={basisOptions} value={payBasis} onChange={setPayBasis} testId="pricing-pay-basis" />
          </div>
          <div className="pricing-field pricing-field--wide">
            <label className="field__label" htmlFor="pricing-description">
              Description <span className="muted">(optional)</span>
            </label>
            <textarea
              id="pricing-description"
              name="description"
              className="input pricing-form__description"
              rows={3}
              maxLength={20_000}
              placeholder="Paste the posting or a few lines about the duties"
              value={description}
              aria-describedby="pricing-description-help"
              onChange={(event) => setDescription(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  event.currentTarget.form?.requestSubmit();
                }
              }}
            />
            <p className="field__help" id="pricing-description-help">
              Helps the match when the title is generic. Ctrl+Enter prices from here.
            </p>
          </div>
        </div>
        <div className="pricing-form__actions">
          <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="pricing-submit">
            {pricing ? 'Pricing…' : 'Price'}
          </button>
          <span className="pricing-form__status" role="status" data-testid="pricing-status">
            {status}
          </span>
        </div>
        {error !== null && (
          <p className="inline-error" role="alert" data-testid="pricing-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
