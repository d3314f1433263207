import { useEffect, useMemo, useState } from 'react';
import type { BatchEvent, BatchSummary } from '../../../../main/batch/schema';
import type { GpuSample } from '../../../../main/gpu/schema';
import { defaultSettings } from '../../../../main/settings/schema';
import { MarkerGlyph } from '../../components/charts/MarkerGlyph';
import { TimeChart } from '../../components/charts/TimeChart';
import type { TimePoint } from '../../components/charts/series';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';
import { hashOf } from '../../state/navigation';
import { useSettings } from '../../state/settings';
import { useStatus } from '../../state/status';
import { chartSpecs, limitsSentence, type ChartContext } from '../gpu/chartSpecs';
import { keepSamplesMs, maxGapFor, mergeSamples } from '../gpu/samples';
import { useNow } from '../models/useNow';
import { batchEventLook, batchMarkers, type BatchMarker } from './events';
import { isLive } from './format';
import { runStartOf } from './run';

const vramSpec = chartSpecs.find((spec) => spec.key === 'vram')!;
/** A short run is drawn over at least this span, so its few readings are not stretched across the chart. */
const minSpanMs = 2 * 60_000;
/** The readings from just before the start show what the card held before the batch. */
const leadMs = 30_000;

/**
 * The GPU readings over the batch's run: the last hour from the sampler's memory (`gpu.recent`),
 * then each pushed sample while the batch can still run.
 */
function useRunSamples(batchId: string, since: number | null, live: boolean): { samples: GpuSample[]; error: string | null } {
  const [samples, setSamples] = useState<GpuSample[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setSamples([]);
    setError(null);
    if (since === null) return;
    let active = true;
    client
      .call('gpu.recent', { sinceMs: since })
      .then((recent) => active && setSamples((current) => mergeSamples(current, recent, Date.now() - keepSamplesMs)))
      .catch((reason: unknown) => active && setError(messageOf(reason)));
    return () => {
      active = false;
    };
  }, [batchId, since]);
  useEffect(() => {
    if (!live || since === null) return;
    return client.on('gpu.sample', (sample) => setSamples((current) => mergeSamples(current, [sample], Date.now() - keepSamplesMs)));
  }, [batchId, since, live]);
  return { samples, error };
}

function Legend({ markers }: { markers: readonly BatchMarker[] }) {
  const counts = new Map<string, number>();
  for (const marker of markers) counts.set(marker.kind, (counts.get(marker.kind) ?? 0) + marker.count);
  if (counts.size === 0) return <p className="footnote">Retries, out-of-memory recoveries and runner restarts of this batch are marked on the chart as they happen.</p>;
  return (
    <ul className="marker-legend" aria-label="Markers on the chart">
      {[...counts].map(([kind, count]) => {
        const look = batchEventLook(kind);
        return (
          <li key={kind}>
            <MarkerGlyph shape={look.shape} tone={look.tone} />
            {look.label}
            {count > 1 && <span className="muted"> ×{count}</span>}
          </li>
        );
      })}
      <li className="marker-legend__hint">Point at a marker for its time and details.</li>
    </ul>
  );
}

/** VRAM over the batch's run with its events marked, up to the last hour. */
export function BatchVram({ summary, events }: { summary: BatchSummary; events: readonly BatchEvent[] }) {
  const settings = useSettings((state) => state.settings) ?? defaultSettings();
  const gpu = useStatus((state) => state.gpu);
  const live = isLive(summary.status);
  const now = useNow(1000, live);
  const started = runStartOf(summary);
  const finished = summary.finishedAt === null ? null : Date.parse(summary.finishedAt);
  const oldest = now - keepSamplesMs;
  // A finished run ends where it finished (`now` stops moving once the batch is no longer live).
  const to = finished === null || live ? now : finished + 5_000;
  const from = started === null ? to - minSpanMs : Math.max(oldest, Math.min(started - leadMs, to - minSpanMs));
  // Asked once per batch, from as early as the chart can reach back (the hour's limit applied when it is read).
  const since = started === null ? null : Math.max(started - minSpanMs, Date.now() - keepSamplesMs);
  const { samples, error } = useRunSamples(summary.id, since, live);
  const markers = useMemo(() => batchMarkers(events, from, to), [events, from, to]);
  const line = useMemo<TimePoint[]>(() => samples.map((sample) => ({ at: sample.at, value: sample.vramUsedMiB })), [samples]);

  let headline: string | null = null;
  let content;
  if (started === null) content = <p className="muted chart-placeholder">The chart starts when the batch does.</p>;
  else if (to < oldest) {
    content = (
      <p className="muted">
        This run ended more than an hour ago; its VRAM is in the stored history on the <a href={hashOf('gpu')}>GPU page</a>.
      </p>
    );
  } else if (gpu !== null && !gpu.present) {
    content = (
      <div className="empty-state">
        <p className="empty-state__headline">No NVIDIA GPU — CPU mode</p>
        <p className="muted">{gpu.problem ?? 'The model runs on the CPU: there is no VRAM to chart.'}</p>
      </div>
    );
  } else {
    let latest: number | null = null;
    let highest: number | null = null;
    for (const point of line) {
      if (point.value === null || point.at < from || point.at > to) continue;
      latest = point.value;
      highest = highest === null ? point.value : Math.max(highest, point.value);
    }
    const last = samples.at(-1);
    const context: ChartContext = { vramTotalMiB: last?.vramTotalMiB ?? gpu?.vramTotalMiB ?? null, vramWarnPercent: settings.vramWarnPercent, vramActMiB: settings.vramActMiB, powerLimitW: null };
    const { yMax, yTicks } = vramSpec.axis(context, highest ?? 0);
    const limits = vramSpec.limits(context);
    const words = live ? 'this run so far' : 'this run';
    const facts = latest === null ? 'no reading.' : `${vramSpec.detail(latest, highest, context)}${live ? ' now' : ' at the end'}.`;
    const markedCount = markers.reduce((sum, marker) => sum + marker.count, 0);
    const marked = markedCount === 0 ? '' : ` ${markedCount} ${markedCount === 1 ? 'event' : 'events'} marked.`;
    headline = latest === null ? '—' : `${vramSpec.detail(latest, highest, context)}${live ? '' : ' at the end'}`;
    content = (
      <>
        {error !== null && <p className="inline-error">The GPU readings could not be read: {error}</p>}
        <TimeChart
          testId="batch-vram-chart"
          caption={`VRAM used over ${words}`}
          summary={`VRAM used over ${words}: ${facts}${limitsSentence(limits)}${marked}`}
          from={from}
          to={to}
          line={line}
          yMax={yMax}
          yTicks={yTicks}
          formatTick={vramSpec.formatTick}
          formatValue={vramSpec.formatValue}
          limits={limits}
          markers={markers}
          maxGapMs={maxGapFor(settings.gpuSampleIntervalMs)}
        />
        <Legend markers={markers} />
      </>
    );
  }
  return (
    <div className="monitor-section" data-testid="batch-vram">
      <div className="chart-panel__head">
        <h3 className="monitor-section__title">{live ? 'VRAM while it runs' : 'VRAM during the run'}</h3>
        {headline !== null && <span className="chart-panel__value">{headline}</span>}
      </div>
      {content}
    </div>
  );
}
