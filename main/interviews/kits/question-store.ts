import type { Database } from 'better-sqlite3';
import { ApiError } from '../../api/errors';
import type { WrittenQuestion } from './questions/write';
import { questionContentSchema, qualitySchema, type Draft, type KitLanguage, type KitQuestion, type QuestionSource, type QuestionStatus } from './schema';

/** The SQL of a kit's questions: their drafts (never changed once written) and the interviewer's ratings. */

interface QuestionRow {
  seq: number;
  skill: string;
  priority: KitQuestion['priority'];
  status: QuestionStatus;
  source: QuestionSource | null;
  content_json: string | null;
  quality_json: string | null;
  refinements: number;
  notice: string | null;
  model: string | null;
  template_id: string | null;
  template_version: string | null;
  options_json: string;
  rating: number | null;
  notes: string;
  rated_by: string | null;
  rated_at: number | null;
  notes_at: number | null;
}

interface DraftRow {
  seq: number;
  attempt: number;
  kind: Draft['kind'];
  content_json: string;
  quality_json: string | null;
  model: string | null;
  template_id: string;
  template_version: string;
  options_json: string;
  created_at: number;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const qualityOf = (json: string | null) => (json === null ? null : qualitySchema.parse(JSON.parse(json)));

const toDraft = (row: DraftRow): Draft => ({
  attempt: row.attempt,
  kind: row.kind,
  content: questionContentSchema.parse(JSON.parse(row.content_json)),
  quality: qualityOf(row.quality_json),
  model: row.model,
  template: { id: row.template_id, version: row.template_version },
  options: JSON.parse(row.options_json) as Record<string, unknown>,
  at: new Date(row.created_at).toISOString(),
});

export interface RatingChange {
  rating?: number | null;
  notes?: string;
  by: string;
}

export class QuestionStore {
  constructor(private readonly db: Database) {}

  questions(kitId: string, language: KitLanguage): KitQuestion[] {
    const rows = this.db
      .prepare('SELECT q.*, g.skill, g.priority FROM kit_questions q JOIN kit_gaps g USING (kit_id, seq) WHERE q.kit_id = ? ORDER BY q.seq')
      .all(kitId) as QuestionRow[];
    const drafts = this.db.prepare('SELECT * FROM kit_drafts WHERE kit_id = ? ORDER BY seq, attempt').all(kitId) as DraftRow[];
    return rows.map((row) => ({
      seq: row.seq,
      skill: row.skill,
      priority: row.priority,
      status: row.status,
      source: row.source,
      content: row.content_json === null ? null : questionContentSchema.parse(JSON.parse(row.content_json)),
      quality: qualityOf(row.quality_json),
      refinements: row.refinements,
      language,
      notice: row.notice,
      model: row.model,
      template: row.template_id === null ? null : { id: row.template_id, version: row.template_version ?? '' },
      options: JSON.parse(row.options_json) as Record<string, unknown>,
      history: drafts.filter((draft) => draft.seq === row.seq).map(toDraft),
      rating: row.rating,
      notes: row.notes,
      ratedBy: row.rated_by,
      ratedAt: iso(row.rated_at),
      notesAt: iso(row.notes_at),
    }));
  }

  find(kitId: string, seq: number): Pick<QuestionRow, 'status' | 'rating'> | undefined {
    return this.db.prepare('SELECT status, rating FROM kit_questions WHERE kit_id = ? AND seq = ?').get(kitId, seq) as Pick<QuestionRow, 'status' | 'rating'> | undefined;
  }

  get(kitId: string, seq: number): Pick<QuestionRow, 'status' | 'rating'> {
    const row = this.find(kitId, seq);
    if (row === undefined) throw new ApiError('not_found', `The kit has no question ${seq}`, 'seq');
    return row;
  }

  /** Questions still to write: pending, or cut off while being written (a restart). */
  unfinished(kitId: string): number[] {
    return this.db.prepare(`SELECT seq FROM kit_questions WHERE kit_id = ? AND status <> 'done' ORDER BY seq`).pluck().all(kitId) as number[];
  }

  setStatus(kitId: string, seqs: readonly number[], status: QuestionStatus, now: number): void {
    const update = this.db.prepare('UPDATE kit_questions SET status = ?, updated_at = ? WHERE kit_id = ? AND seq = ?');
    this.db.transaction(() => {
      for (const seq of seqs) update.run(status, now, kitId, seq);
    })();
  }

  /** A finished question, with every draft it took, in one transaction: a crash keeps it whole or not at all. */
  saveWritten(kitId: string, seq: number, written: WrittenQuestion, now: number): void {
    const chosen = written.drafts[written.chosen];
    if (chosen === undefined) throw new Error('A written question needs at least one draft');
    const insert = this.db.prepare(
      `INSERT INTO kit_drafts (kit_id, seq, attempt, kind, content_json, quality_json, model, template_id, template_version, options_json, llm_call_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      const first = (this.db.prepare('SELECT coalesce(max(attempt), 0) + 1 FROM kit_drafts WHERE kit_id = ? AND seq = ?').pluck().get(kitId, seq) as number);
      written.drafts.forEach((draft, index) => {
        insert.run(kitId, seq, first + index, draft.kind, JSON.stringify(draft.content), draft.quality === null ? null : JSON.stringify(draft.quality), draft.model,
          draft.template.id, draft.template.version, JSON.stringify(draft.options), draft.llmCallId, now);
      });
      this.db
        .prepare(
          `UPDATE kit_questions SET status = 'done', source = ?, content_json = ?, quality_json = ?, refinements = ?, notice = ?, model = ?,
             template_id = ?, template_version = ?, options_json = ?, updated_at = ? WHERE kit_id = ? AND seq = ?`,
        )
        .run(written.source, JSON.stringify(chosen.content), chosen.quality === null ? null : JSON.stringify(chosen.quality), written.refinements, written.notice,
          chosen.model, chosen.template.id, chosen.template.version, JSON.stringify(chosen.options), now, kitId, seq);
      this.db.prepare('UPDATE kits SET updated_at = ? WHERE id = ?').run(now, kitId);
    })();
  }

  /** The interviewer's rating and notes; only what is given changes, and each keeps its own time. */
  rate(kitId: string, seq: number, change: RatingChange, now: number): void {
    this.db.transaction(() => {
      if (change.rating !== undefined) {
        this.db.prepare('UPDATE kit_questions SET rating = ?, rated_by = ?, rated_at = ?, updated_at = ? WHERE kit_id = ? AND seq = ?').run(change.rating, change.by, now, now, kitId, seq);
      }
      if (change.notes !== undefined) {
        this.db.prepare('UPDATE kit_questions SET notes = ?, rated_by = ?, notes_at = ?, updated_at = ? WHERE kit_id = ? AND seq = ?').run(change.notes, change.by, now, now, kitId, seq);
      }
      this.db.prepare('UPDATE kits SET updated_at = ? WHERE id = ?').run(now, kitId);
    })();
  }
}
