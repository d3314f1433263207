import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ApiError } from '../../api/errors';
import { analysisSchema, reasonIdSchema, sentimentLabels, sentimentSchema, type Analysis, type CorrectionField } from '../schema';

/** Stored analyses (as suggested) and the analyst's corrections, which win when read back. */

interface CorrectionRow {
  field: string;
  value_json: string;
  note: string | null;
  corrected_at: number;
}

/** A sentiment correction may be a label alone; its score is then the label's middle. */
const sentimentCorrection = z.union([
  sentimentSchema,
  z.enum(sentimentLabels).transform((label) => ({ label, score: label === 'positive' ? 0.5 : label === 'negative' ? -0.5 : 0 })),
]);

const correctionSchemas = {
  primaryReason: reasonIdSchema,
  secondaryReason: reasonIdSchema.nullable(),
  overall: sentimentCorrection,
  regretted: z.boolean(),
  summary: z.string().trim().min(1, 'Write the summary').max(4000),
} as const;

/** Checks a correction's value for its field; answers are named `answer:<seq>` and must exist. */
export function parseCorrection(analysis: Analysis, field: CorrectionField, value: unknown): unknown {
  const schema = field.startsWith('answer:') ? sentimentCorrection : correctionSchemas[field as keyof typeof correctionSchemas];
  if (field.startsWith('answer:') && !analysis.answers.some((answer) => `answer:${answer.seq}` === field)) {
    throw new ApiError('invalid_input', `This interview has no answer ${field.slice(7)} to correct`, 'field');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('invalid_input', `${field}: ${parsed.error.issues[0]?.message ?? 'not a valid value'}`, 'value');
  return parsed.data;
}

export function saveAnalysis(db: Database, analysis: Analysis): void {
  db.prepare(
    `INSERT INTO exit_analyses (interview_id, method, model, template_id, template_version, options_json, result_json, created_at)
     VALUES (@id, @method, @model, @templateId, @templateVersion, @options, @result, @at)
     ON CONFLICT (interview_id) DO UPDATE SET method = excluded.method, model = excluded.model, template_id = excluded.template_id,
       template_version = excluded.template_version, options_json = excluded.options_json, result_json = excluded.result_json, created_at = excluded.created_at`,
  ).run({
    id: analysis.interviewId,
    method: analysis.method,
    model: analysis.model,
    templateId: analysis.template.id,
    templateVersion: analysis.template.version,
    options: JSON.stringify(analysis.options),
    result: JSON.stringify(analysis),
    at: Date.parse(analysis.createdAt),
  });
}

export function saveCorrection(db: Database, interviewId: string, field: CorrectionField, value: unknown, note: string | null, now: number): void {
  db.prepare(
    `INSERT INTO exit_corrections (interview_id, field, value_json, note, corrected_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (interview_id, field) DO UPDATE SET value_json = excluded.value_json, note = excluded.note, corrected_at = excluded.corrected_at`,
  ).run(interviewId, field, JSON.stringify(value), note, now);
}

export function clearCorrection(db: Database, interviewId: string, field: CorrectionField): void {
  db.prepare('DELETE FROM exit_corrections WHERE interview_id = ? AND field = ?').run(interviewId, field);
}

type Label<T> = { value: T; suggested: T; method: 'llm' | 'lexicon'; correctedAt: string | null; note: string | null };

const corrected = <T>(label: Label<T>, row: CorrectionRow | undefined): Label<T> =>
  row === undefined ? label : { ...label, value: JSON.parse(row.value_json) as T, correctedAt: new Date(row.corrected_at).toISOString(), note: row.note };

/** Applies the analyst's corrections over the suggested labels. */
export function withCorrections(analysis: Analysis, rows: readonly CorrectionRow[]): Analysis {
  const byField = new Map(rows.map((row) => [row.field, row]));
  return {
    ...analysis,
    primaryReason: corrected(analysis.primaryReason, byField.get('primaryReason')),
    secondaryReason: corrected(analysis.secondaryReason, byField.get('secondaryReason')),
    overall: corrected(analysis.overall, byField.get('overall')),
    regretted: corrected(analysis.regretted, byField.get('regretted')),
    summary: corrected(analysis.summary, byField.get('summary')),
    answers: analysis.answers.map((answer) => ({ seq: answer.seq, sentiment: corrected(answer.sentiment, byField.get(`answer:${answer.seq}`)) })),
  };
}

/** The analysis of an interview as it counts (corrections applied), or null when none was made. */
export function readAnalysis(db: Database, interviewId: string): Analysis | null {
  const row = db.prepare('SELECT result_json FROM exit_analyses WHERE interview_id = ?').get(interviewId) as { result_json: string } | undefined;
  if (row === undefined) return null;
  const corrections = db.prepare('SELECT field, value_json, note, corrected_at FROM exit_corrections WHERE interview_id = ?').all(interviewId) as CorrectionRow[];
  return withCorrections(analysisSchema.parse(JSON.parse(row.result_json)), corrections);
}
