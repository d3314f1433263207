import { useEffect, type FormEvent } from 'react';
import { AggregateView } from './AggregateView';
import { editPeriod, exportAggregateCsv, loadAggregate, useReport } from './report';
import { SetupField } from './SetupField';

/** The aggregate of a period: reasons, sentiment by month and breakdowns, with small groups hidden. */
export function ReportView() {
  const period = useReport((state) => state.period);
  const aggregate = useReport((state) => state.aggregate);
  const loading = useReport((state) => state.loading);
  const exporting = useReport((state) => state.exporting);
  const error = useReport((state) => state.error);
  // The default period is shown at once; changing it asks again only when the analyst says so.
  useEffect(() => void loadAggregate(), []);

  const errorAt = (field: string): string | null => (error !== null && error.field === field ? error.message : null);
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void loadAggregate();
  };

  return (
    <section className="card" aria-labelledby="report-title" aria-busy={loading || undefined} data-testid="interviews-report">
      <div className="card__head">
        <h2 id="report-title" className="card__title">
          Exit interviews of a period
        </h2>
        <button type="button" className="button button--small" data-testid="report-export-csv" disabled={exporting || aggregate === null} onClick={() => void exportAggregateCsv()}>
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <p className="card__lead">Interviews count in the period in which they finished. Groups smaller than the minimum are never shown, so no one can be picked out.</p>
      <form className="report-form" aria-label="Period" noValidate onSubmit={onSubmit}>
        <SetupField id="report-from" label="From" error={errorAt('from')} narrow>
          {(described) => <input id="report-from" className="input" type="date" value={period.from} onChange={(event) => editPeriod({ from: event.target.value })} {...described} />}
        </SetupField>
        <SetupField id="report-to" label="To" error={errorAt('to')} narrow>
          {(described) => <input id="report-to" className="input" type="date" value={period.to} onChange={(event) => editPeriod({ to: event.target.value })} {...described} />}
        </SetupField>
        <SetupField id="report-min" label="Minimum group size" error={errorAt('minGroupSize')} narrow>
          {(described) => (
            <input id="report-min" className="input input--number" type="number" min={2} max={100} inputMode="numeric" value={period.minGroupSize} onChange={(event) => editPeriod({ minGroupSize: event.target.value })} {...described} />
          )}
        </SetupField>
        <button type="submit" className="button button--primary report-form__submit" data-testid="report-show" disabled={loading}>
          {loading ? 'Counting…' : 'Show'}
        </button>
      </form>
      {error !== null && error.field === null && (
        <p className="inline-error" role="alert">
          {error.message}
        </p>
      )}
      {aggregate !== null && <AggregateView aggregate={aggregate} />}
    </section>
  );
}
