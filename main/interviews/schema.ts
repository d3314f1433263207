import { z } from 'zod';

/**
 * Exit interviews: the shapes every door, the store, the reports and the renderer share.
 * Times cross the contract as ISO strings; the store keeps epoch milliseconds.
 */

/** The usual reasons for leaving, in the order the guide asks about them. */
export const reasonIds = [
  'career-growth',
  'pay-benefits',
  'manager',
  'team-culture',
  'workload-balance',
  'the-work',
  'recognition',
  'relocation-personal',
  'other',
] as const;
export type ReasonId = (typeof reasonIds)[number];
export const reasonIdSchema = z.enum(reasonIds);

export const reasonTitles: Readonly<Record<ReasonId, string>> = {
  'career-growth': 'Career growth',
  'pay-benefits': 'Pay and benefits',
  manager: 'Manager',
  'team-culture': 'Team and culture',
  'workload-balance': 'Workload and balance',
  'the-work': 'The work itself',
  recognition: 'Recognition',
  'relocation-personal': 'Relocation or personal',
  other: 'Other',
};

export const interviewStatuses = ['ready', 'in-progress', 'paused', 'completed', 'ended'] as const;
export type InterviewStatus = (typeof interviewStatuses)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-11-30');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters`)
    .nullable()
    .default(null)
    .transform((value) => (value === '' ? null : value));

/**
 * What the analyst sets up before handing the workstation over. An anonymous interview never
 * stores a name or an employee id, whatever was typed: its reports cannot name anyone.
 */
export const exitSetupSchema = z
  .object({
    employeeName: optionalText(200),
    employeeRef: optionalText(100),
    anonymous: z.boolean().default(false),
    department: optionalText(120),
    role: optionalText(120),
    tenureMonths: z.number().int().min(0, 'Tenure cannot be negative').max(720, 'Tenure is in months: at most 720').nullable().default(null),
    manager: optionalText(200),
    voluntary: z.boolean().default(true),
    leavingDate: isoDate.nullable().default(null),
  })
  .strict();
export type ExitSetup = z.output<typeof exitSetupSchema>;

export const templateRefSchema = z.object({ id: z.string(), version: z.string() });
export type TemplateRefOut = z.output<typeof templateRefSchema>;

export const turnRoles = ['interviewer', 'employee'] as const;
export const turnKinds = ['opening', 'question', 'follow-up', 'closing', 'answer'] as const;
export type TurnKind = (typeof turnKinds)[number];
/** Who wrote an interviewer turn: the local model, or the scripted guide when the model was not there. */
export const turnSources = ['llm', 'script', 'employee'] as const;
export type TurnSource = (typeof turnSources)[number];

export const turnSchema = z.object({
  seq: z.number().int(),
  role: z.enum(turnRoles),
  kind: z.enum(turnKinds),
  area: reasonIdSchema.nullable(),
  text: z.string(),
  source: z.enum(turnSources),
  model: z.string().nullable(),
  template: templateRefSchema.nullable(),
  at: z.string(),
  /** Employee answers: from the question shown to the answer sent, and how often the text was cut back. */
  typingMs: z.number().int().nullable(),
  revisions: z.number().int().nullable(),
});
export type Turn = z.output<typeof turnSchema>;

export const sentimentLabels = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof sentimentLabels)[number];
export const sentimentSchema = z.object({ label: z.enum(sentimentLabels), score: z.number().min(-1).max(1) });
export type Sentiment = z.output<typeof sentimentSchema>;

export const labelMethods = ['llm', 'lexicon'] as const;
export type LabelMethod = (typeof labelMethods)[number];

/**
 * One AI label: what the analysis suggested and how (the model and prompt are the analysis's),
 * and the value that counts, which is the analyst's correction when there is one.
 */
const labelOf = <T extends z.ZodType>(value: T) =>
  z.object({ value, suggested: value, method: z.enum(labelMethods), correctedAt: z.string().nullable(), note: z.string().nullable() });

export const quoteSchema = z.object({ seq: z.number().int(), text: z.string() });
export const themeSchema = z.object({ reason: reasonIdSchema, label: z.string(), quotes: z.array(quoteSchema) });
export type Theme = z.output<typeof themeSchema>;

export const analysisSchema = z.object({
  interviewId: z.string(),
  createdAt: z.string(),
  /** How the analysis was made as a whole: by the local model, or by the lexicon fallback. */
  method: z.enum(labelMethods),
  model: z.string().nullable(),
  template: templateRefSchema,
  options: z.record(z.string(), z.unknown()),
  primaryReason: labelOf(reasonIdSchema),
  secondaryReason: labelOf(reasonIdSchema.nullable()),
  themes: z.array(themeSchema),
  answers: z.array(z.object({ seq: z.number().int(), sentiment: labelOf(sentimentSchema) })),
  overall: labelOf(sentimentSchema),
  regretted: labelOf(z.boolean()),
  /** Why the regretted flag was suggested, in a sentence. */
  regrettedBasis: z.string(),
  summary: labelOf(z.string()),
});
export type Analysis = z.output<typeof analysisSchema>;

