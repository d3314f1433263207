import { z } from 'zod';

export const metricsWindowSchema = z
  .object({
    /** The window ends now and reaches back this many minutes (default: the last 24 hours). */
    minutes: z.number().int().min(1).max(60 * 24 * 366).default(60 * 24),
    groupBy: z.enum(['operation-model', 'feature-model']).default('operation-model'),
  })
  .strict()
  .prefault({});

export const metricsRowSchema = z.object({
  /** operation (chat, generate, embed) or feature, depending on groupBy. */
  group: z.string(),
  model: z.string(),
  count: z.number().int(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  /** Output tokens over the model's own generation time (Ollama's eval_duration). */
  tokensPerSecond: z.number().nullable(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  cacheHitRate: z.number(),
  errorRate: z.number(),
  errorsByKind: z.record(z.string(), z.number().int()),
  /** GPU energy over the calls' spans, shared between calls running at once; null without power readings. */
  energyWh: z.number().nullable(),
});
export type MetricsRow = z.output<typeof metricsRowSchema>;

export const metricsSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(metricsRowSchema),
  total: metricsRowSchema,
});
export type MetricsSummary = z.output<typeof metricsSummarySchema>;

export const metricsCsvSchema = z.object({ fileName: z.string(), csv: z.string() });
