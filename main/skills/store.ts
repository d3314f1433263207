import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { skillIds, skillTitles, type FeatureSet, type SkillId } from './schema';
import type { Assessment, AssessmentSummary, SkillResult } from './schema-results';
import { transcriptChecksum, type NewTranscript, type StoredTranscript } from './sources';

/** The SQL of skills: transcripts, assessments with their per-skill results, and the analyst's ratings. */

export type StoredResult = Omit<SkillResult, 'rating' | 'score' | 'scoreSource'>;

export interface NewAssessment {
  transcript: StoredTranscript;
  features: FeatureSet;
  weightsVersion: number;
  reasoning: { method: 'llm' | 'template'; model: string | null; template: { id: string; version: string }; options: Record<string, unknown> };
  fit: Assessment['reasoningFit'];
  results: StoredResult[];
  jobId: string | null;
  now: number;
}

interface TranscriptRow {
  id: string;
  source: StoredTranscript['source'];
  interview_id: string | null;
  person_id: string;
  person_name: string | null;
  taken_at: string;
  title: string | null;
  turns_json: string;
}

interface AssessmentRow {
  id: string;
  transcript_id: string;
  person_id: string;
  taken_at: string;
  features_json: string;
  fit_json: string | null;
  created_at: number;
  source: StoredTranscript['source'];
  interview_id: string | null;
  person_name: string | null;
}

interface ResultRow {
  skill: SkillId;
  result_json: string;
  rating: number | null;
  rating_note: string | null;
  rated_by: string | null;
  rated_at: number | null;
}

const bySkillOrder = (a: { skill: SkillId }, b: { skill: SkillId }): number => skillIds.indexOf(a.skill) - skillIds.indexOf(b.skill);

/** A stored result with the analyst's rating over it: the rating, when given, is the score that counts. */
function resultOf(row: ResultRow): SkillResult {
  const stored = JSON.parse(row.result_json) as StoredResult;
  const rating = row.rating === null ? null : { value: row.rating, note: row.rating_note, by: row.rated_by, at: new Date(row.rated_at ?? 0).toISOString() };
  return { ...stored, rating, score: rating?.value ?? stored.inferred, scoreSource: rating === null ? 'inferred' : 'analyst' };
}

const assessmentColumns = `a.id, a.transcript_id, a.person_id, a.taken_at, a.features_json, a.fit_json, a.created_at, t.source, t.interview_id, t.person_name`;

export class SkillStore {
  constructor(readonly db: Database) {}

  /** Stores a transcript unless the same one is already there; either way returns its id. */
  saveTranscript(transcript: NewTranscript, now: number): StoredTranscript {
    const checksum = transcriptChecksum(transcript);
    const existing = this.db.prepare('SELECT id FROM skill_transcripts WHERE sha256 = ?').get(checksum) as { id: string } | undefined;
    if (existing !== undefined) return this.transcript(existing.id);
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO skill_transcripts (id, source, interview_id, person_id, person_name, taken_at, title, turns_json, sha256, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, transcript.source, transcript.interviewId, transcript.personId, transcript.personName, transcript.takenAt, transcript.title, JSON.stringify(transcript.turns), checksum, now);
    return { id, ...transcript };
  }

  transcript(id: string): StoredTranscript {
    const row = this.db.prepare('SELECT * FROM skill_transcripts WHERE id = ?').get(id) as TranscriptRow | undefined;
    if (row === undefined) throw new ApiError('not_found', `No stored transcript ${id}`, 'transcriptId');
    return { id: row.id, source: row.source, interviewId: row.interview_id, personId: row.person_id, personName: row.person_name, takenAt: row.taken_at, title: row.title, turns: JSON.parse(row.turns_json) as StoredTranscript['turns'] };
  }

