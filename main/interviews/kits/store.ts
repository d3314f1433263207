import type { Database } from 'better-sqlite3';
import { ApiError } from '../../api/errors';
import type { FoundGap } from './gaps/heuristic';
import { gapAnalysisSchema, type Gap, type GapAnalysis, type KitDocument, type KitLanguage, type KitStatus, type KitSummary } from './schema';

/** The SQL of kits and their gaps. Each write is one statement or one transaction. */

export interface KitRow {
  id: string;
  title: string;
  language: KitLanguage;
  status: KitStatus;
  cv_name: string;
  cv_kind: KitDocument['kind'];
  cv_text: string;
  jd_name: string;
  jd_kind: KitDocument['kind'];
  jd_text: string;
  analysis_json: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
}

/** A row for lists: no documents, with its counts. */
export type KitListRow = Omit<KitRow, 'cv_text' | 'jd_text' | 'analysis_json'> & { gaps: number; done: number; rated: number };

interface GapRow {
  seq: number;
  skill: string;
  priority: Gap['priority'];
  requirement_quote: string;
  evidence: Gap['evidence'];
  evidence_quote: string | null;
  rationale: string;
}

const listColumns = `k.id, k.title, k.language, k.status, k.cv_name, k.cv_kind, k.jd_name, k.jd_kind, k.error, k.created_at, k.updated_at,
  (SELECT count(*) FROM kit_gaps g WHERE g.kit_id = k.id) AS gaps,
  (SELECT count(*) FROM kit_questions q WHERE q.kit_id = k.id AND q.status = 'done') AS done,
  (SELECT count(*) FROM kit_questions q WHERE q.kit_id = k.id AND q.rating IS NOT NULL) AS rated`;

export const dayMs = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** A kit as lists show it; it expires `expiryDays` after its last change. */
export function summaryOf(row: KitListRow, active: boolean, expiryDays: number): KitSummary {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    status: row.status,
    active,
    gaps: row.gaps,
    questionsDone: row.done,
    rated: row.rated,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    expiresAt: iso(row.updated_at + expiryDays * dayMs),
  };
}

export const analysisOf = (row: Pick<KitRow, 'analysis_json'>): GapAnalysis | null =>
  row.analysis_json === null ? null : gapAnalysisSchema.parse(JSON.parse(row.analysis_json));

export class KitStore {
  constructor(readonly db: Database) {}

  insert(id: string, title: string, language: KitLanguage, cv: KitDocument, jd: KitDocument, now: number): void {
    this.db
      .prepare(
        `INSERT INTO kits (id, title, language, status, cv_name, cv_kind, cv_text, jd_name, jd_kind, jd_text, created_at, updated_at)
         VALUES (?, ?, ?, 'created', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, title, language, cv.name, cv.kind, cv.text, jd.name, jd.kind, jd.text, now, now);
  }

  find(id: string): KitRow | undefined {
    return this.db.prepare('SELECT * FROM kits WHERE id = ?').get(id) as KitRow | undefined;
  }

  get(id: string): KitRow {
    const row = this.find(id);
    if (row === undefined) throw new ApiError('not_found', `No interview kit ${id}`, 'id');
    return row;
  }

  listRow(id: string): KitListRow {
    const row = this.db.prepare(`SELECT ${listColumns} FROM kits k WHERE k.id = ?`).get(id) as KitListRow | undefined;
    if (row === undefined) throw new ApiError('not_found', `No interview kit ${id}`, 'id');
    return row;
  }

  list(search: string | undefined, offset: number, limit: number): { total: number; rows: KitListRow[] } {
    const term = search?.trim() ?? '';
    const where = term === '' ? '' : `WHERE instr(lower(k.title || ' ' || k.cv_name || ' ' || k.jd_name || ' ' || k.id), lower(@term)) > 0`;
    const params = term === '' ? {} : { term };
    const total = (this.db.prepare(`SELECT count(*) AS n FROM kits k ${where}`).get(params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT ${listColumns} FROM kits k ${where} ORDER BY k.updated_at DESC, k.id LIMIT ${limit} OFFSET ${offset}`).all(params) as KitListRow[];
    return { total, rows };
  }

  setStatus(id: string, status: KitStatus, now: number, error: string | null = null): void {
    this.db.prepare('UPDATE kits SET status = ?, error = ?, updated_at = ? WHERE id = ?').run(status, error, now, id);
  }

  touch(id: string, now: number): void {
    this.db.prepare('UPDATE kits SET updated_at = ? WHERE id = ?').run(now, id);
  }

  /** The gaps and a pending question for each, replacing earlier ones, in one transaction. */
  saveGaps(id: string, gaps: readonly FoundGap[], analysis: GapAnalysis, now: number): void {
    const insertGap = this.db.prepare(
      `INSERT INTO kit_gaps (kit_id, seq, skill, priority, requirement_quote, evidence, evidence_quote, rationale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertQuestion = this.db.prepare(`INSERT INTO kit_questions (kit_id, seq, status, updated_at) VALUES (?, ?, 'pending', ?)`);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM kit_gaps WHERE kit_id = ?').run(id);
      gaps.forEach((gap, index) => {
        insertGap.run(id, index + 1, gap.skill, gap.priority, gap.requirementQuote, gap.evidence, gap.evidenceQuote, gap.rationale);
        insertQuestion.run(id, index + 1, now);
      });
      this.db.prepare(`UPDATE kits SET analysis_json = ?, status = 'gaps-found', error = NULL, updated_at = ? WHERE id = ?`).run(JSON.stringify(analysis), now, id);
    })();
  }

  gaps(id: string): Gap[] {
    return (this.db.prepare('SELECT * FROM kit_gaps WHERE kit_id = ? ORDER BY seq').all(id) as GapRow[]).map((row) => ({
      seq: row.seq,
      skill: row.skill,
      priority: row.priority,
      requirementQuote: row.requirement_quote,
      evidence: row.evidence,
      evidenceQuote: row.evidence_quote,
      rationale: row.rationale,
    }));
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM kits WHERE id = ?').run(id).changes > 0;
  }

  /** Kits untouched since before `cutoff`, by the index on updated_at. */
  untouchedSince(cutoff: number): string[] {
    return this.db.prepare('SELECT id FROM kits WHERE updated_at < ?').pluck().all(cutoff) as string[];
  }
}
