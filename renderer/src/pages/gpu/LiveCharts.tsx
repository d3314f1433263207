import { useMemo } from 'react';
import type { GpuSample } from '../../../../main/gpu/schema';
import { TimeChart, type ChartMarker } from '../../components/charts/TimeChart';
import type { TimePoint } from '../../components/charts/series';
import { SegmentedControl } from '../../components/SegmentedControl';
import { useNow } from '../models/useNow';
import { ChartPanel } from './ChartPanel';
import { chartSpecs, limitsSentence, type ChartContext, type ChartSpec } from './chartSpecs';
import { markersOf } from './events';
import { MarkerLegend } from './MarkerLegend';
import { maxGapFor } from './samples';
import { chooseLiveWindow, liveWindows, phaseOf, useGpuPage, type LiveWindow } from './store';
import { useChartContext } from './useChartContext';

const windowOptions = (Object.keys(liveWindows) as LiveWindow[]).map((value) => ({ value, label: liveWindows[value].label, title: `The ${liveWindows[value].words}` }));

interface LiveChartProps {
  spec: ChartSpec;
  samples: readonly GpuSample[];
  from: number;
  to: number;
  words: string;
  context: ChartContext;
  markers: readonly ChartMarker[];
  maxGapMs: number;
}

function LiveChart({ spec, samples, from, to, words, context, markers, maxGapMs }: LiveChartProps) {
  const line = useMemo<TimePoint[]>(() => samples.map((sample) => ({ at: sample.at, value: spec.live(sample) })), [samples, spec]);
  let latest: number | null = null;
  let highest: number | null = null;
  for (const point of line) {
    if (point.value === null || point.at < from) continue;
    latest = point.value;
    highest = highest === null ? point.value : Math.max(highest, point.value);
  }
  const { yMax, yTicks } = spec.axis(context, highest ?? 0);
  const limits = spec.limits(context);
  const headline = latest === null ? '—' : spec.detail(latest, null, context);
  const now = latest === null ? 'no reading yet.' : `${spec.detail(latest, highest, context)} now.`;
  const marked = markers.length === 0 ? '' : ` ${markers.length} ${markers.length === 1 ? 'event' : 'events'} marked.`;
  return (
    <ChartPanel title={spec.title} headline={headline}>
      <TimeChart
        testId={`gpu-chart-${spec.key}`}
        caption={`${spec.title}, ${words}`}
        summary={`${spec.title} over the ${words}: ${now}${limitsSentence(limits)}${marked}`}
        from={from}
        to={to}
        line={line}
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

/** VRAM, utilisation, temperature and power over the last minutes, moving with every sample. */
export function LiveCharts() {
  const samples = useGpuPage((page) => page.samples);
  const events = useGpuPage((page) => page.events);
  const state = useGpuPage((page) => page.state);
  const samplesError = useGpuPage((page) => page.samplesError);
  const liveWindow = useGpuPage((page) => page.liveWindow);
  const context = useChartContext();
  const tick = useNow(1000);
  const { ms, words } = liveWindows[liveWindow];
  const to = Math.max(tick, samples.at(-1)?.at ?? 0);
  const from = to - ms;
  const markers = useMemo(() => markersOf(events, from, to), [events, from, to]);
  const maxGapMs = maxGapFor(state?.sampler.intervalMs ?? 1000);
  const phase = phaseOf(state);

  return (
    <section className="card card--wide" aria-labelledby="gpu-live-title" data-testid="gpu-live">
      <div className="card__head">
        <h2 id="gpu-live-title" className="card__title">
          Live
        </h2>
        <SegmentedControl label="Window" options={windowOptions} value={liveWindow} onChange={chooseLiveWindow} testId="gpu-live-window" />
      </div>
      {phase === 'absent' ? (
        <div className="empty-state" data-testid="gpu-live-none">
          <p className="empty-state__headline">No GPU to chart</p>
          <p className="muted">{state?.problem}</p>
        </div>
      ) : phase === 'reading' && samples.every((sample) => sample.vramUsedMiB === null) ? (
        <p className="muted chart-placeholder">Looking for an NVIDIA GPU…</p>
      ) : (
        <>
          {samplesError !== null && <p className="inline-error">The readings of the last hour could not be read: {samplesError}</p>}
          <div className="chart-grid">
            {chartSpecs.map((spec) => (
              <LiveChart key={spec.key} spec={spec} samples={samples} from={from} to={to} words={words} context={context} markers={markers} maxGapMs={maxGapMs} />
            ))}
          </div>
          <MarkerLegend markers={markers} empty="Model loads and unloads, Ollama restarts, out-of-memory errors and guard levels are marked on the charts as they happen." />
        </>
      )}
    </section>
  );
}