/** What the analyst may correct; `answer:<seq>` corrects one answer's sentiment. */
export const correctionFieldSchema = z.union([
  z.enum(['primaryReason', 'secondaryReason', 'overall', 'regretted', 'summary']),
  z.string().regex(/^answer:\d+$/, 'Name a field: primaryReason, secondaryReason, overall, regretted, summary or answer:<seq>'),
]);
export type CorrectionField = z.output<typeof correctionFieldSchema>;

export const interviewSummarySchema = z.object({
  id: z.string(),
  status: z.enum(interviewStatuses),
  setup: exitSetupSchema,
  guideVersion: z.string(),
  model: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  answers: z.number().int(),
  /** The reason that counts (the analyst's when corrected), once analysed. */
  primaryReason: reasonIdSchema.nullable(),
  overall: z.enum(sentimentLabels).nullable(),
  analysed: z.boolean(),
});
export type InterviewSummary = z.output<typeof interviewSummarySchema>;

export const progressSchema = z.object({ area: reasonIdSchema.nullable(), areaIndex: z.number().int(), areas: z.number().int() });

export const interviewDetailSchema = interviewSummarySchema.extend({
  turns: z.array(turnSchema),
  draft: z.string(),
  progress: progressSchema,
  analysis: analysisSchema.nullable(),
});
export type InterviewDetail = z.output<typeof interviewDetailSchema>;

/** One area of the guide: its question, the scripted probes and how many follow-ups it may take. */
export const guideAreaSchema = z.object({
  id: reasonIdSchema,
  title: z.string().trim().min(1, 'Give the area a title'),
  question: z.string().trim().min(5, 'Write the question the area opens with'),
  probes: z.array(z.string().trim().min(5, 'A probe must be a question')).max(5),
  maxFollowUps: z.number().int().min(0).max(5),
  /** Words that point at this reason; the lexicon fallback reads answers with them. */
  keywords: z.array(z.string().trim().min(2)).max(80),
});
export type GuideArea = z.output<typeof guideAreaSchema>;

export const exitGuideSchema = z.object({
  id: z.literal('exit-guide'),
  version: z.string().min(1),
  description: z.string(),
  opening: z.string().trim().min(5, 'Write how the interview opens'),
  closing: z.string().trim().min(5, 'Write how the interview closes'),
  areas: z
    .array(guideAreaSchema)
    .min(1, 'The guide needs at least one area')
    .max(reasonIds.length)
    .refine((areas) => new Set(areas.map((area) => area.id)).size === areas.length, 'Each reason may appear once'),
});
export type ExitGuide = z.output<typeof exitGuideSchema>;

export const storedGuideSchema = exitGuideSchema.extend({ source: z.enum(['bundled', 'edited']), createdAt: z.string() });
export type StoredGuide = z.output<typeof storedGuideSchema>;

const countSchema = z.number().int();

/** One group of an aggregate; `count` is at least the minimum group size or the group is not listed. */
export const aggregateGroupSchema = z.object({
  key: z.string(),
  count: countSchema,
  averageSentiment: z.number().nullable(),
  regrettedShare: z.number().nullable(),
  topReason: reasonIdSchema.nullable(),
});
export type AggregateGroup = z.output<typeof aggregateGroupSchema>;

export const breakdownSchema = z.object({
  groups: z.array(aggregateGroupSchema),
  /** Groups under the minimum size, folded together (and listed only when the fold is itself big enough). */
  hiddenGroups: countSchema,
  hiddenInterviews: countSchema,
});
export type Breakdown = z.output<typeof breakdownSchema>;

export const aggregateInputSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    minGroupSize: z.number().int().min(2).max(100).default(5),
  })
  .strict()
  .refine((input) => input.from <= input.to, { message: 'The period must start before it ends', path: ['to'] });

export const aggregateSchema = z.object({
  from: z.string(),
  to: z.string(),
  minGroupSize: countSchema,
  /** Analysed interviews in the period. */
  interviews: countSchema,
  notAnalysed: countSchema,
  /** True when the period holds fewer interviews than the minimum: nothing else is shown. */
  suppressed: z.boolean(),
  reasons: breakdownSchema,
  sentimentOverTime: z.array(z.object({ month: z.string(), count: countSchema, average: z.number(), positive: countSchema, neutral: countSchema, negative: countSchema })),
  hiddenMonths: countSchema,
  departments: breakdownSchema,
  tenureBands: breakdownSchema,
  managers: breakdownSchema,
});
export type Aggregate = z.output<typeof aggregateSchema>;

export const reportFormats = ['html', 'pdf'] as const;
export const reportFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** UTF-8 text for HTML and CSV, base64 for PDF. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ReportFile = z.output<typeof reportFileSchema>;
