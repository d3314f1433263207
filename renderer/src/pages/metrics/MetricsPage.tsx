import { useEffect } from 'react';
import type { MetricsSummary } from '../../../../main/metrics/schema';
import { PageHeader } from '../../components/PageHeader';
import { SegmentedControl } from '../../components/SegmentedControl';
import { formatInteger } from '../../lib/format';
import { useAction } from '../models/useAction';
import { downloadText } from './download';
import { errorKindsText, formatMs, formatRate, formatTokensPerSecond, formatWh } from './format';
import { MetricsCharts } from './MetricsCharts';
import { MetricsTable } from './MetricsTable';
import { chooseGroupBy, chooseWindow, fetchCsv, loadSummary, metricsWindows, startMetricsFeed, useMetrics, type GroupBy, type MetricsWindow } from './store';

const windowOptions = (Object.keys(metricsWindows) as MetricsWindow[]).map((value) => ({ value, label: metricsWindows[value].label, title: `The ${metricsWindows[value].words}` }));

const groupOptions: readonly { value: GroupBy; label: string }[] = [
  { value: 'operation-model', label: 'Operation + model' },
  { value: 'feature-model', label: 'Feature + model' },
];

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function ExportButton({ disabled }: { disabled: boolean }) {
  const action = useAction<'export'>();
  const exportCsv = async (): Promise<void> => {
    const { fileName, csv } = await fetchCsv();
    downloadText(fileName, csv);
  };
  return (
    <span className="export">
      <button
        type="button"
        className="button"
        data-testid="metrics-export"
        disabled={disabled || action.running !== null}
        title={disabled ? 'Nothing to export in this window' : 'Download the table as a CSV file for a spreadsheet'}
        onClick={() => void action.run('export', exportCsv)}
      >
        {action.running === null ? 'Export CSV' : 'Exporting…'}
      </button>
      {action.error !== null && (
        <span className="inline-error" role="alert">
          {action.error}
        </span>
      )}
    </span>
  );
}

/** The window's headline numbers, from the total row. */
function Totals({ summary }: { summary: MetricsSummary }) {
  const { total } = summary;
  const kinds = errorKindsText(total);
  return (
    <dl className="facts metrics-facts" data-testid="metrics-facts">
      <div>
        <dt>Calls</dt>
        <dd>{formatInteger(total.count)}</dd>
      </div>
      <div>
        <dt>p95 latency</dt>
        <dd>{total.p95Ms === null ? '—' : `${formatMs(total.p95Ms)} ms`}</dd>
      </div>
      <div>
        <dt>Tokens per second</dt>
        <dd>{formatTokensPerSecond(total.tokensPerSecond)}</dd>
      </div>
      <div>
        <dt>Cache hits</dt>
        <dd>{formatRate(total.cacheHitRate)}</dd>
      </div>
      <div>
        <dt>Errors</dt>
        <dd title={kinds === '' ? undefined : kinds}>{formatRate(total.errorRate)}</dd>
      </div>
      <div>
        <dt>GPU energy</dt>
        <dd>{total.energyWh === null ? '—' : `${formatWh(total.energyWh)} Wh`}</dd>
      </div>
    </dl>
  );
}

export function MetricsPage() {
  const windowKey = useMetrics((state) => state.window);
  const groupBy = useMetrics((state) => state.groupBy);
  const summary = useMetrics((state) => state.summary);
  const summaryFor = useMetrics((state) => state.summaryFor);
  const error = useMetrics((state) => state.error);
  useEffect(() => startMetricsFeed(), []);

  // While another window or grouping is read, the previous rows stay, dimmed and marked busy, so the
  // page does not jump; they are never shown as if they were the new choice's.
  const current = summary;
  const stale = summary !== null && (summaryFor?.window !== windowKey || summaryFor.groupBy !== groupBy);
  const shownGroupBy = summaryFor?.groupBy ?? groupBy;
  const words = metricsWindows[summaryFor?.window ?? windowKey].words;
  const empty = current !== null && current.rows.length === 0;

  let content;
  if (current === null) {
    content =
      error === null ? (
        <p className="muted metrics-placeholder">Reading the recorded calls…</p>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>The metrics could not be read: {error}</p>
          <button type="button" className="button" onClick={() => void loadSummary()}>
            Try again
          </button>
        </div>
      );
  } else if (empty) {
    content = (
      <section className="card" data-testid="metrics-empty">
        <div className="empty-state">
          <p className="empty-state__headline">No model calls in the {words}</p>
          <p className="muted">No model calls recorded in this window yet: calls appear here as batch, interviews, pricing and skills use the model.</p>
        </div>
      </section>
    );
  } else {
    const by = shownGroupBy === 'operation-model' ? 'operation' : 'feature';
    content = (
      <>
        <section className="card card--wide" aria-labelledby="metrics-table-title">
          <h2 id="metrics-table-title" className="card__title">
            Calls by {by} and model
          </h2>
          <Totals summary={current} />
          <MetricsTable rows={current.rows} total={current.total} groupBy={shownGroupBy} caption={`Model calls in the ${words}, by ${by} and model`} />
          <p className="footnote">
            Latency is the whole call as the feature saw it, retries included. Tokens per second count output tokens over the model’s own generation time. Energy is the GPU’s, shared between calls running at once.
          </p>
        </section>
        <MetricsCharts rows={current.rows} groupBy={shownGroupBy} />
      </>
    );
  }

  return (
    <div className="page page--wide" data-testid="metrics-page" data-window={windowKey} data-group-by={groupBy} data-stale={stale || undefined} aria-busy={stale || undefined}>
      <PageHeader
        title="Metrics"
        lead="How the model served each feature: latency, speed, tokens, cache hits, errors and energy, from every recorded call."
        actions={<ExportButton disabled={current === null || empty || stale} />}
      />
      <div className="toolbar">
        <SegmentedControl label="Window" options={windowOptions} value={windowKey} onChange={(value) => chooseWindow(value)} testId="metrics-window" />
        <SegmentedControl label="Group by" options={groupOptions} value={groupBy} onChange={(value) => chooseGroupBy(value)} testId="metrics-group-by" />
        {current !== null && (
          <span className="toolbar__note" data-testid="metrics-updated">
            Updated {clock.format(Date.parse(current.to))}
          </span>
        )}
      </div>
      {error !== null && current !== null && <p className="inline-error">Could not refresh: {error}</p>}
      {content}
    </div>
  );
}
