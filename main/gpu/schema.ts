import { z } from 'zod';

/**
 * The GPU slice's shapes, as zod schemas so the contract can carry them. Times are epoch
 * milliseconds (`at`): charts plot thousands of points, and numbers are what they need.
 */

/** One compute process holding memory on the watched GPU (nvidia-smi --query-compute-apps). */
export const gpuProcessSchema = z.object({
  pid: z.number().int(),
  name: z.string(),
  /** Null where the driver does not report it (Windows WDDM says "[N/A]"). */
  usedMiB: z.number().nullable(),
});
export type GpuProcess = z.output<typeof gpuProcessSchema>;

/** One point at full rate: the GPU's readings (null when there is no GPU or no reading) and system RAM. */
export const gpuSampleSchema = z.object({
  at: z.number(),
  vramUsedMiB: z.number().nullable(),
  vramTotalMiB: z.number().nullable(),
  utilizationPercent: z.number().nullable(),
  temperatureC: z.number().nullable(),
  powerDrawW: z.number().nullable(),
  powerLimitW: z.number().nullable(),
  ramUsedMiB: z.number(),
  ramTotalMiB: z.number(),
});
export type GpuSample = z.output<typeof gpuSampleSchema>;

/** The card being watched, as found when nvidia-smi was first asked. */
export const gpuDeviceSchema = z.object({
  index: z.number().int(),
  uuid: z.string(),
  name: z.string(),
  driverVersion: z.string().nullable(),
  vramTotalMiB: z.number().nullable(),
});
export type GpuDevice = z.output<typeof gpuDeviceSchema>;

export const guardLevelSchema = z.enum(['ok', 'warn', 'act']);
export type GuardLevel = z.output<typeof guardLevelSchema>;

export const guardResourceSchema = z.enum(['vram', 'ram']);
export type GuardResource = z.output<typeof guardResourceSchema>;

/** Raised when a resource crosses a threshold (up at once, down only past the hysteresis margin). */
export const gpuGuardEventSchema = z.object({
  at: z.number(),
  level: guardLevelSchema,
  previous: guardLevelSchema,
  resource: guardResourceSchema,
  usedMiB: z.number(),
  totalMiB: z.number(),
  /** The threshold of the level entered; for `ok`, the warn threshold it fell below. */
  thresholdMiB: z.number(),
});
export type GpuGuardEvent = z.output<typeof gpuGuardEventSchema>;

export const gpuEventKindSchema = z.enum([
  'model-loaded',
  'model-unloaded',
  'ollama-started',
  'ollama-restarted',
  'ollama-stopped',
  'out-of-memory',
  'vram-ok',
  'vram-warn',
  'vram-act',
  'ram-ok',
  'ram-warn',
  'ram-act',
  'gpu-available',
  'gpu-unavailable',
  'batch-recovery',
  'runner-recycled',
]);
export type GpuEventKind = z.output<typeof gpuEventKindSchema>;

/** Something to mark on the charts. */
export const gpuEventSchema = z.object({
  id: z.number().int(),
  at: z.number(),
  kind: gpuEventKindSchema,
  detail: z.string().nullable(),
});
export type GpuEvent = z.output<typeof gpuEventSchema>;

/** What the sampler is doing, for the GPU page and the doctor. */
export const gpuSamplerStatusSchema = z.object({
  /** The long-lived `nvidia-smi --query-gpu ... -lms` child, when one is running. */
  pid: z.number().int().nullable(),
  intervalMs: z.number().int(),
  /** Times the child has been started again after it stopped or stalled. */
  restarts: z.number().int(),
});
export type GpuSamplerStatus = z.output<typeof gpuSamplerStatusSchema>;

/** The live state (`latest()`): the last sample plus what changes more slowly. */
export const gpuStateSchema = z.object({
  available: z.boolean(),
  /** A sentence a person can act on when there is no GPU to watch. */
  problem: z.string().nullable(),
  device: gpuDeviceSchema.nullable(),
  /** How many NVIDIA GPUs nvidia-smi listed; only `device` is sampled. */
  gpuCount: z.number().int(),
  sample: gpuSampleSchema.nullable(),
  processes: z.array(gpuProcessSchema),
  processesAt: z.number().nullable(),
  /** VRAM used but not by a listed compute process: the desktop, browsers, other graphics. */
  otherVramMiB: z.number().nullable(),
  guard: z.object({ vram: guardLevelSchema, ram: guardLevelSchema }),
  sampler: gpuSamplerStatusSchema,
});
export type GpuState = z.output<typeof gpuStateSchema>;

/** A point of the stored history: one or more 10-second buckets merged. */
export const gpuHistoryPointSchema = z.object({
  /** Start of the span this point covers. */
  at: z.number(),
  spanMs: z.number(),
  samples: z.number().int(),
  vramUsedMinMiB: z.number().nullable(),
  vramUsedAvgMiB: z.number().nullable(),
  vramUsedMaxMiB: z.number().nullable(),
  vramTotalMiB: z.number().nullable(),
  utilizationAvgPercent: z.number().nullable(),
  utilizationMaxPercent: z.number().nullable(),
  temperatureAvgC: z.number().nullable(),
  temperatureMaxC: z.number().nullable(),
  powerAvgW: z.number().nullable(),
  powerMaxW: z.number().nullable(),
  energyWh: z.number(),
  ramUsedAvgMiB: z.number().nullable(),
  ramUsedMaxMiB: z.number().nullable(),
  ramTotalMiB: z.number().nullable(),
});
export type GpuHistoryPoint = z.output<typeof gpuHistoryPointSchema>;

const isoTime = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 time such as 2025-01-30T16:14:43Z' });

const orderedRange = <T extends { from: string; to: string }>(range: T): boolean => Date.parse(range.from) < Date.parse(range.to);
const rangeMessage = { message: '"from" must be before "to"', path: ['to'] };

// Inputs the contract's methods can use as they are.
export const gpuRecentInputSchema = z
  .object({ sinceMs: z.number().optional() })
  .strict()
  .prefault({});

export const gpuHistoryInputSchema = z
  .object({ from: isoTime, to: isoTime, maxPoints: z.number().int().min(2).max(10_000).default(600) })
  .strict()
  .refine(orderedRange, rangeMessage);

export const gpuEventsInputSchema = z.object({ from: isoTime, to: isoTime }).strict().refine(orderedRange, rangeMessage);

export const gpuEnergyInputSchema = z
  .object({ fromMs: z.number(), toMs: z.number() })
  .strict()
  .refine((range) => range.fromMs < range.toMs, { message: '"fromMs" must be before "toMs"', path: ['toMs'] });

/** Null when no power reading covers any of the span (no GPU, or nothing sampled then). */
export const gpuEnergySchema = z.object({ wattHours: z.number().nullable() });
