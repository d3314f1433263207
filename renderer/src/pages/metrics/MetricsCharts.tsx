import type { MetricsRow } from '../../../../main/metrics/schema';
import { BarChart, type Bar } from '../../components/charts/BarChart';
import { formatInteger } from '../../lib/format';
import { formatTokensPerSecond, groupLabel } from './format';
import type { GroupBy } from './store';

/** More bars than this would not fit the eye; the table has every row. */
const maxBars = 12;

function summaryOf(title: string, bars: readonly Bar[], format: (value: number) => string): string {
  const known = bars.filter((bar): bar is Bar & { value: number } => bar.value !== null);
  if (known.length === 0) return `${title}: no values in this window.`;
  const top = known.reduce((best, bar) => (bar.value > best.value ? bar : best));
  return `${title}, ${bars.length} ${bars.length === 1 ? 'row' : 'rows'}: highest ${top.label} at ${format(top.value)}.`;
}

/** p95 latency and tokens per second side by side, one bar per row of the table. */
export function MetricsCharts({ rows, groupBy }: { rows: readonly MetricsRow[]; groupBy: GroupBy }) {
  const shown = rows.slice(0, maxBars);
  const label = (row: MetricsRow): string => `${groupLabel(row.group, groupBy)} · ${row.model}`;
  const key = (row: MetricsRow): string => `${row.group}\u0000${row.model}`;
  const latency = shown.map((row) => ({ key: key(row), label: label(row), value: row.p95Ms }));
  const speed = shown.map((row) => ({ key: key(row), label: label(row), value: row.tokensPerSecond }));
  const ms = (value: number): string => `${formatInteger(value)} ms`;
  const perSecond = (value: number): string => `${formatTokensPerSecond(value)} tok/s`;
  return (
    <section className="card card--wide" aria-labelledby="metrics-charts-title">
      <h2 id="metrics-charts-title" className="card__title">
        Compared
      </h2>
      <div className="chart-grid">
        <div className="chart-panel">
          <div className="chart-panel__head">
            <h3 className="chart-panel__title">p95 latency</h3>
            <span className="chart-panel__value">lower is better</span>
          </div>
          <BarChart testId="metrics-chart-latency" caption="p95 latency per row" summary={summaryOf('p95 latency', latency, ms)} bars={latency} formatValue={ms} valueLabel="p95 latency" />
        </div>
        <div className="chart-panel">
          <div className="chart-panel__head">
            <h3 className="chart-panel__title">Tokens per second</h3>
            <span className="chart-panel__value">higher is better</span>
          </div>
          <BarChart testId="metrics-chart-speed" caption="Tokens per second per row" summary={summaryOf('Tokens per second', speed, perSecond)} bars={speed} formatValue={perSecond} valueLabel="Tokens per second" />
        </div>
      </div>
      {rows.length > maxBars && <p className="footnote">The {maxBars} busiest rows are drawn; the table has all {rows.length}.</p>}
    </section>
  );
}
