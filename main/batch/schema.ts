import { z } from 'zod';

/** OpenAI's batch statuses, plus `paused`, which the analyst can set and OpenAI does not have. */
export const batchStatuses = [
  'validating',
  'failed',
  'in_progress',
  'paused',
  'finalizing',
  'completed',
  'expired',
  'cancelling',
  'cancelled',
] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export const batchKinds = ['openai', 'candidates'] as const;
export type BatchKind = (typeof batchKinds)[number];

export const supportedEndpoints = ['/v1/chat/completions', '/v1/embeddings'] as const;
export type SupportedEndpoint = (typeof supportedEndpoints)[number];

export const itemCountsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  running: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
});
export type ItemCounts = z.output<typeof itemCountsSchema>;

export const ingestProblemSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  fileLine: z.number().int().optional(),
  column: z.number().int().optional(),
  field: z.string().optional(),
  code: z.string().optional(),
  severity: z.enum(['error', 'warning']).optional(),
  message: z.string(),
});

export const batchSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(batchKinds),
  status: z.enum(batchStatuses),
  priority: z.number().int(),
  endpoint: z.string(),
  sourceName: z.string(),
  model: z.string().nullable(),
  template: z.object({ id: z.string(), version: z.string() }).nullable(),
  counts: itemCountsSchema,
  problems: z.array(ingestProblemSchema),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type BatchSummary = z.output<typeof batchSummarySchema>;

export const batchStatsSchema = z.object({
  requestsPerSecond: z.number(),
  tokensPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  inFlight: z.number().int(),
});
export type BatchStats = z.output<typeof batchStatsSchema>;

export const batchProgressSchema = z.object({
  id: z.string(),
  status: z.enum(batchStatuses),
  counts: itemCountsSchema,
  stats: batchStatsSchema,
});
export type BatchProgress = z.output<typeof batchProgressSchema>;

export const batchEventSchema = z.object({
  batchId: z.string().nullable(),
  at: z.number(),
  kind: z.string(),
  detail: z.string(),
});
export type BatchEvent = z.output<typeof batchEventSchema>;
