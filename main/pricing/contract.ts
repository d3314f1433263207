import { z } from 'zod';
import { defineEvents, defineMethods } from '../api/define';
import { historyItemSchema, priceInputSchema, pricingResultSchema } from './schema';
import { pricingConfigSchema } from './config';
import { surveyMappingSchema } from './survey/mapping';
import { locationMappingSchema } from './survey/location-import';

const absolutePath = (field: string) =>
  z.string().min(1, `Give ${field}`).refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), 'Give an absolute file path');
const requestId = z.object({ id: z.string().min(1, 'Name a pricing request') }).strict();
const problemSchema = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });

export const catalogueStatusSchema = z.object({
  dataVersion: z.string(),
  embedder: z.string(),
  dims: z.number().int(),
  builtAt: z.number(),
  buildMs: z.number(),
  occupations: z.number().int(),
  titles: z.number().int(),
  occupationsWithWages: z.number().int(),
  states: z.number().int(),
});

export const sourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['bundled', 'survey']),
  publisher: z.string().nullable(),
  licence: z.string().nullable(),
  currency: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  fileName: z.string().nullable(),
  rows: z.number().int(),
  importedAt: z.number(),
});

export const bulkProgressSchema = z.object({
  jobId: z.string(),
  status: z.enum(['running', 'completed', 'cancelled', 'failed']),
  done: z.number().int(),
  failed: z.number().int(),
  total: z.number().int(),
  rowsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  outputPath: z.string(),
  error: z.string().nullable(),
});

export const embedProgressSchema = z.object({
  jobId: z.string(),
  status: z.enum(['running', 'completed', 'cancelled', 'failed']),
  model: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  dims: z.number().int().nullable(),
  error: z.string().nullable(),
});

export const pricingMethods = defineMethods({
  'pricing.price': {
    summary: 'Price a job (title, description, location, level): matched benchmarks, P10–P90, scenarios, confidence, explanation; kept in history',
    input: priceInputSchema,
    output: pricingResultSchema,
  },
  'pricing.history': {
    summary: 'Past pricing requests, newest first, searched in title, description, location and match',
    input: z.object({ search: z.string().max(200).optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }).strict().prefault({}),
    output: z.object({ total: z.number().int(), items: z.array(historyItemSchema) }),
  },
  'pricing.get': { summary: 'One past pricing request with its full result', input: requestId, output: pricingResultSchema },
  'pricing.rerun': { summary: "Price a past request again on today's data and settings", input: requestId, output: pricingResultSchema },
  'pricing.catalogue': {
    summary: 'The benchmark catalogue: data versions, counts, sources and attribution (built on first use)',
    input: z.object({}).strict().prefault({}),
    output: z.object({ status: catalogueStatusSchema, sources: z.array(sourceSchema), attribution: z.array(z.string()) }),
  },
  'pricing.rebuildCatalogue': { summary: 'Build the catalogue again from the bundled files', input: z.object({}).strict().prefault({}), output: catalogueStatusSchema },
  'pricing.getConfig': { summary: 'Pricing settings: aging rate, scenarios, minimum sample, blending, confidence weights', input: z.object({}).strict().prefault({}), output: pricingConfigSchema },
  'pricing.setConfig': {
    summary: 'Change pricing settings; what is not given keeps its value',
    input: z.object({ patch: z.record(z.string(), z.unknown()) }).strict(),
    output: pricingConfigSchema,
  },
  'pricing.importSurvey': {
    summary: "Import the analyst's survey CSV with a column mapping; problems come back by row and column",
    input: z.object({ path: absolutePath('the survey CSV'), mapping: surveyMappingSchema, allowPartial: z.boolean().default(false), replace: z.boolean().default(false) }).strict(),
    output: z.object({ sources: z.array(z.object({ id: z.string(), name: z.string(), rows: z.number().int() })), imported: z.number().int(), skipped: z.number().int(), problems: z.array(problemSchema) }),
  },
  'pricing.deleteSource': { summary: 'Delete an imported survey source and its rows', input: z.object({ id: z.string().min(1) }).strict(), output: z.object({ deleted: z.boolean() }) },
  'pricing.importLocationFactors': {
    summary: "Import the analyst's location factors (location → factor, optionally per job family); they win over state factors",
    input: z.object({ path: absolutePath('the location CSV'), sourceName: z.string().trim().min(1).max(200).default('Analyst location factors'), mapping: locationMappingSchema.prefault({}) }).strict(),
    output: z.object({ imported: z.number().int(), problems: z.array(problemSchema) }),
  },
  'pricing.locationFactors': {
    summary: "Location factors: the analyst's table and the default BLS state factors (state median ÷ national median)",
    input: z.object({}).strict().prefault({}),
    output: z.object({
      analyst: z.array(z.object({ location: z.string(), kind: z.string(), jobFamily: z.string(), factor: z.number(), sourceName: z.string() })),
      states: z.array(z.object({ code: z.string(), name: z.string(), factor: z.number(), stateMedian: z.number(), nationalMedian: z.number() })),
      stateMethod: z.string(),
    }),
  },
  'pricing.bulkStart': {
    summary: 'Price every row of a CSV (title, description, location, level) into an output CSV, with progress',
    input: z.object({ inputPath: absolutePath('the input CSV'), outputPath: absolutePath('the output CSV') }).strict(),
    output: z.object({ jobId: z.string(), total: z.number().int() }),
  },
  'pricing.bulkStatus': { summary: 'Progress of a bulk pricing run', input: z.object({ jobId: z.string().min(1) }).strict(), output: bulkProgressSchema },
  'pricing.reembed': {
    summary: "Embed the catalogue's titles with the configured Ollama embedding model, with progress; matching uses them afterwards",
    input: z.object({}).strict().prefault({}),
    output: z.object({ jobId: z.string(), total: z.number().int(), model: z.string() }),
  },
  'pricing.reembedStatus': { summary: 'Progress of a re-embedding run', input: z.object({ jobId: z.string().min(1) }).strict(), output: embedProgressSchema },
  'pricing.reembedCancel': { summary: 'Stop a re-embedding run; the vectors in use stay', input: z.object({ jobId: z.string().min(1) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'pricing.bulkCancel': { summary: 'Stop a bulk pricing run; rows done so far stay in OUT.part', input: z.object({ jobId: z.string().min(1) }).strict(), output: z.object({ cancelled: z.boolean() }) },
});

export const pricingEvents = defineEvents({
  /** At most four times a second while a bulk run goes, and once when it ends. */
  'pricing.bulkProgress': bulkProgressSchema,
  /** After each batch of a re-embedding run, and once when it ends. */
  'pricing.embedProgress': embedProgressSchema,
});
