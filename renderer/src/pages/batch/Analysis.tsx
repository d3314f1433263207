import { useEffect, useRef, useState } from 'react';
import type { BatchSummary } from '../../../../main/batch/schema';
import { BarChart } from '../../components/charts/BarChart';
import { ColumnChart } from '../../components/charts/ColumnChart';
import { messageOf } from '../../lib/errors';
import { formatInteger } from '../../lib/format';
import { errorKindLabel } from '../metrics/format';
import { analyse, type AnalysisFacts } from './analysis';
import { finishedOf, formatLatency, isLive } from './format';
import { readItems } from './results';

/** Beyond this many items of a state, the analysis covers the first ones (in file order) and says so. */
export const analysisCap = 5_000;
/** While items finish, the analysis is read again at most this often. */
const refreshMs = 5_000;

interface Computed {
  forId: string;
  facts: AnalysisFacts;
  doneTotal: number;
  failedTotal: number;
}

function useAnalysis(batch: BatchSummary): { computed: Computed | null; error: string | null } {
  const [computed, setComputed] = useState<Computed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastLoad = useRef<{ id: string; at: number }>({ id: '', at: 0 });
  const finished = finishedOf(batch.counts);
  const live = isLive(batch.status);
  useEffect(() => {
    let active = true;
    const since = lastLoad.current.id === batch.id ? lastLoad.current.at : 0;
    const wait = live ? Math.max(0, since + refreshMs - Date.now()) : 0;
    const timer = window.setTimeout(() => {
      lastLoad.current = { id: batch.id, at: Date.now() };
      Promise.all([readItems(batch.id, { state: 'done', cap: analysisCap }), readItems(batch.id, { state: 'failed', cap: analysisCap })])
        .then(([done, failed]) => {
          if (!active) return;
          setComputed({ forId: batch.id, facts: analyse(done.items, failed.items), doneTotal: done.total, failedTotal: failed.total });
          setError(null);
        })
        .catch((reason: unknown) => active && setError(messageOf(reason)));
    }, wait);
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
  }, [batch.id, batch.status, finished, live]);
  return { computed: computed?.forId === batch.id ? computed : null, error };
}

function coverage(computed: Computed): string {
  const { facts, doneTotal, failedTotal } = computed;
  const capped = doneTotal > facts.done || failedTotal > facts.failed;
  if (capped) return `Computed over the first ${formatInteger(facts.done)} of ${formatInteger(doneTotal)} done items and the first ${formatInteger(facts.failed)} of ${formatInteger(failedTotal)} failed ones.`;
  if (facts.done === 0) return `Over ${formatInteger(facts.failed)} failed ${facts.failed === 1 ? 'item' : 'items'}: none is done yet.`;
  return `Over all ${formatInteger(facts.done)} done ${facts.done === 1 ? 'item' : 'items'}${facts.failed > 0 ? ` and ${formatInteger(facts.failed)} failed` : ''}.`;
}

function ScoreChart({ facts }: { facts: AnalysisFacts }) {
  if (facts.done === 0) return <p className="muted chart-placeholder">No answers yet.</p>;
  if (facts.scored === 0) return <p className="muted chart-placeholder">No overall scores: the answers are not candidate evaluations.</p>;
  const columns = facts.scores.map((count, index) => ({ key: String(index + 1), label: String(index + 1), value: count }));
  const most = columns.reduce((best, column) => (column.value > best.value ? column : best));
  const mean = facts.scores.reduce((sum, count, index) => sum + count * (index + 1), 0) / facts.scored;
  return (
    <ColumnChart
      testId="batch-score-chart"
      caption="Items by overall score"
      summary={`Overall scores of ${facts.scored} items: most often ${most.label} (${most.value} items), average ${mean.toFixed(1)}.`}
      columns={columns}
      formatValue={formatInteger}
      labelHeading="Overall score"
      valueLabel="Items"
    />
  );
}

function RecommendationChart({ facts }: { facts: AnalysisFacts }) {
  if (facts.done === 0) return <p className="muted chart-placeholder">No answers yet.</p>;
  if (facts.recommendations.length === 0) return <p className="muted chart-placeholder">No recommendations in the answers.</p>;
  const bars = facts.recommendations.map((entry) => ({ key: entry.key, label: entry.label, value: entry.count }));
  const total = bars.reduce((sum, bar) => sum + (bar.value ?? 0), 0);
  const share = (value: number): string => `${formatInteger(value)} · ${Math.round((value / Math.max(1, total)) * 100)}%`;
  return (
    <BarChart
      testId="batch-recommendation-chart"
      caption="Items by recommendation"
      summary={`Recommendations of ${total} items: ${bars.map((bar) => `${bar.label} ${bar.value}`).join(', ')}.`}
      bars={bars}
      formatValue={share}
      valueLabel="Items"
    />
  );
}

