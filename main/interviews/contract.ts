import { z } from 'zod';
import { defineEvents, defineMethods } from '../api/define';
import {
  aggregateInputSchema, aggregateSchema, analysisSchema, correctionFieldSchema, exitGuideSchema, exitSetupSchema, interviewDetailSchema,
  interviewStatuses, interviewSummarySchema, reportFileSchema, reportFormats, storedGuideSchema,
} from './schema';

const interviewId = z.object({ id: z.string().min(1, 'Name an interview') }).strict();
const empty = z.object({}).strict().prefault({});

/** The longest answer taken in one turn; a person typing for an hour writes less. */
export const maxAnswerChars = 8000;

export const interviewMethods = defineMethods({
  'interviews.guide': {
    summary: 'The exit-interview guide: a named version, or the newest',
    input: z.object({ version: z.string().min(1).optional() }).strict().prefault({}),
    output: storedGuideSchema,
  },
  'interviews.guides': { summary: "The guide's versions, oldest first", input: empty, output: z.array(storedGuideSchema) },
  'interviews.saveGuide': {
    summary: 'Save an edited guide (opening, areas with questions, probes and follow-up limits, closing) as the next version',
    input: exitGuideSchema.omit({ id: true, version: true }).strict(),
    output: storedGuideSchema,
  },
  'interviews.create': { summary: 'Set up an exit interview (employee or anonymous, department, role, tenure, manager, voluntary)', input: exitSetupSchema, output: interviewSummarySchema },
  'interviews.list': {
    summary: 'Exit interviews, newest first, searched in name, id, department, role and manager',
    input: z
      .object({
        search: z.string().max(200).optional(),
        status: z.enum(interviewStatuses).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict()
      .prefault({}),
    output: z.object({ total: z.number().int(), items: z.array(interviewSummarySchema) }),
  },
  'interviews.get': { summary: 'One interview: set-up, every turn, the unsent draft, progress and analysis', input: interviewId, output: interviewDetailSchema },
  'interviews.start': {
    summary: 'Open or resume the conversation: asks the next question if one is owed',
    input: interviewId,
    output: interviewDetailSchema,
  },
  'interviews.answer': {
    summary: "Commit the employee's answer, then ask the next question or follow-up (streamed as interviews.token)",
    input: interviewId.extend({
      text: z.string().trim().min(1, 'Type an answer first').max(maxAnswerChars, `Keep one answer under ${maxAnswerChars} characters`),
      typingMs: z.number().int().min(0).max(86_400_000).optional(),
      revisions: z.number().int().min(0).max(100_000).optional(),
    }),
    output: interviewDetailSchema,
  },
  'interviews.saveDraft': {
    summary: 'Keep what the employee has typed but not sent, so a crash or a pause loses none of it',
    input: interviewId.extend({ text: z.string().max(maxAnswerChars) }),
    output: z.object({ savedAt: z.string() }),
  },
  'interviews.pause': { summary: 'Pause the conversation; start resumes it where it stopped', input: interviewId, output: interviewDetailSchema },
  'interviews.end': { summary: 'End the conversation now, with the closing words; what was said is kept', input: interviewId, output: interviewDetailSchema },
  'interviews.analyse': {
    summary: 'Reasons, themes with quotes, sentiment per answer and overall, a regretted flag and a summary (local model, or the lexicon fallback)',
    input: interviewId,
    output: analysisSchema,
  },
  'interviews.correct': {
    summary: "Correct one AI label (the analyst's value wins), or clear the correction",
    input: interviewId.extend({ field: correctionFieldSchema, value: z.unknown().optional(), note: z.string().max(1000).optional(), clear: z.boolean().default(false) }),
    output: analysisSchema,
  },
  'interviews.report': {
    summary: 'One interview as a report file (HTML or PDF)',
    input: interviewId.extend({ format: z.enum(reportFormats).default('html') }),
    output: reportFileSchema,
  },
  'interviews.aggregate': {
    summary: 'Reasons, sentiment over time and breakdowns for a period, hiding any group under the minimum size',
    input: aggregateInputSchema,
    output: aggregateSchema,
  },
  'interviews.aggregateCsv': { summary: 'The aggregate of a period as CSV, with the same groups hidden', input: aggregateInputSchema, output: reportFileSchema },
  'interviews.delete': { summary: 'Delete an interview with its turns and analysis', input: interviewId, output: z.object({ deleted: z.boolean() }) },
});

export const interviewEvents = defineEvents({
  /** A piece of the interviewer's next turn as the model writes it. */
  'interviews.token': z.object({ interviewId: z.string(), seq: z.number().int(), token: z.string(), reset: z.boolean() }),
});
