import { z } from 'zod';
import { defineEvents, defineMethods } from '../api/define';
import { skillWeightsSchema } from './fusion/weights';
import { evidenceSourceSchema, featureSetSchema, reportFileSchema, skillIdSchema, transcriptInputSchema, withEvidenceSource } from './schema';
import { assessmentSchema, assessmentSummarySchema, jobProgressSchema, modelEntrySchema, skillResultSchema, weightVersionSchema } from './schema-results';

const empty = z.object({}).strict().prefault({});
const absolutePath = z.string().min(1).refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), 'Give an absolute file path');
const reasoning = z.enum(['auto', 'template']).default('auto');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-11-30');
const jobId = z.object({ jobId: z.string().min(1, 'Name a job') }).strict();

const trainOptionsSchema = z
  .object({
    rounds: z.number().int().min(1).max(2000),
    maxDepth: z.number().int().min(1).max(10),
    learningRate: z.number().gt(0, 'The learning rate is above 0').max(1),
    minChildWeight: z.number().min(0).max(1000),
    lambda: z.number().min(0).max(1000),
    holdout: z.number().min(0.05, 'Hold out at least 5 % of the rows').max(0.5, 'Hold out at most half the rows'),
    seed: z.number().int(),
    replicas: z.number().int().min(0).max(20),
  })
  .partial()
  .strict()
  .prefault({});

const transcriptSummarySchema = z.object({
  id: z.string(),
  source: z.enum(['exit-interview', 'transcript']),
  person: z.object({ id: z.string(), name: z.string().nullable() }),
  takenAt: z.string(),
  turns: z.number().int(),
  answers: z.number().int(),
});