  insertAssessment(input: NewAssessment): string {
    const id = randomUUID();
    const insertResult = this.db.prepare(
      `INSERT INTO skill_results (assessment_id, skill, inferred, confidence, model_id, model_version, model_checksum, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO skill_assessments (id, transcript_id, person_id, taken_at, features_json, weights_version, reasoning_method, reasoning_model, prompt_id, prompt_version,
             options_json, fit_json, job_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.transcript.id, input.transcript.personId, input.transcript.takenAt, JSON.stringify(input.features), input.weightsVersion, input.reasoning.method,
          input.reasoning.model, input.reasoning.template.id, input.reasoning.template.version, JSON.stringify(input.reasoning.options),
          input.fit === null ? null : JSON.stringify(input.fit), input.jobId, input.now);
      for (const result of input.results) {
        const model = result.provenance.model;
        insertResult.run(id, result.skill, result.inferred, result.confidence.value, model?.id ?? null, model?.version ?? null, model?.checksum ?? null, JSON.stringify(result));
      }
    })();
    return id;
  }

  assessment(id: string): Assessment {
    const row = this.db.prepare(`SELECT ${assessmentColumns} FROM skill_assessments a JOIN skill_transcripts t ON t.id = a.transcript_id WHERE a.id = ?`).get(id) as AssessmentRow | undefined;
    if (row === undefined) throw new ApiError('not_found', `No skills assessment ${id}`, 'id');
    const features = JSON.parse(row.features_json) as FeatureSet;
    const results = (this.db.prepare('SELECT skill, result_json, rating, rating_note, rated_by, rated_at FROM skill_results WHERE assessment_id = ?').all(id) as ResultRow[]).map(resultOf).sort(bySkillOrder);
    return {
      id: row.id,
      transcriptId: row.transcript_id,
      source: row.source,
      interviewId: row.interview_id,
      person: { id: row.person_id, name: row.person_name },
      takenAt: row.taken_at,
      createdAt: new Date(row.created_at).toISOString(),
      answers: features.answers,
      words: features.words,
      features: features.features,
      results,
      reasoningFit: row.fit_json === null ? null : (JSON.parse(row.fit_json) as Assessment['reasoningFit']),
    };
  }

  /** A person's assessments over time, oldest first, optionally within a period of taken-at dates. */
  assessmentsOf(personId: string, from?: string, to?: string): AssessmentSummary[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.person_id, a.taken_at, a.created_at, t.source, t.person_name FROM skill_assessments a JOIN skill_transcripts t ON t.id = a.transcript_id
         WHERE a.person_id = @personId AND a.taken_at >= @from AND a.taken_at <= @to ORDER BY a.taken_at, a.created_at`,
      )
      .all({ personId, from: from ?? '0000-00-00', to: to ?? '9999-99-99' }) as Array<{ id: string; person_id: string; taken_at: string; created_at: number; source: StoredTranscript['source']; person_name: string | null }>;
    const results = this.db.prepare('SELECT skill, result_json, rating, rating_note, rated_by, rated_at FROM skill_results WHERE assessment_id = ?');
    return rows.map((row) => ({
      id: row.id,
      person: { id: row.person_id, name: row.person_name },
      takenAt: row.taken_at,
      createdAt: new Date(row.created_at).toISOString(),
      source: row.source,
      skills: (results.all(row.id) as ResultRow[]).map(resultOf).sort(bySkillOrder).map((result) => ({ skill: result.skill, inferred: result.inferred, confidence: result.confidence.value, rating: result.rating?.value ?? null, score: result.score })),
    }));
  }

  /** People with assessments, most recently assessed first, searched in id and name. */
  people(search: string | undefined, limit: number): Array<{ id: string; name: string | null; assessments: number; lastTakenAt: string }> {
    const term = search?.trim() ?? '';
    return this.db
      .prepare(
        `SELECT a.person_id AS id, max(t.person_name) AS name, count(*) AS assessments, max(a.taken_at) AS lastTakenAt
         FROM skill_assessments a JOIN skill_transcripts t ON t.id = a.transcript_id
         WHERE @term = '' OR instr(lower(a.person_id || ' ' || coalesce(t.person_name, '')), lower(@term)) > 0
         GROUP BY a.person_id ORDER BY lastTakenAt DESC, id LIMIT ${limit}`,
      )
      .all({ term }) as Array<{ id: string; name: string | null; assessments: number; lastTakenAt: string }>;
  }

  /** Sets or clears (rating null) the analyst's rating of one skill; the inferred score stays as it was. */
  rate(assessmentId: string, skill: SkillId, rating: number | null, note: string | null, by: string | null, now: number): SkillResult {
    this.assessment(assessmentId);
    const changed = this.db
      .prepare('UPDATE skill_results SET rating = ?, rating_note = ?, rated_by = ?, rated_at = ? WHERE assessment_id = ? AND skill = ?')
      .run(rating, rating === null ? null : note, rating === null ? null : by, rating === null ? null : now, assessmentId, skill).changes;
    if (changed === 0) throw new ApiError('not_found', `This assessment has no ${skillTitles[skill]} result`, 'skill');
    return resultOf(this.db.prepare('SELECT skill, result_json, rating, rating_note, rated_by, rated_at FROM skill_results WHERE assessment_id = ? AND skill = ?').get(assessmentId, skill) as ResultRow);
  }

  deleteAssessment(id: string): boolean {
    return this.db.prepare('DELETE FROM skill_assessments WHERE id = ?').run(id).changes > 0;
  }
}
