import { z } from 'zod';
import { defineEvents, defineMethods } from '../../api/define';
import { reportFileSchema } from '../schema';
import { kitConfigPatchSchema } from './config';
import { documentInputSchema } from './documents/input';
import { kitConfigSchema, kitDetailSchema, kitExportFormats, kitLanguages, kitProgressSchema, kitQuestionSchema, kitSummarySchema } from './schema';

const kitId = z.object({ id: z.string().min(1, 'Name a kit') }).strict();
const questionSeq = z.number().int().min(1, 'Name a question by its number');
const wait = z.boolean().default(false);

export const kitMethods = defineMethods({
  'kits.create': {
    summary: 'Make an interview kit from a CV and a job description (text, or a .pdf/.docx/.txt/.md file in base64): finds the gaps, then writes a question per gap in the background (kits.progress)',
    input: z
      .object({
        title: z.string().trim().max(120, 'Keep the title under 120 characters').optional(),
        language: z.enum(kitLanguages).default('English'),
        cv: documentInputSchema,
        jd: documentInputSchema,
        wait,
      })
      .strict(),
    output: kitDetailSchema,
  },
  'kits.list': {
    summary: 'Interview kits, most recently changed first, searched in title, file names and id (expired kits are deleted first)',
    input: z
      .object({ search: z.string().max(200).optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) })
      .strict()
      .prefault({}),
    output: z.object({ total: z.number().int(), items: z.array(kitSummarySchema) }),
  },
  'kits.get': { summary: 'One kit: both documents, the gaps with their quotes, every question with its history, ratings and notes', input: kitId, output: kitDetailSchema },
  'kits.resume': {
    summary: 'Carry on a kit that was cancelled or cut off by a restart: writes only the questions not yet done',
    input: kitId.extend({ wait }),
    output: kitDetailSchema,
  },
  'kits.cancel': { summary: "Stop a kit's generation; the questions done are kept and kits.resume writes the rest", input: kitId, output: kitDetailSchema },
  'kits.regenerateQuestion': {
    summary: 'Write one question of a ready kit again (draft, review, refinements); its earlier versions stay in its history',
    input: kitId.extend({ seq: questionSeq }),
    output: kitDetailSchema,
  },
  'kits.rate': {
    summary: "Save the interviewer's rating (1-5, null clears it) and/or notes on one question, with who and when",
    input: kitId.extend({
      seq: questionSeq,
      rating: z.number().int('Rate with a whole number').min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5').nullable().optional(),
      notes: z.string().max(20_000, 'Keep notes under 20000 characters').optional(),
      by: z.string().trim().min(1, 'Say who is rating').max(120),
    }).refine((input) => input.rating !== undefined || input.notes !== undefined, 'Give a rating, notes, or both'),
    output: kitQuestionSchema,
  },
  'kits.export': {
    summary: 'The kit with its ratings and notes as a file: HTML, PDF or Markdown',
    input: kitId.extend({ format: z.enum(kitExportFormats).default('html') }),
    output: reportFileSchema,
  },
  'kits.delete': { summary: 'Delete a kit (stopping its generation) with its gaps, questions and ratings', input: kitId, output: z.object({ deleted: z.boolean() }) },
  'kits.getConfig': { summary: 'Kit settings: quality threshold, days a kit is kept, refinements allowed, languages', input: z.object({}).strict().prefault({}), output: kitConfigSchema },
  'kits.setConfig': { summary: 'Change the quality threshold (0-1) or the days a kit is kept after its last change', input: kitConfigPatchSchema, output: kitConfigSchema },
});

export const kitEvents = defineEvents({
  /** Where a kit's generation is: finding gaps, questions done of total (seq: the one just finished), or how it ended. */
  'kits.progress': kitProgressSchema,
});