function ErrorChart({ facts }: { facts: AnalysisFacts }) {
  if (facts.errorKinds.length === 0) return <p className="muted chart-placeholder">No failed items.</p>;
  const bars = facts.errorKinds.map((entry) => ({ key: entry.kind, label: errorKindLabel(entry.kind), value: entry.count }));
  return (
    <BarChart
      testId="batch-error-chart"
      caption="Failed items by kind of error"
      summary={`Failed items by kind of error: ${bars.map((bar) => `${bar.label} ${bar.value}`).join(', ')}.`}
      bars={bars}
      formatValue={formatInteger}
      valueLabel="Failed items"
    />
  );
}

/** Score distribution, recommendations, tokens, latency percentiles and error classes of the batch. */
export function Analysis({ batch }: { batch: BatchSummary }) {
  const { computed, error } = useAnalysis(batch);
  let content;
  if (computed === null) content = error === null ? <p className="muted chart-placeholder">Analysing the results…</p> : <p className="inline-error">The results could not be read: {error}</p>;
  else if (computed.facts.done + computed.facts.failed === 0) content = <p className="muted">Nothing to analyse yet: the figures appear as items finish.</p>;
  else {
    const { facts } = computed;
    content = (
      <>
        <p className="card__lead" data-testid="batch-analysis-coverage">
          {coverage(computed)}
        </p>
        <dl className="facts analysis-facts">
          <div>
            <dt>Tokens in</dt>
            <dd data-testid="batch-tokens-in">{formatInteger(facts.tokensIn)}</dd>
          </div>
          <div>
            <dt>Tokens out</dt>
            <dd data-testid="batch-tokens-out">{formatInteger(facts.tokensOut)}</dd>
          </div>
          <div>
            <dt>Tokens per item</dt>
            <dd>{facts.counted === 0 ? '—' : formatInteger((facts.tokensIn + facts.tokensOut) / facts.counted)}</dd>
          </div>
          <div>
            <dt>Latency p50</dt>
            <dd data-testid="batch-latency-p50">{formatLatency(facts.latency?.p50 ?? null)}</dd>
          </div>
          <div>
            <dt>Latency p95</dt>
            <dd data-testid="batch-latency-p95">{formatLatency(facts.latency?.p95 ?? null)}</dd>
          </div>
          <div>
            <dt>Latency p99</dt>
            <dd data-testid="batch-latency-p99">{formatLatency(facts.latency?.p99 ?? null)}</dd>
          </div>
        </dl>
        <div className="chart-grid chart-grid--three">
          <div className="chart-panel">
            <div className="chart-panel__head">
              <h3 className="chart-panel__title">Overall scores</h3>
              <span className="chart-panel__value">{facts.scored === 0 ? '—' : `${formatInteger(facts.scored)} scored`}</span>
            </div>
            <ScoreChart facts={facts} />
          </div>
          <div className="chart-panel">
            <div className="chart-panel__head">
              <h3 className="chart-panel__title">Recommendations</h3>
            </div>
            <RecommendationChart facts={facts} />
          </div>
          <div className="chart-panel">
            <div className="chart-panel__head">
              <h3 className="chart-panel__title">Errors by kind</h3>
              <span className="chart-panel__value">{facts.failed === 0 ? 'none' : `${formatInteger(facts.failed)} failed`}</span>
            </div>
            <ErrorChart facts={facts} />
          </div>
        </div>
        {error !== null && <p className="inline-error">Could not refresh: {error}</p>}
      </>
    );
  }
  return (
    <section
      className="card card--wide"
      aria-labelledby="batch-analysis-title"
      data-testid="batch-analysis"
      data-done={computed?.facts.done ?? ''}
      data-failed={computed?.facts.failed ?? ''}
      data-scored={computed?.facts.scored ?? ''}
    >
      <h2 id="batch-analysis-title" className="card__title">
        Analysis
      </h2>
      {content}
    </section>
  );
}
