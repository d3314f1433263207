import { z } from 'zod';

/**
 * The analyst's settings. Defaults fit a 16 GB card (RTX 4080 class) running one 7-8B model at
 * Q4 with room for a few parallel slots; the seed batch server (003) ran this shape of setup.
 */
export const featureModelsSchema = z.object({
  batch: z.string().trim().min(1, 'Name a model').default('llama3.1:8b'),
  interviews: z.string().trim().min(1, 'Name a model').default('llama3.1:8b'),
  pricing: z.string().trim().min(1, 'Name a model').default('llama3.1:8b'),
  skills: z.string().trim().min(1, 'Name a model').default('llama3.1:8b'),
  embedding: z.string().trim().min(1, 'Name a model').default('nomic-embed-text'),
});

const ollamaHostSchema = z
  .string()
  .trim()
  .refine((value) => parseOllamaHost(value) !== null, 'Use host:port or http://host:port');

export const settingsSchema = z.object({
  ollamaHost: ollamaHostSchema.default('http://127.0.0.1:11434'),
  models: featureModelsSchema.prefault({}),
  parallelSlots: z.number().int().min(1).max(16).default(4),
  maxLoadedModels: z.number().int().min(1).max(8).default(2),
  keepAlive: z
    .string()
    .trim()
    .regex(/^(-1|0|\d+(ms|s|m|h)?)$/, 'Use a duration such as 5m, 1h, 0 or -1 (forever)')
    .default('5m'),
  flashAttention: z.boolean().default(true),
  kvCacheType: z.enum(['f16', 'q8_0', 'q4_0']).default('q8_0'),
  contextLength: z.number().int().min(2048).max(131072).default(8192),
  ollamaMaxQueue: z.number().int().min(1).max(100000).default(512),
  gpuSampleIntervalMs: z.number().int().min(250).max(60000).default(1000),
  vramWarnPercent: z.number().min(50).max(100).default(87.5),
  vramActMiB: z.number().int().min(512).max(262144).default(14336),
  retentionDays: z.number().int().min(1).max(3650).default(90),
  /** Ollama's runners leak host memory over hours: a long batch unloads and reloads its model this often (0: never). */
  batchRecycleMinutes: z.number().int().min(0).max(10080).default(240),
  /** Attempts an item gets before it is set aside as failed with its reason. */
  batchMaxAttempts: z.number().int().min(1).max(20).default(3),
});

export type Settings = z.output<typeof settingsSchema>;

/** A partial update: some of the fields, models merged field by field. */
export const settingsPatchSchema = settingsSchema
  .omit({ models: true })
  .partial()
  .extend({ models: featureModelsSchema.partial().optional() })
  .strict();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const defaultSettings = (): Settings => settingsSchema.parse({});

/** Accepts the forms Ollama itself accepts for OLLAMA_HOST and returns a base URL, or null. */
export function parseOllamaHost(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.pathname !== '/' && url.pathname !== '') return null;
    const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '11434') : url.port;
    const host = url.hostname === '0.0.0.0' ? '127.0.0.1' : url.hostname;
    return `${url.protocol}//${host}:${port}`;
  } catch {
    return null;
  }
}
