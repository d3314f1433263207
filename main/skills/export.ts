import type { Assessment } from './schema-results';
import type { SkillReportFile } from './schema';

/**
 * One person's assessments as a file: JSON (everything, evidence and reasoning included) or CSV
 * (one row per assessment and skill, with where each score came from). Text cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe.
 */

const columns = [
  'assessment_id', 'taken_at', 'created_at', 'source', 'person_id', 'person_name', 'skill', 'inferred', 'confidence', 'analyst_rating', 'analyst_note', 'score',
  'score_source', 'model_version', 'model_checksum', 'model_source', 'weights_version', 'prompt_id', 'prompt_version', 'reasoning_method', 'reasoning',
] as const;

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function assessmentsCsv(assessments: readonly Assessment[]): string {
  const lines = [columns.join(',')];
  for (const assessment of assessments) {
    for (const result of assessment.results) {
      const model = result.provenance.model;
      const row: Record<(typeof columns)[number], string | number | null> = {
        assessment_id: assessment.id,
        taken_at: assessment.takenAt,
        created_at: assessment.createdAt,
        source: assessment.source,
        person_id: assessment.person.id,
        person_name: assessment.person.name,
        skill: result.skill,
        inferred: result.inferred,
        confidence: result.confidence.value,
        analyst_rating: result.rating?.value ?? null,
        analyst_note: result.rating?.note ?? null,
        score: result.score,
        score_source: result.scoreSource,
        model_version: model?.version ?? null,
        model_checksum: model?.checksum ?? null,
        model_source: model?.source ?? null,
        weights_version: result.provenance.weightsVersion,
        prompt_id: result.provenance.prompt.id,
        prompt_version: result.provenance.prompt.version,
        reasoning_method: result.reasoning.method,
        reasoning: result.reasoning.text,
      };
      lines.push(columns.map((name) => cell(row[name])).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

const safeName = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'person';

export function exportAssessments(personId: string, assessments: readonly Assessment[], format: 'csv' | 'json'): SkillReportFile {
  const base = `skills-${safeName(personId)}`;
  return format === 'csv'
    ? { fileName: `${base}.csv`, mime: 'text/csv;charset=utf-8', encoding: 'utf8', content: assessmentsCsv(assessments) }
    : { fileName: `${base}.json`, mime: 'application/json', encoding: 'utf8', content: `${JSON.stringify({ personId, assessments }, null, 2)}\n` };
}
