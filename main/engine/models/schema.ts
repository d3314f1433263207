import { z } from 'zod';

export const modelNameSchema = z
  .string()
  .trim()
  .min(1, 'Name a model')
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/:]*$/, 'A model name such as llama3.1:8b or qwen2.5:7b-instruct-q4_K_M');

export const pullProgressSchema = z.object({
  model: z.string(),
  status: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  completedBytes: z.number(),
  totalBytes: z.number(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
});
export type PullProgress = z.output<typeof pullProgressSchema>;

export const featureModelSchema = z.object({
  feature: z.enum(['batch', 'interviews', 'pricing', 'skills', 'embedding']),
  model: z.string(),
  installed: z.boolean(),
});
export type FeatureModel = z.output<typeof featureModelSchema>;