export const skillMethods = defineMethods({
  'skills.features': {
    summary: 'The 26 features (16 linguistic, 9 behavioural, 1 derived) of an exit interview, a stored transcript or a transcript given now, with the quotes behind them',
    input: evidenceSourceSchema,
    output: featureSetSchema,
  },
  'skills.saveTranscript': { summary: "Store a structured interview transcript in the person's history without inferring yet", input: z.object({ transcript: transcriptInputSchema }).strict(), output: transcriptSummarySchema },
  'skills.infer': {
    summary: 'Infer empathy, problem-solving, self-regulation and resilience (score, confidence, top evidence, reasoning) and store them as an assessment',
    input: withEvidenceSource({ reasoning }),
    output: assessmentSchema,
  },
  'skills.get': { summary: 'One assessment: features, and per skill the score that counts, the inferred one, confidence, evidence, reasoning and provenance', input: z.object({ id: z.string().min(1) }).strict(), output: assessmentSchema },
  'skills.assessments': {
    summary: "A person's assessments over time, oldest first",
    input: z.object({ personId: z.string().min(1, 'Name a person'), from: isoDate.optional(), to: isoDate.optional() }).strict(),
    output: z.array(assessmentSummarySchema),
  },
  'skills.people': {
    summary: 'People with assessments, most recently assessed first, searched in id and name',
    input: z.object({ search: z.string().max(200).optional(), limit: z.number().int().min(1).max(1000).default(100) }).strict().prefault({}),
    output: z.array(z.object({ id: z.string(), name: z.string().nullable(), assessments: z.number().int(), lastTakenAt: z.string() })),
  },
  'skills.rate': {
    summary: "Set the analyst's own rating (1-5, null clears it) and note for one skill of an assessment; it is the score that counts",
    input: z
      .object({
        id: z.string().min(1),
        skill: skillIdSchema,
        rating: z.number().int('Rate with a whole number').min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5').nullable(),
        note: z.string().max(4000).optional(),
        by: z.string().trim().max(120).optional(),
      })
      .strict(),
    output: skillResultSchema,
  },
  'skills.deleteAssessment': { summary: 'Delete one assessment with its results and ratings', input: z.object({ id: z.string().min(1) }).strict(), output: z.object({ deleted: z.boolean() }) },
  'skills.models': { summary: 'The model registry: every imported or trained model per skill, newest version first', input: z.object({ skill: skillIdSchema.optional() }).strict().prefault({}), output: z.array(modelEntrySchema) },
  'skills.importModel': {
    summary: "Import an XGBoost JSON model (Booster.save_model('model.json')) for a skill, by absolute path or as JSON text; its features must be ours",
    input: z
      .object({ skill: skillIdSchema, path: absolutePath.optional(), json: z.string().min(2).optional(), note: z.string().max(1000).optional(), activate: z.boolean().default(true) })
      .strict()
      .refine((input) => (input.path === undefined) !== (input.json === undefined), { message: 'Give the model as path or as json, not both', path: ['path'] }),
    output: modelEntrySchema,
  },
  'skills.trainModel': {
    summary: 'Train a gradient-boosted model per rated skill from a labelled CSV (26 features + 1-5 ratings); reports held-out RMSE and Pearson r against the mean baseline',
    input: z
      .object({
        csvPath: absolutePath.optional(),
        csv: z.string().min(1).optional(),
        skills: z.array(skillIdSchema).min(1).optional(),
        options: trainOptionsSchema,
        activate: z.enum(['always', 'if-better', 'never']).default('if-better'),
        note: z.string().max(1000).optional(),
      })
      .strict()
      .refine((input) => (input.csvPath === undefined) !== (input.csv === undefined), { message: 'Give the training file as csvPath or as csv, not both', path: ['csvPath'] }),
    output: z.object({ models: z.array(modelEntrySchema) }),
  },
  'skills.activateModel': {
    summary: "Make one version a skill's active model, or none (version null: inferred without a model)",
    input: z.object({ skill: skillIdSchema, version: z.number().int().min(1).nullable() }).strict(),
    output: z.object({ skill: skillIdSchema, active: modelEntrySchema.nullable() }),
  },
  'skills.getWeights': { summary: 'The fusion weights in force per skill (model, linguistic, behavioural, confidence adjustment), and the defaults', input: empty, output: z.object({ current: weightVersionSchema, defaults: weightVersionSchema.shape.weights }) },
  'skills.weightHistory': { summary: 'Every version of the fusion weights, oldest first', input: empty, output: z.array(weightVersionSchema) },
  'skills.setWeights': {
    summary: 'Save new fusion weights for some skills (each set must sum to 1) as the next version; the others carry over',
    input: z.object({ weights: z.partialRecord(skillIdSchema, skillWeightsSchema), note: z.string().max(1000).optional() }).strict(),
    output: weightVersionSchema,
  },
  'skills.inferMany': {
    summary: 'Infer skills for many people (exit interviews, stored or given transcripts) as a job with progress (skills.progress) and cancel',
    input: z
      .object({
        interviewIds: z.array(z.string().min(1)).max(2000).default([]),
        transcriptIds: z.array(z.string().min(1)).max(2000).default([]),
        transcripts: z.array(transcriptInputSchema).max(500).default([]),
        reasoning,
        wait: z.boolean().default(false),
      })
      .strict(),
    output: jobProgressSchema,
  },
  'skills.job': {
    summary: 'Where a job stands, with each person: done (and the assessment), failed (and why), pending or cancelled',
    input: jobId,
    output: z.object({
      progress: jobProgressSchema,
      items: z.array(z.object({ seq: z.number().int(), source: z.record(z.string(), z.string()), status: z.enum(['pending', 'done', 'failed', 'cancelled']), assessmentId: z.string().nullable(), error: z.string().nullable() })),
    }),
  },
  'skills.cancelJob': { summary: 'Cancel a job; the people done are kept', input: jobId, output: jobProgressSchema },
  'skills.export': {
    summary: "One person's assessments as CSV (a row per skill) or JSON (everything)",
    input: z.object({ personId: z.string().min(1, 'Name a person'), format: z.enum(['csv', 'json']).default('csv') }).strict(),
    output: reportFileSchema,
  },
});

export const skillEvents = defineEvents({
  /** A job's progress: at most every 250 ms while it runs, and when it ends. */
  'skills.progress': jobProgressSchema,
});
