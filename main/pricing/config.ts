import { z } from 'zod';

const rank = z.number().min(10, 'Percentiles run from 10 to 90').max(90, 'Percentiles run from 10 to 90');

/** How pricing is done; the analyst can change any of it (stored in pricing_config). */
export const pricingConfigSchema = z
  .object({
    /** Annual wage growth used to age figures to the effective date (compound). */
    annualAgingRate: z.number().min(-0.2).max(0.5).default(0.03),
    scenarios: z
      .object({ conservative: rank.default(25), market: rank.default(50), competitive: rank.default(65), premium: rank.default(75) })
      .strict()
      .prefault({}),
    minimumSample: z
      .object({ hideBelow: z.number().int().min(0).default(5), middleOnlyBelow: z.number().int().min(0).default(10) })
      .strict()
      .refine((rule) => rule.middleOnlyBelow >= rule.hideBelow, 'middleOnlyBelow must be at least hideBelow')
      .prefault({}),
    blend: z
      .object({
        /** Benchmarks blended per source at most. */
        maxBenchmarks: z.number().int().min(1).max(10).default(3),
        /** Only benchmarks scoring at least this share of the source's best are blended. */
        relativeCutoff: z.number().min(0).max(1).default(0.85),
        /** Below this match score a benchmark is shown but never priced from. */
        minScore: z.number().min(0).max(1).default(0.3),
      })
      .strict()
      .prefault({}),
    confidenceWeights: z
      .object({ match: z.number().min(0).default(0.4), sources: z.number().min(0).default(0.2), sample: z.number().min(0).default(0.2), recency: z.number().min(0).default(0.2) })
      .strict()
      .prefault({}),
    currency: z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code such as USD').default('USD'),
    payBasis: z.enum(['annual', 'hourly']).default('annual'),
    /** Extra say of a source in the blend across sources (default 1 each), by source id. */
    sourceWeights: z.record(z.string(), z.number().min(0)).default({}),
  })
  .strict();

export type PricingConfig = z.output<typeof pricingConfigSchema>;
export const defaultPricingConfig = (): PricingConfig => pricingConfigSchema.parse({});
