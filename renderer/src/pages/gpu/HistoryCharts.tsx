import { useMemo } from 'react';
import type { GpuHistoryPoint } from '../../../../main/gpu/schema';
import { TimeChart, type ChartMarker } from '../../components/charts/TimeChart';
import type { BandPoint, TimePoint } from '../../components/charts/series';
import { SegmentedControl } from '../../components/SegmentedControl';
import { useNow } from '../models/useNow';
import { ChartPanel } from './ChartPanel';
import { chartSpecs, limitsSentence, type ChartContext, type ChartSpec } from './chartSpecs';
import { markersOf } from './events';
import { MarkerLegend } from './MarkerLegend';
import { chooseHistoryRange, historyPoints, historyRanges, loadHistory, useGpuPage, type HistoryRange } from './store';
import { useChartContext } from './useChartContext';

const rangeOptions = (Object.keys(historyRanges) as HistoryRange[]).map((value) => ({ value, label: historyRanges[value].label, title: `The ${historyRanges[value].words}` }));

/** "1 minute", "4 minutes", "28 minutes": how much time one point of the history stands for. */
function spanWords(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} seconds`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `${Math.round(minutes / 60)} hours`;
}

interface HistoryChartProps {
  spec: ChartSpec;
  history: readonly GpuHistoryPoint[];
  from: number;
  to: number;
  words: string;
  context: ChartContext;
  markers: readonly ChartMarker[];
  maxGapMs: number;
}

function HistoryChart({ spec, history, from, to, words, context, markers, maxGapMs }: HistoryChartProps) {
  // Each point stands for a span: it is drawn at the middle of the part of that span inside the
  // range. The newest span is still running (its end lies after "now"), and the oldest is aligned
  // before the range's start; drawn at their full middles they would fall off the chart.
  const middle = (point: GpuHistoryPoint): number => (Math.max(point.at, from) + Math.min(point.at + point.spanMs, to)) / 2;
  const line = useMemo<TimePoint[]>(() => history.map((point) => ({ at: middle(point), value: spec.average(point) })), [history, spec, from, to]);
  const band = useMemo<BandPoint[]>(() => history.map((point) => ({ at: middle(point), low: spec.low(point), high: spec.high(point), spanMs: point.spanMs })), [history, spec, from, to]);
  let highest: number | null = null;
  let sum = 0;
  let count = 0;
  for (const point of band) if (point.high !== null) highest = highest === null ? point.high : Math.max(highest, point.high);
  for (const point of line) {
    if (point.value === null) continue;
    sum += point.value;
    count += 1;
  }
  const average = count === 0 ? null : sum / count;
  const { yMax, yTicks } = spec.axis(context, highest ?? 0);
  const limits = spec.limits(context);
  const headline = average === null ? '—' : `avg ${spec.formatValue(average)}${highest === null ? '' : ` · max ${spec.formatValue(highest)}`}`;
  const facts = average === null ? 'nothing stored.' : `average ${spec.formatValue(average)}${highest === null ? '' : `, highest ${spec.formatValue(highest)}`}.`;
  return (
    <ChartPanel title={spec.title} headline={headline}>
      <TimeChart
        testId={`gpu-history-${spec.key}`}
        caption={`${spec.title}, ${words}`}
        summary={`${spec.title} over the ${words}: ${facts}${limitsSentence(limits)}`}
        from={from}
        to={to}
        line={line}
        band={band}
        bandLabel={spec.bandLabel}
        yMax={yMax}
        yTicks={yTicks}
        formatTick={spec.formatTick}
        formatValue={spec.formatValue}
        limits={limits}
        markers={markers}
        maxGapMs={maxGapMs}
      />
    </ChartPanel>
  );
}

/** The stored history over hours or days: each point's average as a line, its range as a band. */
export function HistoryCharts() {
  const history = useGpuPage((page) => page.history);
  const read = useGpuPage((page) => page.historyRead);
  const historyError = useGpuPage((page) => page.historyError);
  const historyRange = useGpuPage((page) => page.historyRange);
  const events = useGpuPage((page) => page.events);
  const context = useChartContext();
  const tick = useNow(60_000);
  const { ms, words } = historyRanges[historyRange];
  const to = read?.range === historyRange ? read.to : tick;
  const from = to - ms;
  const markers = useMemo(() => markersOf(events, from, to), [events, from, to]);
  const spanMs = history?.[0]?.spanMs ?? ms / historyPoints;
  // One missing point is a gap worth showing (the app was closed); the bucket in progress is not stored yet.
  const maxGapMs = spanMs * 2.5;
  const points = history?.length ?? 0;
  // Without a GPU the stored points hold system memory only: nothing to draw on these charts.
  const gpuPoints = history?.filter((point) => point.vramUsedAvgMiB !== null || point.powerAvgW !== null).length ?? 0;

  let content;
  if (history === null) {
    content =
      historyError === null ? (
        <p className="muted chart-placeholder">Reading the stored history…</p>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>The history could not be read: {historyError}</p>
          <button type="button" className="button" onClick={() => void loadHistory()}>
            Try again
          </button>
        </div>
      );
  } else if (points === 0) {
    content = (
      <div className="empty-state chart-placeholder" data-testid="gpu-history-empty">
        <p className="empty-state__headline">No history stored for the {words} yet</p>
        <p className="muted">Readings are stored every 10 seconds while the workstation runs; the first points appear here within a minute.</p>
      </div>
    );
  } else if (gpuPoints === 0) {
    content = (
      <div className="empty-state chart-placeholder" data-testid="gpu-history-empty">
        <p className="empty-state__headline">No GPU readings stored for the {words}</p>
        <p className="muted">The workstation has run without a usable NVIDIA GPU in this time.</p>
      </div>
    );
  } else {
    content = (
      <>
        <p className="card__lead">
          Each point covers {spanWords(spanMs)}: the line is its average, the band its range (VRAM from lowest to highest, the others from average to peak).
        </p>
        <div className="chart-grid">
          {chartSpecs.map((spec) => (
            <HistoryChart key={spec.key} spec={spec} history={history} from={from} to={to} words={words} context={context} markers={markers} maxGapMs={maxGapMs} />
          ))}
        </div>
        <MarkerLegend markers={markers} empty={`No events in the ${words}.`} />
      </>
    );
  }

  return (
    <section className="card card--wide" aria-labelledby="gpu-history-title" data-testid="gpu-history" data-range={historyRange} data-points={points}>
      <div className="card__head">
        <h2 id="gpu-history-title" className="card__title">
          History
        </h2>
        <SegmentedControl label="Range" options={rangeOptions} value={historyRange} onChange={(range) => chooseHistoryRange(range)} testId="gpu-history-range" />
      </div>
      {content}
      {history !== null && historyError !== null && <p className="inline-error">Could not refresh: {historyError}</p>}
    </section>
  );
}
