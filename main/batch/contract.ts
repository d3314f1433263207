import { z } from 'zod';
import { defineEvents, defineMethods } from '../api/define';
import { submitMethods } from './submit-contract';
import { batchEventSchema, batchProgressSchema, batchStatsSchema, batchSummarySchema } from './schema';

const batchId = z.object({ id: z.string().min(1, 'Name a batch') }).strict();

export const batchItemRowSchema = z.object({
  seq: z.number().int(),
  customId: z.string(),
  sourceLine: z.number().int(),
  state: z.enum(['pending', 'running', 'done', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  errorKind: z.string().nullable(),
  tokensIn: z.number().nullable(),
  tokensOut: z.number().nullable(),
  latencyMs: z.number().nullable(),
  /** For candidate evaluations: the overall score and recommendation, parsed from the answer. */
  overall: z.number().nullable(),
  recommendation: z.string().nullable(),
  education: z.number().nullable(),
  company: z.number().nullable(),
  trajectory: z.number().nullable(),
  rationale: z.string().nullable(),
});

export const batchMethods = defineMethods({
  ...submitMethods,
  'batch.list': {
    summary: 'Batches, newest first, with their item counts',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict().prefault({}),
    output: z.array(batchSummarySchema),
  },
  'batch.get': {
    summary: 'One batch: counts, rates, ETA, and its recent events',
    input: batchId,
    output: z.object({ summary: batchSummarySchema, stats: batchStatsSchema, events: z.array(batchEventSchema) }),
  },
  'batch.pause': { summary: 'Pause a batch; items in flight go back to the queue', input: batchId, output: batchSummarySchema },
  'batch.resume': { summary: 'Resume a paused batch', input: batchId, output: batchSummarySchema },
  'batch.cancel': { summary: 'Cancel a batch; results already in are kept', input: batchId, output: batchSummarySchema },
  'batch.retryFailed': { summary: "Queue a batch's failed items again", input: batchId, output: batchSummarySchema },
  'batch.setPriority': {
    summary: 'Change a batch priority (higher runs first)',
    input: batchId.extend({ priority: z.number().int().min(-100).max(100) }),
    output: batchSummarySchema,
  },
  'batch.items': {
    summary: "A page of a batch's items, filtered by state or a search in custom ids and errors",
    input: batchId.extend({
      state: z.enum(['pending', 'running', 'done', 'failed']).optional(),
      search: z.string().max(200).optional(),
      sort: z.enum(['seq', 'latency', 'overall']).default('seq'),
      descending: z.boolean().default(false),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), items: z.array(batchItemRowSchema) }),
  },
  'batch.export': {
    summary: "Write a batch's output JSONL, errors JSONL and results CSV into a folder",
    input: batchId.extend({ dir: z.string().min(1).refine((dir) => dir.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dir), 'Give an absolute folder path') }),
    output: z.array(z.object({ kind: z.enum(['output', 'errors', 'results']), path: z.string(), bytes: z.number().int() })),
  },
  'batch.item': {
    summary: 'One item: the request sent and the answer stored',
    input: batchId.extend({ seq: z.number().int().min(0) }),
    output: batchItemRowSchema.extend({ request: z.unknown(), response: z.unknown() }),
  },
});

export const batchEvents = defineEvents({
  /** At most once a second per batch while it runs, and at every status change. */
  'batch.progress': batchProgressSchema,
  /** Retries, out-of-memory recoveries, runner recycles, completion. */
  'batch.event': batchEventSchema,
});
