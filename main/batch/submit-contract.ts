import { z } from 'zod';
import { defineMethods } from '../api/define';
import { modelNameSchema } from '../engine/models/schema';
import { csvMappingSchema, ingestFormats } from './ingest/index';
import { evaluationTemplateSchema } from './evaluation';
import { batchSummarySchema, ingestProblemSchema } from './schema';

const storedTemplateSchema = evaluationTemplateSchema.extend({ source: z.enum(['bundled', 'edited']), createdAt: z.string() });

/** A file on this machine (the window's drop, the CLI), or one uploaded through /v1/files (a browser). */
export const fileSourceSchema = z.union([
  z.object({ path: z.string().min(1).refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), 'Give an absolute path') }).strict(),
  z.object({ fileId: z.string().min(1) }).strict(),
]);

export const submitMethods = defineMethods({
  'batch.inspect': {
    summary: 'Look at a file before queueing it: its format, and for CSV the columns, a few rows and the suggested mapping',
    input: z.object({ source: fileSourceSchema }).strict(),
    output: z.object({
      fileName: z.string(),
      format: z.enum(ingestFormats).nullable(),
      problem: ingestProblemSchema.nullable(),
      csv: z
        .object({
          headers: z.array(z.string()),
          sample: z.array(z.array(z.string())),
          suggested: csvMappingSchema,
          /** The mapping confirmed last time for these same columns. */
          remembered: csvMappingSchema.nullable(),
        })
        .nullable(),
    }),
  },
  'batch.submit': {
    summary: 'Queue a file: OpenAI batch lines as they are, candidates evaluated with the template',
    input: z
      .object({
        source: fileSourceSchema,
        model: modelNameSchema.optional(),
        priority: z.number().int().min(-100).max(100).default(0),
        csvMapping: csvMappingSchema.optional(),
        /** Remember this CSV mapping for files with the same columns. */
        rememberMapping: z.boolean().default(true),
        /** Queue a file again that was queued before. */
        allowDuplicate: z.boolean().default(false),
        /** The evaluation template version for candidate files; the newest when left out. */
        templateVersion: z.string().min(1).optional(),
      })
      .strict(),
    output: batchSummarySchema,
  },
  'batch.templates': {
    summary: "The evaluation template's versions: the bundled one and the analyst's edits",
    input: z.object({}).strict().prefault({}),
    output: z.array(storedTemplateSchema),
  },
  'batch.saveTemplate': {
    summary: 'Save an edited evaluation prompt as the next template version (earlier versions stay as they were)',
    input: z
      .object({
        system: z.string().trim().min(20, 'Write the instructions the model gets'),
        user: z.string().trim().min(1, 'Write the user prompt, with {{profile}} where the profile goes'),
        description: z.string().max(500).optional(),
      })
      .strict(),
    output: storedTemplateSchema,
  },
});
