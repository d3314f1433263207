import { z } from 'zod';
import { defineEvents, defineMethods } from '../api/define';
import { metricsCsvSchema, metricsSummarySchema, metricsWindowSchema } from './schema';

export const metricsMethods = defineMethods({
  'metrics.summary': {
    summary: 'LLM calls over a window, per operation (or feature) and model: latency percentiles, tokens/s, cache hits, errors, energy',
    input: metricsWindowSchema,
    output: metricsSummarySchema,
  },
  'metrics.csv': {
    summary: 'The same summary as CSV, for a spreadsheet',
    input: metricsWindowSchema,
    output: metricsCsvSchema,
  },
});

export const metricsEvents = defineEvents({
  /** A call was recorded: the dashboard refreshes (the UI throttles). */
  'llm.call': z.object({ feature: z.string(), model: z.string(), operation: z.string(), outcome: z.string(), latencyMs: z.number() }),
  /** A model's circuit breaker moved: open means calls to it fail fast for a while. */
  'llm.breaker': z.object({ model: z.string(), from: z.enum(['closed', 'open', 'half-open']), to: z.enum(['closed', 'open', 'half-open']) }),
});
