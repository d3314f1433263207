import { z } from 'zod';
import { defineEvents, defineMethods, type HandlersOf } from '../api/define';
import {
  gpuEnergyInputSchema,
  gpuEnergySchema,
  gpuEventSchema,
  gpuEventsInputSchema,
  gpuGuardEventSchema,
  gpuHistoryInputSchema,
  gpuHistoryPointSchema,
  gpuRecentInputSchema,
  gpuSampleSchema,
  gpuStateSchema,
} from './schema';
import type { GpuService } from './service';

/** The GPU slice's part of the contract; spread into main/api/contract.ts like the others. */
export const gpuMethods = defineMethods({
  'gpu.latest': {
    summary: 'The GPU now: last sample, processes holding VRAM, guard levels, or why there is no GPU',
    input: z.object({}).strict().prefault({}),
    output: gpuStateSchema,
  },
  'gpu.recent': {
    summary: 'Samples at full rate from the last hour, after sinceMs when given',
    input: gpuRecentInputSchema,
    output: z.array(gpuSampleSchema),
  },
  'gpu.history': {
    summary: 'Stored GPU history between two times, in at most maxPoints points',
    input: gpuHistoryInputSchema,
    output: z.array(gpuHistoryPointSchema),
  },
  'gpu.events': {
    summary: 'Events to mark on the GPU charts between two times',
    input: gpuEventsInputSchema,
    output: z.array(gpuEventSchema),
  },
  'gpu.energy': {
    summary: 'Watt-hours the GPU drew between two times (epoch ms)',
    input: gpuEnergyInputSchema,
    output: gpuEnergySchema,
  },
});

export const gpuEvents = defineEvents({
  /** Every sample, once an interval: small, for the live charts. */
  'gpu.sample': gpuSampleSchema,
  /** When availability, the process table, guard levels or the sampler child change. */
  'gpu.state': gpuStateSchema,
  /** A guard level change (the batch queue acts on these). */
  'gpu.guard': gpuGuardEventSchema,
  /** A chart event was recorded. */
  'gpu.event': gpuEventSchema,
});

type GpuEventName = keyof typeof gpuEvents;
export type GpuEmit = <K extends GpuEventName>(name: K, payload: z.output<(typeof gpuEvents)[K]>) => void;

export function createGpuHandlers(service: GpuService): HandlersOf<typeof gpuMethods> {
  return {
    'gpu.latest': () => service.latest(),
    'gpu.recent': ({ sinceMs }) => service.recent(sinceMs),
    'gpu.history': ({ from, to, maxPoints }) => service.history(from, to, maxPoints),
    'gpu.events': ({ from, to }) => service.events(from, to),
    'gpu.energy': ({ fromMs, toMs }) => ({ wattHours: service.energyWh(fromMs, toMs) }),
  };
}

/** Pushes the service's events to the event bus (`bus.emit` fits `emit`); returns the unsubscribe. */
export function forwardGpuEvents(service: GpuService, emit: GpuEmit): () => void {
  const unsubscribes = [
    service.onSample((sample) => emit('gpu.sample', sample)),
    service.onState((state) => emit('gpu.state', state)),
    service.onGuard((event) => emit('gpu.guard', event)),
    service.onEvent((event) => emit('gpu.event', event)),
  ];
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
