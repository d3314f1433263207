import { z } from 'zod';
import { templateRefSchema } from '../schema';

/**
 * Adaptive interview kits: a CV and a job description in, the gaps between them out, and one
 * behavioural question per gap with probes, a rating scale and what a strong answer shows.
 * Times cross the contract as ISO strings; the store keeps epoch milliseconds.
 */

export const kitLanguages = ['English', 'French', 'German', 'Spanish', 'Portuguese', 'Dutch', 'Italian'] as const;
export type KitLanguage = (typeof kitLanguages)[number];

export const gapPriorities = ['critical', 'important', 'nice-to-have'] as const;
export type GapPriority = (typeof gapPriorities)[number];

/** How the gaps were found: by the local model's structured answers, or by the line-and-term heuristic. */
export const gapMethods = ['llm', 'heuristic'] as const;
export type GapMethod = (typeof gapMethods)[number];

/** Where a question came from: written by the local model, or templated from the bundled bank. */
export const questionSources = ['llm', 'bank'] as const;
export type QuestionSource = (typeof questionSources)[number];

/** created → gaps-found → generating → ready; cancelled (and a generation cut by a restart) resume. */
export const kitStatuses = ['created', 'gaps-found', 'generating', 'ready', 'cancelled'] as const;
export type KitStatus = (typeof kitStatuses)[number];

export const questionStatuses = ['pending', 'generating', 'done'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** Weak evidence is a mention without substance (a skills list, "some exposure"); none is silence. */
export const evidenceStrengths = ['none', 'weak'] as const;

export const gapSchema = z.object({
  seq: z.number().int(),
  skill: z.string(),
  priority: z.enum(gapPriorities),
  /** Words of the job description, checked to appear in it. */
  requirementQuote: z.string(),
  evidence: z.enum(evidenceStrengths),
  /** Words of the CV, checked to appear in it; null when the CV says nothing about the skill. */
  evidenceQuote: z.string().nullable(),
  rationale: z.string(),
});
export type Gap = z.output<typeof gapSchema>;

/** A question as the model writes it; also the JSON schema sent as Ollama's `format`. */
export const questionContentSchema = z.object({
  question: z.string().min(15).max(400).describe('One behavioural question asking for a real past situation'),
  probes: z
    .object({
      situation: z.string().min(5).max(250),
      task: z.string().min(5).max(250),
      action: z.string().min(5).max(250),
      result: z.string().min(5).max(250),
    })
    .describe('STAR follow-up probes'),
  rubric: z.array(z.string().min(5).max(300)).length(5).describe('Behavioural anchors for ratings 1 (poor) to 5 (excellent), in that order'),
  strongSigns: z.array(z.string().min(3).max(200)).min(2).max(5).describe('What a strong answer shows'),
});
export type QuestionContent = z.output<typeof questionContentSchema>;

export const qualityCriteria = ['relevance', 'behavioural', 'specificity', 'rubric', 'fairness'] as const;
export const qualitySchema = z.object({
  /** In [0, 1]: the criteria's mean over 10. */
  score: z.number().min(0).max(1),
  criteria: z.record(z.enum(qualityCriteria), z.number()),
  feedback: z.string(),
  model: z.string(),
  template: templateRefSchema,
});
export type Quality = z.output<typeof qualitySchema>;

/** One version of a question: the first draft, a refinement, or a bank question. */
export const draftSchema = z.object({
  attempt: z.number().int(),
  kind: z.enum(['draft', 'refinement', 'bank']),
  content: questionContentSchema,
  quality: qualitySchema.nullable(),
  model: z.string().nullable(),
  template: templateRefSchema,
  options: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type Draft = z.output<typeof draftSchema>;

export const kitQuestionSchema = z.object({
  seq: z.number().int(),
  skill: z.string(),
  priority: z.enum(gapPriorities),
  status: z.enum(questionStatuses),
  source: z.enum(questionSources).nullable(),
  /** The version in use: the best-scoring draft, or the bank's. */
  content: questionContentSchema.nullable(),
  quality: qualitySchema.nullable(),
  refinements: z.number().int(),
  language: z.enum(kitLanguages),
  /** Says what the reader should know about it, e.g. that a bank question is in English. */
  notice: z.string().nullable(),
  model: z.string().nullable(),
  template: templateRefSchema.nullable(),
  options: z.record(z.string(), z.unknown()),
  history: z.array(draftSchema),
  /** The interviewer's rating (1–5) and notes: theirs is the rating that counts. */
  rating: z.number().int().min(1).max(5).nullable(),
  notes: z.string(),
  ratedBy: z.string().nullable(),
  ratedAt: z.string().nullable(),
  notesAt: z.string().nullable(),
});
export type KitQuestion = z.output<typeof kitQuestionSchema>;

export const gapAnalysisSchema = z.object({
  method: z.enum(gapMethods),
  model: z.string().nullable(),
  templates: z.array(templateRefSchema),
  options: z.record(z.string(), z.unknown()),
  /** Why the heuristic was used, when the model was asked first. */
  note: z.string().nullable(),
});
export type GapAnalysis = z.output<typeof gapAnalysisSchema>;

export const kitSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.enum(kitLanguages),
  status: z.enum(kitStatuses),
  /** A generation is running in this process now; a 'generating' kit that is not active was cut off and waits for kits.resume. */
  active: z.boolean(),
  gaps: z.number().int(),
  questionsDone: z.number().int(),
  rated: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
});
export type KitSummary = z.output<typeof kitSummarySchema>;

export const kitDocumentSchema = z.object({ name: z.string(), kind: z.enum(['text', 'txt', 'md', 'pdf', 'docx']), text: z.string() });
export type KitDocument = z.output<typeof kitDocumentSchema>;

export const kitDetailSchema = kitSummarySchema.extend({
  cv: kitDocumentSchema,
  jd: kitDocumentSchema,
  gapAnalysis: gapAnalysisSchema.nullable(),
  gapList: z.array(gapSchema),
  questions: z.array(kitQuestionSchema),
  error: z.string().nullable(),
});
export type KitDetail = z.output<typeof kitDetailSchema>;

export const maxRefinements = 2;

export const kitConfigSchema = z.object({
  /** A question scoring under this (0–1) is refined, at most `maxRefinements` times. */
  threshold: z.number().min(0).max(1),
  /** A kit untouched this long is refused and deleted. */
  expiryDays: z.number().int().min(1).max(3650),
  maxRefinements: z.literal(maxRefinements),
  languages: z.array(z.enum(kitLanguages)),
});
export type KitConfig = z.output<typeof kitConfigSchema>;

export const defaultKitConfig = { threshold: 0.7, expiryDays: 30 } as const;

export const kitStages = ['gaps', 'questions', 'ready', 'cancelled', 'interrupted'] as const;
export const kitProgressSchema = z.object({
  kitId: z.string(),
  stage: z.enum(kitStages),
  done: z.number().int(),
  total: z.number().int(),
  /** The question that just finished, when one did. */
  seq: z.number().int().nullable(),
});
export type KitProgress = z.output<typeof kitProgressSchema>;

export const kitExportFormats = ['html', 'pdf', 'markdown'] as const;
export type KitExportFormat = (typeof kitExportFormats)[number];
