import type { BatchEvent } from '../../../../main/batch/schema';
import type { MarkerShape } from '../../components/charts/MarkerGlyph';
import type { ChartMarker } from '../../components/charts/TimeChart';
import { formatPointTime } from '../../components/charts/scale';
import type { EventTone } from '../gpu/events';

interface EventLook {
  label: string;
  tone: EventTone;
  shape: MarkerShape;
  /** Worth a marker on the VRAM chart (file bookkeeping is not). */
  marked: boolean;
}

/** The queue's events in words, with the colour and shape of their markers, as the GPU page draws its own. */
export const batchEventLooks: Readonly<Record<string, EventLook>> = {
  retry: { label: 'Retry', tone: 'warn', shape: 'down', marked: true },
  'out-of-memory': { label: 'Out of memory', tone: 'bad', shape: 'cross', marked: true },
  'recovery:fewer-slots': { label: 'Recovery: fewer requests at once', tone: 'warn', shape: 'ring', marked: true },
  'recovery:smaller-context': { label: 'Recovery: smaller context', tone: 'warn', shape: 'ring', marked: true },
  'recovery:unload-others': { label: 'Recovery: other models unloaded', tone: 'warn', shape: 'ring', marked: true },
  'recovery:restart-ollama': { label: 'Recovery: Ollama restarted', tone: 'engine', shape: 'ring', marked: true },
  'recovery:exhausted': { label: 'Recovery steps used up', tone: 'bad', shape: 'ring', marked: true },
  'recycle-runner': { label: 'Model runner recycled', tone: 'engine', shape: 'circle', marked: true },
  'retry-failed': { label: 'Failed items queued again', tone: 'model', shape: 'up', marked: true },
  completed: { label: 'Completed', tone: 'good', shape: 'diamond', marked: true },
  'output-files': { label: 'Output files written', tone: 'good', shape: 'diamond', marked: false },
};

/** "recovery:some-step" → "Recovery: some step"; "new-kind" → "New kind". */
function wordsOf(kind: string): string {
  const [head, step] = kind.split(':', 2);
  const words = (text: string): string => text.replace(/-/g, ' ');
  const first = words(head ?? kind);
  const sentence = first.charAt(0).toUpperCase() + first.slice(1);
  return step === undefined ? sentence : `${sentence}: ${words(step)}`;
}

export const batchEventLook = (kind: string): EventLook =>
  batchEventLooks[kind] ?? { label: wordsOf(kind), tone: kind.startsWith('recovery:') ? 'warn' : 'engine', shape: 'circle', marked: true };

/** Failures and recoveries: what the live error list is about. */
export const isTrouble = (kind: string): boolean => ['warn', 'bad'].includes(batchEventLook(kind).tone);

/** Events of one kind in a row (a burst of retries), shown as one line or one marker. */
export interface EventRun {
  kind: string;
  /** The newest event of the run; `count` events in all, from `firstAt` to `event.at`. */
  event: BatchEvent;
  count: number;
  firstAt: number;
}

/**
 * Consecutive events of one kind, newest first as given, folded into runs; a run breaks where two
 * of its events lie more than `gapMs` apart. A burst of 300 retries reads as one line, so the
 * out-of-memory before it is not pushed out of sight.
 */
export function eventRuns(events: readonly BatchEvent[], gapMs = Number.POSITIVE_INFINITY): EventRun[] {
  const runs: EventRun[] = [];
  for (const event of events) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.kind === event.kind && Math.abs(last.firstAt - event.at) <= gapMs) {
      last.count += 1;
      last.firstAt = event.at;
    } else runs.push({ kind: event.kind, event, count: 1, firstAt: event.at });
  }
  return runs;
}

/** A marker that may stand for several events of one kind at nearly the same time. */
export type BatchMarker = ChartMarker & { count: number };

/** The batch's events between two times as chart markers, a burst of one kind within a few pixels drawn as one. */
export function batchMarkers(events: readonly BatchEvent[], from: number, to: number): BatchMarker[] {
  const inRange = [...events].filter((event) => event.at >= from && event.at <= to && batchEventLook(event.kind).marked).sort((a, b) => b.at - a.at);
  // About three pixels of a chart a thousand wide: markers closer than that would be drawn on top of each other.
  const runs = eventRuns(inRange, (to - from) / 300);
  return runs.map((run) => {
    const look = batchEventLook(run.kind);
    const { event } = run;
    const what = run.count === 1 ? `${look.label}${event.detail === '' ? '' : `: ${event.detail}`}` : `${look.label} ×${run.count}, the last: ${event.detail}`;
    return {
      key: `${event.at}-${event.kind}-${run.count}`,
      at: event.at,
      kind: event.kind,
      tone: look.tone,
      shape: look.shape,
      count: run.count,
      title: `${formatPointTime(event.at, to - from)} · ${what}`,
    };
  });
}
