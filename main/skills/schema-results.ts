import { z } from 'zod';
import { skillWeightsSchema } from './fusion/weights';
import { featureValueSchema, quoteSchema, skillIdSchema } from './schema';

/** Assessments, models, weights and jobs of the skills feature, as they cross the contract. */

export const templateRefSchema = z.object({ id: z.string(), version: z.string() });

export const evidenceItemSchema = z.object({
  feature: z.string(),
  label: z.string(),
  group: z.enum(['linguistic', 'behavioural', 'derived']),
  unit: z.string(),
  raw: z.number().nullable(),
  value: z.number().nullable(),
  /** Points this feature moved the score away from 3, over every source that read it. */
  contribution: z.number(),
  sources: z.object({ ml: z.number().nullable(), linguistic: z.number().nullable(), behavioural: z.number().nullable() }),
  quotes: z.array(quoteSchema),
});
export type EvidenceItem = z.output<typeof evidenceItemSchema>;

const componentSchema = z.object({ value: z.number().nullable(), weight: z.number(), detail: z.string() });
export const confidenceSchema = z.object({
  value: z.number().min(0).max(1),
  components: z.object({ modelSpread: componentSchema, agreement: componentSchema, extremity: componentSchema, completeness: componentSchema }),
});
export type Confidence = z.output<typeof confidenceSchema>;

const partSchema = z.object({ score: z.number().nullable(), weight: z.number(), effectiveWeight: z.number(), note: z.string().nullable() });
export const fusionSchema = z.object({
  ml: partSchema,
  linguistic: partSchema,
  behavioural: partSchema,
  confidenceAdjustment: z.object({ weight: z.number(), effectiveWeight: z.number(), pull: z.number() }),
  /** The evidence sources' weighted mean, before the confidence adjustment. */
  evidenceMean: z.number(),
  /** Says so when a source was missing and its weight went to the others. */
  redistributed: z.string().nullable(),
});
export type Fusion = z.output<typeof fusionSchema>;

export const modelRefSchema = z.object({ id: z.number().int(), version: z.number().int(), checksum: z.string(), source: z.enum(['imported', 'trained']) });
export type ModelRef = z.output<typeof modelRefSchema>;

export const reasoningSchema = z.object({
  text: z.string(),
  nextStep: z.string(),
  method: z.enum(['llm', 'template']),
  model: z.string().nullable(),
  template: templateRefSchema,
});
export type Reasoning = z.output<typeof reasoningSchema>;

export const ratingSchema = z.object({ value: z.number().int().min(1).max(5), note: z.string().nullable(), by: z.string().nullable(), at: z.string() });

export const skillResultSchema = z.object({
  skill: skillIdSchema,
  /** 1–5 as inferred from the evidence. */
  inferred: z.number().min(1).max(5),
  confidence: confidenceSchema,
  fusion: fusionSchema,
  evidence: z.array(evidenceItemSchema).max(5),
  reasoning: reasoningSchema,
  provenance: z.object({
    model: modelRefSchema.nullable(),
    /** Why no model was used, when none was. */
    modelNote: z.string().nullable(),
    weightsVersion: z.number().int(),
    prompt: templateRefSchema,
    lexicon: templateRefSchema,
  }),
  /** The analyst's own rating: when present it is the score that counts. */
  rating: ratingSchema.nullable(),
  score: z.number(),
  scoreSource: z.enum(['analyst', 'inferred']),
});
export type SkillResult = z.output<typeof skillResultSchema>;

export const personSchema = z.object({ id: z.string(), name: z.string().nullable() });

export const assessmentSchema = z.object({
  id: z.string(),
  transcriptId: z.string(),
  source: z.enum(['exit-interview', 'transcript']),
  interviewId: z.string().nullable(),
  person: personSchema,
  takenAt: z.string(),
  createdAt: z.string(),
  answers: z.number().int(),
  words: z.number().int(),
  features: z.array(featureValueSchema),
  results: z.array(skillResultSchema),
  /** How the evidence was fitted to the model's context (items left out, quotes cut short or left out); null when no model wrote the reasoning. */
  reasoningFit: z.object({ estimatedTokens: z.number().int(), budgetTokens: z.number().int(), itemsDropped: z.number().int(), quotesShortened: z.number().int() }).nullable(),
});
export type Assessment = z.output<typeof assessmentSchema>;

export const assessmentSummarySchema = z.object({
  id: z.string(),
  person: personSchema,
  takenAt: z.string(),
  createdAt: z.string(),
  source: z.enum(['exit-interview', 'transcript']),
  skills: z.array(z.object({ skill: skillIdSchema, inferred: z.number(), confidence: z.number(), rating: z.number().int().nullable(), score: z.number() })),
});
export type AssessmentSummary = z.output<typeof assessmentSummarySchema>;

export const trainingMetricsSchema = z.object({
  rows: z.number().int(),
  trainRows: z.number().int(),
  holdoutRows: z.number().int(),
  holdoutRmse: z.number(),
  holdoutPearson: z.number().nullable(),
  baselineRmse: z.number(),
  trainRmse: z.number(),
  beatsBaseline: z.boolean(),
  improvement: z.number(),
  replicas: z.number().int(),
  trainingMs: z.number(),
  options: z.record(z.string(), z.number()),
});

export const modelEntrySchema = z.object({
  id: z.number().int(),
  skill: skillIdSchema,
  version: z.number().int(),
  checksum: z.string(),
  source: z.enum(['imported', 'trained']),
  features: z.array(z.string()),
  trees: z.number().int(),
  replicas: z.number().int(),
  metrics: trainingMetricsSchema.nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type ModelEntry = z.output<typeof modelEntrySchema>;

export const weightVersionSchema = z.object({
  version: z.number().int(),
  weights: z.object({ empathy: skillWeightsSchema, 'problem-solving': skillWeightsSchema, 'self-regulation': skillWeightsSchema, resilience: skillWeightsSchema }),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const jobStatuses = ['running', 'completed', 'cancelled', 'failed', 'interrupted'] as const;
export const jobProgressSchema = z.object({
  jobId: z.string(),
  status: z.enum(jobStatuses),
  /** People processed (succeeded or failed) of the total. */
  done: z.number().int(),
  failed: z.number().int(),
  total: z.number().int(),
  perSecond: z.number(),
  etaSeconds: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type JobProgress = z.output<typeof jobProgressSchema>;
