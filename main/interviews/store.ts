import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import type { ExitSetup, InterviewStatus, ReasonId, Turn, TurnKind, TurnSource } from './schema';

/** The SQL of exit interviews. Every write is one statement or one transaction: a kill loses nothing committed. */

export interface InterviewRow {
  id: string;
  status: InterviewStatus;
  employee_name: string | null;
  employee_ref: string | null;
  anonymous: 0 | 1;
  department: string | null;
  role: string | null;
  tenure_months: number | null;
  manager: string | null;
  voluntary: 0 | 1;
  leaving_date: string | null;
  guide_version: string;
  model: string | null;
  draft: string;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  updated_at: number;
}

interface TurnRow {
  seq: number;
  role: Turn['role'];
  kind: TurnKind;
  area: ReasonId | null;
  text: string;
  source: TurnSource;
  model: string | null;
  template_id: string | null;
  template_version: string | null;
  typing_ms: number | null;
  revisions: number | null;
  created_at: number;
}

export interface NewTurn {
  role: Turn['role'];
  kind: TurnKind;
  area: ReasonId | null;
  text: string;
  source: TurnSource;
  model?: string | null;
  template?: { id: string; version: string } | null;
  llmCallId?: number | null;
  typingMs?: number | null;
  revisions?: number | null;
}

export const setupOf = (row: InterviewRow): ExitSetup => ({
  employeeName: row.employee_name,
  employeeRef: row.employee_ref,
  anonymous: row.anonymous === 1,
  department: row.department,
  role: row.role,
  tenureMonths: row.tenure_months,
  manager: row.manager,
  voluntary: row.voluntary === 1,
  leavingDate: row.leaving_date,
});

const toTurn = (row: TurnRow): Turn => ({
  seq: row.seq,
  role: row.role,
  kind: row.kind,
  area: row.area,
  text: row.text,
  source: row.source,
  model: row.model,
  template: row.template_id === null ? null : { id: row.template_id, version: row.template_version ?? '' },
  at: new Date(row.created_at).toISOString(),
  typingMs: row.typing_ms,
  revisions: row.revisions,
});

export class InterviewStore {
  constructor(readonly db: Database) {}

  insert(id: string, setup: ExitSetup, guideVersion: string, model: string | null, now: number): void {
    // An anonymous interview keeps no name or id, whatever was typed at set-up.
    const name = setup.anonymous ? null : setup.employeeName;
    const ref = setup.anonymous ? null : setup.employeeRef;
    this.db
      .prepare(
        `INSERT INTO exit_interviews (id, status, employee_name, employee_ref, anonymous, department, role, tenure_months, manager, voluntary,
           leaving_date, guide_version, model, created_at, updated_at)
         VALUES (?, 'ready', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, name, ref, setup.anonymous ? 1 : 0, setup.department, setup.role, setup.tenureMonths, setup.manager, setup.voluntary ? 1 : 0, setup.leavingDate, guideVersion, model, now, now);
  }

  find(id: string): InterviewRow | undefined {
    return this.db.prepare('SELECT * FROM exit_interviews WHERE id = ?').get(id) as InterviewRow | undefined;
  }

  get(id: string): InterviewRow {
    const row = this.find(id);
    if (row === undefined) throw new ApiError('not_found', `No exit interview ${id}`, 'id');
    return row;
  }

  list(search: string | undefined, status: InterviewStatus | undefined, offset: number, limit: number): { total: number; rows: InterviewRow[] } {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (status !== undefined) {
      where.push('status = @status');
      params.status = status;
    }
    const term = search?.trim() ?? '';
    if (term !== '') {
      where.push(`(instr(lower(coalesce(employee_name, '') || ' ' || coalesce(employee_ref, '') || ' ' || coalesce(department, '') || ' ' || coalesce(role, '') || ' ' || coalesce(manager, '') || ' ' || id), lower(@term)) > 0)`);
      params.term = term;
    }
    const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT count(*) AS n FROM exit_interviews ${clause}`).get(params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM exit_interviews ${clause} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`).all(params) as InterviewRow[];
    return { total, rows };
  }

  turns(id: string): Turn[] {
    return (this.db.prepare('SELECT * FROM exit_turns WHERE interview_id = ? ORDER BY seq').all(id) as TurnRow[]).map(toTurn);
  }

  answerCount(id: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM exit_turns WHERE interview_id = ? AND role = 'employee'`).get(id) as { n: number }).n;
  }

  /** Appends turns after the last one, and sets the status, in one transaction; returns their seqs. */
  append(id: string, turns: readonly NewTurn[], changes: { status?: InterviewStatus; clearDraft?: boolean; ended?: boolean }, now: number): number[] {
    const next = this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM exit_turns WHERE interview_id = ?');
    const insert = this.db.prepare(
      `INSERT INTO exit_turns (interview_id, seq, role, kind, area, text, source, model, template_id, template_version, llm_call_id, typing_ms, revisions, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() => {
      const seqs: number[] = [];
      for (const turn of turns) {
        const seq = (next.get(id) as { seq: number }).seq;
        insert.run(id, seq, turn.role, turn.kind, turn.area, turn.text, turn.source, turn.model ?? null, turn.template?.id ?? null, turn.template?.version ?? null,
          turn.llmCallId ?? null, turn.typingMs ?? null, turn.revisions ?? null, now);
        seqs.push(seq);
      }
      this.update(id, changes, now);
      return seqs;
    })();
  }

  update(id: string, changes: { status?: InterviewStatus; clearDraft?: boolean; ended?: boolean; started?: boolean }, now: number): void {
    this.db
      .prepare(
        `UPDATE exit_interviews SET
           status = coalesce(@status, status),
           draft = CASE WHEN @clearDraft = 1 THEN '' ELSE draft END,
           started_at = CASE WHEN @started = 1 AND started_at IS NULL THEN @now ELSE started_at END,
           ended_at = CASE WHEN @ended = 1 THEN @now ELSE ended_at END,
           updated_at = @now
         WHERE id = @id`,
      )
      .run({ id, now, status: changes.status ?? null, clearDraft: changes.clearDraft === true ? 1 : 0, started: changes.started === true ? 1 : 0, ended: changes.ended === true ? 1 : 0 });
  }

  saveDraft(id: string, text: string, now: number): void {
    this.db.prepare('UPDATE exit_interviews SET draft = ?, updated_at = ? WHERE id = ?').run(text, now, id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM exit_interviews WHERE id = ?').run(id).changes > 0;
  }

  /** Finished interviews whose end falls in [fromMs, toMs), with their stored analysis when there is one. */
  finishedBetween(fromMs: number, toMs: number): Array<InterviewRow & { result_json: string | null; method: string | null }> {
    return this.db
      .prepare(
        `SELECT i.*, a.result_json, a.method FROM exit_interviews i LEFT JOIN exit_analyses a ON a.interview_id = i.id
         WHERE i.status IN ('completed', 'ended') AND i.ended_at >= ? AND i.ended_at < ? ORDER BY i.ended_at`,
      )
      .all(fromMs, toMs) as Array<InterviewRow & { result_json: string | null; method: string | null }>;
  }
}
