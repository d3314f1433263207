import type { BatchSummary } from '../../../../main/batch/schema';
import { UsageBar } from '../../components/UsageBar';
import { formatTime } from '../../lib/format';
import { countsText, finishedOf } from './format';
import { StatusBadge } from './StatusBadge';
import { loadBatches, selectBatch, useBatches } from './store';

function BatchRow({ batch, selected }: { batch: BatchSummary; selected: boolean }) {
  const { counts } = batch;
  return (
    <li data-testid="batch-row" data-batch-id={batch.id} data-status={batch.status}>
      <button type="button" className="batch-row" aria-current={selected || undefined} onClick={() => selectBatch(batch.id)}>
        <span className="batch-row__head">
          <span className="batch-row__name">{batch.sourceName}</span>
          <StatusBadge status={batch.status} failed={counts.failed} />
        </span>
        <UsageBar used={finishedOf(counts)} total={counts.total} level={counts.failed > 0 ? 'warn' : 'ok'} />
        <span className="batch-row__facts">
          <span>{countsText(counts)}</span>
          <span>{formatTime(batch.createdAt)}</span>
        </span>
      </button>
    </li>
  );
}

/** Every batch, newest first; the one picked is shown in the monitor. */
export function BatchList() {
  const batches = useBatches((state) => state.batches);
  const listError = useBatches((state) => state.listError);
  const selectedId = useBatches((state) => state.selectedId);
  let content;
  if (batches === null) {
    content =
      listError === null ? (
        <p className="muted">Reading the batches…</p>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>The batches could not be read: {listError}</p>
          <button type="button" className="button" onClick={() => void loadBatches()}>
            Try again
          </button>
        </div>
      );
  } else if (batches.length === 0) {
    content = (
      <div className="empty-state">
        <p className="empty-state__headline">No batches yet</p>
        <p className="muted">Drop a file on this page to queue the first one. Batches queued from the command line or through the OpenAI API show here too.</p>
      </div>
    );
  } else {
    content = (
      <ul className="batch-list" aria-label="Batches, newest first">
        {batches.map((batch) => (
          <BatchRow key={batch.id} batch={batch} selected={batch.id === selectedId} />
        ))}
      </ul>
    );
  }
  return (
    <section className="card batch-list-card" aria-labelledby="batch-list-title" data-testid="batch-list" data-count={batches?.length ?? ''}>
      <h2 id="batch-list-title" className="card__title">
        Batches
      </h2>
      {content}
      {batches !== null && listError !== null && <p className="inline-error">Could not refresh: {listError}</p>}
    </section>
  );
}
