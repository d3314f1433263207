import { z } from 'zod';
import { featureNames } from './features/catalogue';

/**
 * Skills: the shapes every door, the store and (later) the renderer share. Assessments, models and
 * weights are in schema-results.ts. Times cross the contract as ISO strings.
 */

export const skillIds = ['empathy', 'problem-solving', 'self-regulation', 'resilience'] as const;
export type SkillId = (typeof skillIds)[number];
export const skillIdSchema = z.enum(skillIds);

export const skillTitles: Readonly<Record<SkillId, string>> = {
  empathy: 'Empathy',
  'problem-solving': 'Problem-solving',
  'self-regulation': 'Self-regulation',
  resilience: 'Resilience',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-11-30');
const ms = (what: string) => z.number().int(`${what} is whole milliseconds`).min(0, `${what} cannot be negative`).max(86_400_000, `${what}: at most a day`);

/** The person who speaks in a transcript; "candidate" and "employee" are read as the same role. */
const roleSchema = z.preprocess(
  (role) => (role === 'candidate' || role === 'employee' || role === 'person' ? 'interviewee' : role),
  z.enum(['interviewer', 'interviewee'], { message: 'A turn is by the interviewer or the interviewee' }),
);

export const transcriptTurnSchema = z
  .object({
    role: roleSchema,
    text: z.string().trim().min(1, 'A turn needs its text').max(20_000, 'Keep one turn under 20000 characters'),
    /** From the question shown (or finished) to the first keystroke or word of the answer. */
    latencyMs: ms('latencyMs').optional(),
    /** From the first keystroke or word to the answer sent (or finished). */
    typingMs: ms('typingMs').optional(),
    /** Times the text got shorter while it was typed. */
    revisions: z.number().int().min(0).max(100_000).optional(),
    /** Pauses of two seconds or more while answering. */
    pauses: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();

/** A structured interview transcript given directly (not an exit interview of this app). */
export const transcriptInputSchema = z
  .object({
    person: z.object({ id: z.string().trim().min(1, 'Give the person an id').max(100), name: z.string().trim().max(200).optional() }).strict(),
    takenAt: isoDate,
    title: z.string().trim().max(200).optional(),
    turns: z
      .array(transcriptTurnSchema)
      .min(1, 'The transcript has no turns')
      .max(400, 'At most 400 turns')
      .refine((turns) => turns.some((turn) => turn.role === 'interviewee'), 'The transcript has no answers from the interviewee'),
  })
  .strict();
export type TranscriptInput = z.output<typeof transcriptInputSchema>;

const sourceFields = {
  interviewId: z.string().min(1, 'Name an exit interview').optional(),
  transcriptId: z.string().min(1, 'Name a stored transcript').optional(),
  transcript: transcriptInputSchema.optional(),
};

const exactlyOneSource = (input: { interviewId?: unknown; transcriptId?: unknown; transcript?: unknown }): boolean =>
  [input.interviewId, input.transcriptId, input.transcript].filter((entry) => entry !== undefined).length === 1;

/** What to read (an exit interview of this app, a transcript stored before, or a transcript given now: exactly one), with any other fields. */
export function withEvidenceSource<const Extra extends z.ZodRawShape>(extra: Extra) {
  return z
    .object({ ...sourceFields, ...extra })
    .strict()
    .refine((input) => exactlyOneSource(input as { interviewId?: unknown; transcriptId?: unknown; transcript?: unknown }), {
      message: 'Give exactly one of interviewId, transcriptId or transcript',
    });
}

export const evidenceSourceSchema = withEvidenceSource({});
export type EvidenceSource = z.output<typeof evidenceSourceSchema>;

export const quoteSchema = z.object({ seq: z.number().int(), text: z.string() });
export type Quote = z.output<typeof quoteSchema>;

export const featureNameSchema = z.enum(featureNames as [string, ...string[]]);

export const featureValueSchema = z.object({
  name: z.string(),
  group: z.enum(['linguistic', 'behavioural', 'derived']),
  label: z.string(),
  unit: z.string(),
  /** The figure as measured (a rate, seconds, a share); null when it could not be measured. */
  raw: z.number().nullable(),
  /** The 0–1 value models and rubrics read; null when not measured. */
  value: z.number().min(0).max(1).nullable(),
  /** Why a feature is missing ("typing times were not recorded"), else null. */
  missing: z.string().nullable(),
  quotes: z.array(quoteSchema),
});
export type FeatureValue = z.output<typeof featureValueSchema>;

export const featureSetSchema = z.object({
  source: z.enum(['exit-interview', 'transcript']),
  answers: z.number().int(),
  words: z.number().int(),
  lexicon: z.object({ id: z.string(), version: z.string() }),
  features: z.array(featureValueSchema),
});
export type FeatureSet = z.output<typeof featureSetSchema>;

/** One answer as the extractor reads it, whichever source it came from. */
export interface AnswerEvidence {
  seq: number;
  text: string;
  latencyMs: number | null;
  /** Question shown to answer sent (latency + typing for transcripts; typing_ms for exit interviews). */
  answerMs: number | null;
  revisions: number | null;
  pauses: number | null;
}

export const reportFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type SkillReportFile = z.output<typeof reportFileSchema>;
