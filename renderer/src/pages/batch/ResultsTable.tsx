import { useEffect, useId, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../main/batch/schema';
import { SegmentedControl } from '../../components/SegmentedControl';
import { formatInteger } from '../../lib/format';
import { errorKindLabel } from '../metrics/format';
import { Exports } from './Exports';
import { finishedOf, formatLatency, isLive, recommendationLabel, stateLabels, stateTones, type ItemState } from './format';
import { ItemDetail } from './ItemDetail';
import { changeQuery, pageSize, turnPage, useResultsPage, useResultsQuery, type ItemRow, type SortKey, type StateFilter } from './results';
import { SearchBox } from '../../components/SearchBox';

const sortOptions: readonly { value: SortKey; label: string; title: string }[] = [
  { value: 'seq', label: 'File order', title: 'As the items stand in the file' },
  { value: 'overall', label: 'Overall score', title: 'By the evaluation’s overall score' },
  { value: 'latency', label: 'Latency', title: 'By how long the model took' },
];

const orderOptions: readonly { value: 'asc' | 'desc'; label: string }[] = [
  { value: 'asc', label: 'Ascending' },
  { value: 'desc', label: 'Descending' },
];

const states: readonly ItemState[] = ['done', 'failed', 'pending', 'running'];

function Row({ item, onOpen }: { item: ItemRow; onOpen: (seq: number) => void }) {
  const error = item.lastError === null ? null : `${item.errorKind === null ? '' : `${errorKindLabel(item.errorKind)}: `}${item.lastError}`;
  return (
    <tr data-testid="batch-result" data-seq={item.seq} data-state={item.state} className="results-row" onClick={() => onOpen(item.seq)}>
      <td className="num muted">{formatInteger(item.seq + 1)}</td>
      <th scope="row" className="results-row__id">
        {/* The row opens on a click anywhere; this button is its keyboard way in (Enter or Space). */}
        <button
          type="button"
          className="link-button mono"
          onClick={(event) => {
            event.stopPropagation();
            onOpen(item.seq);
          }}
        >
          {item.customId}
        </button>
      </th>
      <td>
        <span className="badge" data-tone={stateTones[item.state]}>
          {stateLabels[item.state]}
        </span>
      </td>
      <td className="num">{item.overall === null ? '—' : formatInteger(item.overall)}</td>
      <td>{item.recommendation === null ? <span className="muted">—</span> : recommendationLabel(item.recommendation)}</td>
      <td className="num">{item.tokensIn === null ? '—' : `${formatInteger(item.tokensIn)} / ${formatInteger(item.tokensOut ?? 0)}`}</td>
      <td className="num">{formatLatency(item.latencyMs)}</td>
      <td className="results-row__error" title={error ?? undefined}>
        {error === null ? <span className="muted">—</span> : <span className={item.state === 'failed' ? 'error-text' : 'muted'}>{error}</span>}
      </td>
    </tr>
  );
}

/** The batch's items, a page at a time: sorted, filtered by state, searched; each opens in a side panel. */
export function ResultsTable({ batch }: { batch: BatchSummary }) {
  const query = useResultsQuery();
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  const stateId = useId();
  // Read again as items finish (progress comes at most once a second) and when the status changes.
  const version = `${batch.status}:${isLive(batch.status) ? finishedOf(batch.counts) : ''}`;
  const { page, error, loading } = useResultsPage(batch.id, query, version);
  useEffect(() => setOpenSeq(null), [batch.id]);
  const countOf = (state: StateFilter): number => (state === 'all' ? batch.counts.total : batch.counts[state]);

  let body: ReactNode;
  if (page === null) {
    body = error === null ? <p className="muted results-placeholder">Reading the results…</p> : <p className="inline-error">The results could not be read: {error}</p>;
  } else if (page.items.length === 0) {
    const filtered = query.state !== 'all' || query.search.trim() !== '';
    body = (
      <p className="muted results-placeholder" data-testid="batch-results-empty">
        {filtered ? 'No item matches this filter and search.' : 'No items in this batch.'}
      </p>
    );
  } else {
    const first = query.offset + 1;
    const last = query.offset + page.items.length;
    body = (
      <>
        <div className="table-scroll">
          <table className="table results-table">
            <caption className="visually-hidden">
              Items {first} to {last} of {page.total}, sorted by {sortOptions.find((option) => option.value === query.sort)?.label.toLowerCase()}, {query.descending ? 'descending' : 'ascending'}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Custom id</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Overall
                </th>
                <th scope="col">Recommendation</th>
                <th scope="col" className="num">
                  Tokens<span className="th-unit">in / out</span>
                </th>
                <th scope="col" className="num">
                  Latency
                </th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <Row key={item.seq} item={item} onOpen={setOpenSeq} />
              ))}
            </tbody>
          </table>
        </div>
        <div className="pager">
          <span className="pager__text" data-testid="batch-results-range">
            {formatInteger(first)}–{formatInteger(last)} of {formatInteger(page.total)}
          </span>
          <button type="button" className="button button--small" disabled={query.offset === 0} onClick={() => turnPage(query.offset - pageSize)}>
            Previous
          </button>
          <button type="button" className="button button--small" disabled={last >= page.total} onClick={() => turnPage(query.offset + pageSize)}>
            Next
          </button>
        </div>
      </>
    );
  }

  return (
    <section
      className="card card--wide"
      id="batch-results"
      aria-labelledby="batch-results-title"
      data-testid="batch-results"
      data-total={page?.total ?? ''}
      aria-busy={loading || undefined}
    >
      <div className="card__head">
        <h2 id="batch-results-title" className="card__title" tabIndex={-1}>
          Results
        </h2>
        <Exports batch={batch} />
      </div>
      <div className="toolbar">
        <SegmentedControl label="Sort by" options={sortOptions} value={query.sort} onChange={(sort) => changeQuery({ sort })} testId="batch-results-sort" />
        <SegmentedControl label="Order" hideLabel options={orderOptions} value={query.descending ? 'desc' : 'asc'} onChange={(order) => changeQuery({ descending: order === 'desc' })} />
        <div className="results-filter">
          <label htmlFor={stateId} className="segmented__label">
            State
          </label>
          <select id={stateId} className="input input--compact" value={query.state} data-testid="batch-results-state" onChange={(event) => changeQuery({ state: event.target.value as StateFilter })}>
            <option value="all">All ({formatInteger(countOf('all'))})</option>
            {states.map((state) => (
              <option key={state} value={state}>
                {stateLabels[state]} ({formatInteger(countOf(state))})
              </option>
            ))}
          </select>
        </div>
        <SearchBox value={query.search} onChange={(search) => changeQuery({ search })} placeholder="Custom id or error text" testId="batch-results-search" />
      </div>
      {error !== null && page !== null && <p className="inline-error">Could not refresh: {error}</p>}
      {body}
      <ItemDetail batchId={batch.id} seq={openSeq} onClose={() => setOpenSeq(null)} />
    </section>
  );
}
