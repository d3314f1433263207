import type { ReactNode } from 'react';
import type { HistoryItem } from '../../../../main/pricing/schema';
import { formatInteger } from '../../lib/format';
import { formatMoney, formatWhen } from './format';
import { historyPageSize, openRequest, rerunRequest, searchHistory, turnHistoryPage, usePricing } from './store';
import { SearchBox } from '../../components/SearchBox';

function Row({ item }: { item: HistoryItem }) {
  const busy = usePricing((state) => state.busy);
  const busyId = usePricing((state) => state.busyId);
  const shownId = usePricing((state) => state.result?.id ?? null);
  const mine = busyId === item.id;
  return (
    <tr data-testid="pricing-history-row" data-id={item.id} data-title={item.title} data-rerun-of={item.rerunOf ?? ''} aria-current={shownId === item.id || undefined}>
      <td className="muted">{formatWhen(item.createdAt)}</td>
      <th scope="row">
        {item.title}
        {item.rerunOf !== null && <span className="tag pricing-tag">Re-run</span>}
      </th>
      <td>{item.location ?? <span className="muted">National</span>}</td>
      <td>
        {item.topCode === null ? (
          <span className="muted">—</span>
        ) : (
          <>
            <span className="mono">{item.topCode}</span> {item.topTitle}
          </>
        )}
      </td>
      <td className="num">{item.p50 === null ? '—' : formatMoney(item.p50, item.currency, item.payBasis)}</td>
      <td className="num">{formatInteger(item.confidence)}</td>
      <td>
        <span className="row-actions">
          <button type="button" className="button button--small" disabled={busy !== null} data-testid="pricing-history-open" aria-label={`Open ${item.title}, ${formatWhen(item.createdAt)}`} onClick={() => void openRequest(item.id)}>
            {mine && busy === 'open' ? 'Opening…' : 'Open'}
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={busy !== null}
            data-testid="pricing-history-rerun"
            aria-label={`Re-run ${item.title} on today’s data`}
            title="Price this request again on today’s data and settings; the original stays in history"
            onClick={() => void rerunRequest(item.id).then((ok) => ok && document.getElementById('pricing-result-title')?.focus())}
          >
            {mine && busy === 'rerun' ? 'Re-running…' : 'Re-run'}
          </button>
        </span>
      </td>
    </tr>
  );
}

/** Every past request, newest first, searched and a page at a time. */
export function PricingHistory() {
  const history = usePricing((state) => state.history);
  const search = usePricing((state) => state.historySearch);
  const offset = usePricing((state) => state.historyOffset);
  const error = usePricing((state) => state.historyError);
  const loading = usePricing((state) => state.historyLoading);

  let body: ReactNode;
  if (history === null) {
    body = error === null ? <p className="muted">Reading past requests…</p> : <p className="inline-error">The history could not be read: {error}</p>;
  } else if (history.items.length === 0) {
    body = (
      <p className="muted" data-testid="pricing-history-empty">
        {history.search.trim() === '' ? 'No jobs priced yet: each request you price is kept here.' : 'No past request matches this search.'}
      </p>
    );
  } else {
    const first = history.offset + 1;
    const last = history.offset + history.items.length;
    body = (
      <>
        <div className="table-scroll">
          <table className="table pricing-history">
            <caption className="visually-hidden">
              Past pricing requests {first} to {last} of {history.total}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Title</th>
                <th scope="col">Location</th>
                <th scope="col">Best match</th>
                <th scope="col" className="num">
                  P50
                </th>
                <th scope="col" className="num">
                  Confidence
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.items.map((item) => (
                <Row key={item.id} item={item} />
              ))}
            </tbody>
          </table>
        </div>
        <div className="pager">
          <span className="pager__text" data-testid="pricing-history-range">
            {formatInteger(first)}–{formatInteger(last)} of {formatInteger(history.total)}
          </span>
          <button type="button" className="button button--small" disabled={offset === 0} onClick={() => turnHistoryPage(offset - historyPageSize)}>
            Previous
          </button>
          <button type="button" className="button button--small" disabled={last >= history.total} onClick={() => turnHistoryPage(offset + historyPageSize)}>
            Next
          </button>
        </div>
      </>
    );
  }

  return (
    <section className="card card--wide" aria-labelledby="pricing-history-title" data-testid="pricing-history" data-total={history?.total ?? ''} aria-busy={loading || undefined}>
      <div className="card__head">
        <h2 id="pricing-history-title" className="card__title">
          History
        </h2>
        <SearchBox value={search} onChange={searchHistory} placeholder="Title, location or matched job" testId="pricing-history-search" />
      </div>
      {error !== null && history !== null && <p className="inline-error">Could not refresh: {error}</p>}
      {body}
    </section>
  );
}
