import type { GpuEvent, GpuEventKind } from '../../../../main/gpu/schema';
import type { MarkerShape } from '../../components/charts/MarkerGlyph';
import type { ChartMarker } from '../../components/charts/TimeChart';
import { formatPointTime } from '../../components/charts/scale';

export type EventTone = 'model' | 'engine' | 'good' | 'warn' | 'bad';

interface EventLook {
  label: string;
  tone: EventTone;
  shape: MarkerShape;
}

/**
 * Each kind of chart event in words, with the colour and the shape of its marker. Keyed by string,
 * so a kind the core adds later still shows (see `lookOf`) before it gets words of its own.
 */
export const eventLooks: Readonly<Record<string, EventLook>> = {
  'model-loaded': { label: 'Model loaded', tone: 'model', shape: 'up' },
  'model-unloaded': { label: 'Model unloaded', tone: 'model', shape: 'down' },
  'ollama-started': { label: 'Ollama started', tone: 'engine', shape: 'circle' },
  'ollama-restarted': { label: 'Ollama restarted', tone: 'engine', shape: 'ring' },
  'ollama-stopped': { label: 'Ollama stopped', tone: 'bad', shape: 'ring' },
  'out-of-memory': { label: 'Out of memory', tone: 'bad', shape: 'cross' },
  'vram-ok': { label: 'VRAM back to normal', tone: 'good', shape: 'diamond' },
  'vram-warn': { label: 'VRAM at the warning level', tone: 'warn', shape: 'diamond' },
  'vram-act': { label: 'VRAM at the act level', tone: 'bad', shape: 'diamond' },
  'ram-ok': { label: 'System memory back to normal', tone: 'good', shape: 'diamond' },
  'ram-warn': { label: 'System memory at the warning level', tone: 'warn', shape: 'diamond' },
  'ram-act': { label: 'System memory at the act level', tone: 'bad', shape: 'diamond' },
  'gpu-available': { label: 'GPU found', tone: 'good', shape: 'circle' },
  'gpu-unavailable': { label: 'GPU not available', tone: 'bad', shape: 'cross' },
  'batch-recovery': { label: 'Batch recovering', tone: 'warn', shape: 'ring' },
  'runner-recycled': { label: 'Model runner recycled', tone: 'engine', shape: 'ring' },
};

/** "some-new-kind" → "Some new kind". */
const wordsOf = (kind: string): string => kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ');

export const lookOf = (kind: GpuEventKind | string): EventLook => eventLooks[kind] ?? { label: wordsOf(kind), tone: 'engine', shape: 'circle' };

export const describeEvent = (event: GpuEvent): string => `${lookOf(event.kind).label}${event.detail === null ? '' : `: ${event.detail}`}`;

/** The events between two times as chart markers, their tooltips naming the time and what happened. */
export function markersOf(events: readonly GpuEvent[], from: number, to: number): ChartMarker[] {
  return events
    .filter((event) => event.at >= from && event.at <= to)
    .map((event) => ({
      key: event.id,
      at: event.at,
      kind: event.kind,
      tone: lookOf(event.kind).tone,
      shape: lookOf(event.kind).shape,
      title: `${formatPointTime(event.at, to - from)} · ${describeEvent(event)}`,
    }));
}
