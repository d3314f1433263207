import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

/** What the analyst asks: the same shape from the form, the CLI and a bulk CSV row. */
export const priceInputSchema = z
  .object({
    title: z.string().trim().min(1, 'Give a job title').max(300),
    description: z.string().max(20_000).optional(),
    location: z.string().trim().max(200).optional(),
    level: z.string().trim().max(60).optional(),
    payBasis: z.enum(['annual', 'hourly']).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code such as USD').optional(),
    effectiveDate: isoDate.optional(),
    /** Let the local model re-rank the top matches (default: yes, while the engine is up). */
    rerank: z.boolean().optional(),
  })
  .strict();
export type PriceInput = z.output<typeof priceInputSchema>;

export const wageSchema = z.object({ value: z.number(), topCoded: z.boolean(), display: z.string() });
const nullableWage = wageSchema.nullable();
export const percentilesSchema = z.object({ p10: nullableWage, p25: nullableWage, p50: nullableWage, p75: nullableWage, p90: nullableWage });

export const matchSchema = z.object({
  kind: z.enum(['occupation', 'survey']),
  code: z.string(),
  soc: z.string().nullable(),
  title: z.string(),
  score: z.number(),
  why: z.array(z.string()),
  sourceId: z.string(),
  wageCode: z.string().nullable(),
  /** False for occupations BLS publishes no wages for (they still match, and say so). */
  hasWages: z.boolean(),
  /** Whether the figures were priced from it. */
  used: z.boolean(),
});

export const pricingResultSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  rerunOf: z.string().nullable(),
  request: z.object({
    title: z.string(),
    description: z.string().nullable(),
    location: z.string().nullable(),
    level: z.string().nullable(),
    payBasis: z.enum(['annual', 'hourly']),
    currency: z.string(),
    effectiveDate: isoDate,
  }),
  detectedLevel: z.string().nullable(),
  /** How the request was read: abbreviations spelled out, typos corrected. */
  readAs: z.array(z.string()),
  matches: z.array(matchSchema),
  payBasis: z.enum(['annual', 'hourly']),
  currency: z.string(),
  percentiles: percentilesSchema,
  percentilesShown: z.enum(['all', 'middle', 'none']),
  sample: z.number().nullable(),
  scenarios: z.array(
    z.object({
      name: z.enum(['conservative', 'market', 'competitive', 'premium']),
      percentile: z.number(),
      value: z.number().nullable(),
      topCoded: z.boolean(),
      interpolated: z.boolean(),
      display: z.string().nullable(),
    }),
  ),
  confidence: z.object({
    score: z.number().int().min(0).max(100),
    factors: z.array(z.object({ name: z.enum(['match', 'sources', 'sample', 'recency']), value: z.number(), weight: z.number(), detail: z.string() })),
  }),
  location: z.object({
    requested: z.string().nullable(),
    factor: z.number().nullable(),
    source: z.enum(['national', 'analyst', 'bls-state', 'none']),
    matched: z.string().nullable(),
    note: z.string(),
  }),
  aging: z.object({ to: isoDate, annualRate: z.number(), method: z.literal('compound') }),
  benchmarks: z.array(
    z.object({
      sourceId: z.string(),
      sourceName: z.string(),
      code: z.string(),
      title: z.string(),
      level: z.string().nullable(),
      location: z.string().nullable(),
      score: z.number(),
      share: z.number(),
      sample: z.number().nullable(),
      effectiveDate: isoDate,
      agingFactor: z.number(),
      locationFactor: z.number(),
    }),
  ),
  sources: z.array(z.object({ id: z.string(), name: z.string(), share: z.number(), sample: z.number().nullable() })),
  explanation: z.object({
    text: z.string(),
    method: z.enum(['template', 'llm']),
    model: z.string().nullable(),
    /** The prompt template (id@version) the model wrote it with; absent for the template explanation. */
    template: z.string().nullable().optional(),
  }),
  notes: z.array(z.string()),
  dataVersions: z.object({
    catalogue: z.string(),
    embedder: z.string(),
    bls: z.string(),
    surveys: z.array(z.object({ id: z.string(), name: z.string(), importedAt: z.number() })),
  }),
  attribution: z.array(z.string()),
});
export type PricingResult = z.output<typeof pricingResultSchema>;

export const historyItemSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  title: z.string(),
  location: z.string().nullable(),
  level: z.string().nullable(),
  topCode: z.string().nullable(),
  topTitle: z.string().nullable(),
  p50: z.number().nullable(),
  currency: z.string(),
  payBasis: z.enum(['annual', 'hourly']),
  confidence: z.number(),
  rerunOf: z.string().nullable(),
});
export type HistoryItem = z.output<typeof historyItemSchema>;
