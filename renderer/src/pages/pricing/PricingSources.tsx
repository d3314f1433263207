import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatInteger } from '../../lib/format';
import { useAction } from '../models/useAction';
import { formatWhen } from './format';
import { deleteSource, loadCatalogue, usePricing, type CatalogueAnswer } from './store';

type Source = CatalogueAnswer['sources'][number];

/** Said until the catalogue answers, so the licence is on screen from the first paint. */
const fallbackAttribution = [
  'Wages: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (public domain).',
  'This product includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.',
];

function SourceRow({ source, onDelete }: { source: Source; onDelete: (source: Source) => void }) {
  return (
    <tr data-testid="pricing-source" data-id={source.id} data-kind={source.kind}>
      <th scope="row">
        {source.name}
        <span className="pricing-source__meta">{[source.publisher, source.licence].filter((part) => part !== null).join(' · ')}</span>
      </th>
      <td>{source.kind === 'bundled' ? 'Bundled' : 'Your survey'}</td>
      <td>{source.effectiveDate ?? '—'}</td>
      <td className="num">{formatInteger(source.rows)}</td>
      <td>{source.kind === 'survey' ? formatWhen(source.importedAt) : <span className="muted">—</span>}</td>
      <td>
        {source.kind === 'survey' ? (
          <button type="button" className="button button--small button--quiet-danger" data-testid="pricing-source-delete" onClick={() => onDelete(source)}>
            Delete
          </button>
        ) : (
          <span className="visually-hidden">Bundled data cannot be deleted</span>
        )}
      </td>
    </tr>
  );
}

/** The benchmark data behind every price: sources, catalogue versions and the attribution. */
export function PricingSources() {
  const catalogue = usePricing((state) => state.catalogue);
  const catalogueState = usePricing((state) => state.catalogueState);
  const catalogueError = usePricing((state) => state.catalogueError);
  const resultAttribution = usePricing((state) => state.result?.attribution ?? null);
  const [deleting, setDeleting] = useState<Source | null>(null);
  const action = useAction<'delete'>();
  const attribution = catalogue?.attribution ?? resultAttribution ?? fallbackAttribution;

  const confirmDelete = async (): Promise<void> => {
    if (deleting === null) return;
    const ok = await action.run('delete', () => deleteSource(deleting.id));
    if (ok) setDeleting(null);
  };

  return (
    <section className="card card--wide" aria-labelledby="pricing-sources-title" data-testid="pricing-sources">
      <h2 id="pricing-sources-title" className="card__title">
        Sources
      </h2>
      {catalogueState === 'loading' && (
        <p className="muted" role="status" data-testid="pricing-preparing">
          Preparing the benchmark catalogue (first use)… this takes a few seconds, once.
        </p>
      )}
      {catalogueState === 'error' && (
        <div className="notice notice--error" role="alert">
          <p>The benchmark catalogue could not be read: {catalogueError}</p>
          <button type="button" className="button" onClick={() => void loadCatalogue()}>
            Try again
          </button>
        </div>
      )}
      {catalogue !== null && (
        <>
          <div className="table-scroll">
            <table className="table pricing-sources">
              <caption className="visually-hidden">Benchmark data sources</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Effective date</th>
                  <th scope="col" className="num">
                    Rows
                  </th>
                  <th scope="col">Imported</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {catalogue.sources.map((source) => (
                  <SourceRow key={source.id} source={source} onDelete={setDeleting} />
                ))}
              </tbody>
            </table>
          </div>
          <p className="footnote" data-testid="pricing-catalogue">
            Catalogue {catalogue.status.dataVersion}: {formatInteger(catalogue.status.occupations)} occupations ({formatInteger(catalogue.status.occupationsWithWages)} with wages),{' '}
            {formatInteger(catalogue.status.titles)} titles, {formatInteger(catalogue.status.states)} state factors; matched with {catalogue.status.embedder} ({catalogue.status.dims} dimensions).
            Import your own surveys with <span className="mono">npm run cli -- pricing import</span>.
          </p>
        </>
      )}
      <div className="pricing-attribution" data-testid="pricing-attribution">
        {attribution.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? 'this source'}?`}
        confirmLabel="Delete source"
        danger
        busy={action.running !== null}
        onConfirm={() => void confirmDelete()}
        onCancel={() => {
          setDeleting(null);
          action.clearError();
        }}
      >
        <p>
          Its {formatInteger(deleting?.rows ?? 0)} rows leave the catalogue and future prices no longer use them. Past requests keep the figures they were priced with.
        </p>
        {action.error !== null && (
          <p className="inline-error" role="alert">
            {action.error}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
