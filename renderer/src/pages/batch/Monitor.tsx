import type { BatchStats, BatchSummary } from '../../../../main/batch/schema';
import { formatInteger, formatPercent, formatTime, shareOf } from '../../lib/format';
import { ProgressBar } from '../models/ProgressBar';
import { BatchControls } from './BatchControls';
import { BatchVram } from './BatchVram';
import { EventList } from './EventList';
import { finishedOf, formatEta, formatPerSecond, isLive, remainingOf } from './format';
import { ProblemList } from './ProblemList';
import { changeQuery } from './results';
import { runStartOf } from './run';
import { StatusBadge } from './StatusBadge';
import { loadDetail, useBatches } from './store';

const kindLabels: Record<BatchSummary['kind'], string> = { candidates: 'Candidate evaluations', openai: 'OpenAI batch' };

/** "4 s", "3 min 20 s", "2 h 5 min": how long a finished run took. */
function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function showFailed(): void {
  changeQuery({ state: 'failed' });
  const title = document.getElementById('batch-results-title');
  title?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  title?.focus({ preventScroll: true });
}

function Rates({ batch, stats }: { batch: BatchSummary; stats: BatchStats | null }) {
  const started = runStartOf(batch);
  const finished = batch.finishedAt === null ? null : Date.parse(batch.finishedAt);
  if (isLive(batch.status) || started === null || finished === null) {
    const paused = batch.status === 'paused';
    return (
      <>
        <div>
          <dt>Requests per second</dt>
          <dd data-testid="batch-rps">{stats === null ? '—' : formatPerSecond(stats.requestsPerSecond)}</dd>
        </div>
        <div>
          <dt>Tokens per second</dt>
          <dd data-testid="batch-tps">{stats === null ? '—' : formatPerSecond(stats.tokensPerSecond)}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd data-testid="batch-eta">{paused ? 'paused' : stats === null ? '—' : formatEta(stats.etaSeconds)}</dd>
        </div>
      </>
    );
  }
  const seconds = Math.max(0.001, (finished - started) / 1000);
  return (
    <>
      <div>
        <dt>Average rate</dt>
        <dd data-testid="batch-rps" title="Items finished over the time taken, pauses included">
          {formatPerSecond(finishedOf(batch.counts) / seconds)} requests/s
        </dd>
      </div>
      <div>
        <dt>Time taken</dt>
        <dd title="From queueing to the end, pauses included">{formatDuration(finished - started)}</dd>
      </div>
      <div>
        <dt>Finished</dt>
        <dd>{formatTime(batch.finishedAt!)}</dd>
      </div>
    </>
  );
}

/** The selected batch: progress, counts, rates, time left, controls, file problems, VRAM and events. */
export function Monitor() {
  const selectedId = useBatches((state) => state.selectedId);
  const detail = useBatches((state) => state.detail);
  const detailError = useBatches((state) => state.detailError);
  const listed = useBatches((state) => state.batches?.find((batch) => batch.id === state.selectedId) ?? null);
  if (selectedId === null) return null;
  // The list's summary shows at once; the detail (rates, events) follows.
  const batch = detail?.summary.id === selectedId ? detail.summary : listed;
  const current = detail?.summary.id === selectedId ? detail : null;
  if (batch === null) {
    return (
      <section className="card monitor" aria-busy="true" data-testid="batch-monitor">
        {detailError === null ? (
          <p className="muted">Reading the batch…</p>
        ) : (
          <div className="notice notice--error" role="alert">
            <p>The batch could not be read: {detailError}</p>
            <button type="button" className="button" onClick={() => void loadDetail(selectedId)}>
              Try again
            </button>
          </div>
        )}
      </section>
    );
  }
  const { counts } = batch;
  const finished = finishedOf(counts);
  const share = counts.total === 0 ? null : shareOf(finished, counts.total);
  const progressText = `${formatInteger(finished)} of ${formatInteger(counts.total)} items finished${share === null ? '' : ` (${formatPercent(share)})`}: ${formatInteger(counts.done)} done, ${formatInteger(counts.failed)} failed`;
  const meta = [kindLabels[batch.kind], batch.model, batch.template === null ? null : `template ${batch.template.id} v${batch.template.version}`, `queued ${formatTime(batch.createdAt)}`].filter(
    (part): part is string => part !== null,
  );

  return (
    <section
      className="card monitor"
      aria-labelledby="batch-monitor-title"
      data-testid="batch-monitor"
      data-batch-id={batch.id}
      data-status={batch.status}
      data-done={counts.done}
      data-failed={counts.failed}
      data-total={counts.total}
    >
      <div className="monitor__head">
        <div className="monitor__title">
          <h2 id="batch-monitor-title" className="card__title" tabIndex={-1}>
            {batch.sourceName}
          </h2>
          <p className="monitor__meta">
            {meta.join(' · ')} · <span className="mono">{batch.id}</span>
          </p>
        </div>
        <StatusBadge status={batch.status} failed={counts.failed} live />
      </div>
      <div className="monitor__progress" data-testid="batch-progress" data-finished={finished} data-total={counts.total}>
        <ProgressBar share={share} label={`Progress of ${batch.sourceName}`} valueText={progressText} />
        <span className="monitor__progress-text">
          {share === null ? 'No items' : formatPercent(share)} <span className="muted">· {formatInteger(finished)} of {formatInteger(counts.total)}</span>
        </span>
      </div>
      <dl className="facts monitor-facts">
        <div>
          <dt>Done</dt>
          <dd data-testid="batch-done">{formatInteger(counts.done)}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd data-testid="batch-failed">
            <span className={counts.failed > 0 ? 'error-text' : undefined}>{formatInteger(counts.failed)}</span>
            {counts.failed > 0 && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={showFailed}>
                  Show them
                </button>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd data-testid="batch-remaining">{formatInteger(remainingOf(counts))}</dd>
        </div>
        <Rates batch={batch} stats={current?.stats ?? null} />
      </dl>
      <BatchControls batch={batch} />
      <ProblemList problems={batch.problems} />
      <BatchVram summary={batch} events={current?.events ?? []} />
      <EventList events={current?.events ?? []} />
    </section>
  );
}
