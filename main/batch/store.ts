import type { Database, Statement } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { isOwnerGone } from './owner';
import type { BatchKind, BatchStatus, ItemCounts } from './schema';

export interface NewBatch {
  kind: BatchKind;
  endpoint: string;
  sourceName: string;
  sourceSha256: string | null;
  inputFileId?: string | null;
  model?: string | null;
  templateId?: string | null;
  templateVersion?: string | null;
  priority?: number;
  completionWindow?: string;
  metadata?: Record<string, string> | null;
}

export interface NewItem {
  customId: string;
  sourceLine: number;
  request: unknown;
}

export interface ClaimedItem {
  batchId: string;
  seq: number;
  customId: string;
  request: unknown;
  attempts: number;
}

export interface ItemResult {
  response: unknown;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
}

export const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;

/**
 * All of the queue's SQL. Claims run in IMMEDIATE transactions, so two processes sharing the data
 * folder (the app and the CLI) never claim the same item; results are written only by the lease
 * holder over a `running` item, so a late or duplicate answer is dropped, not stored twice.
 */
export class BatchStore {
  private readonly statements: Record<string, Statement>;

  constructor(readonly db: Database) {
    // The planner, without statistics, prefers the primary key (batch_id, seq) and walks every item
    // of a 170,000-item batch to find the few running or pending ones; the state index finds them directly.
    this.statements = {
      insertItem: db.prepare(`INSERT INTO batch_items (batch_id, seq, custom_id, source_line, request_json) VALUES (?, ?, ?, ?, ?)`),
      runningOwners: db.prepare(`SELECT DISTINCT lease_owner FROM batch_items INDEXED BY batch_items_by_state WHERE batch_id = ? AND state = 'running'`),
      // A holder that died mid-item is not the item's fault: its attempt is given back.
      release: db.prepare(`UPDATE batch_items INDEXED BY batch_items_by_state SET state = 'pending', lease_owner = NULL, lease_until = NULL, attempts = MAX(0, attempts - 1)
        WHERE batch_id = ? AND state = 'running' AND (lease_owner = ? OR lease_until < ?)`),
      pendingSeqs: db.prepare(`SELECT seq FROM batch_items INDEXED BY batch_items_by_state WHERE batch_id = ? AND state = 'pending' AND not_before <= ? ORDER BY seq LIMIT ?`),
      claimOne: db.prepare(`UPDATE batch_items SET state = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1
        WHERE batch_id = ? AND seq = ? AND state = 'pending' RETURNING seq, custom_id, request_json, attempts`),
      renew: db.prepare(`UPDATE batch_items SET lease_until = ? WHERE lease_owner = ? AND state = 'running'`),
      complete: db.prepare(`UPDATE batch_items SET state = 'done', response_json = ?, tokens_in = ?, tokens_out = ?, latency_ms = ?,
        finished_at = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL, error_kind = NULL
        WHERE batch_id = ? AND seq = ? AND state = 'running' AND lease_owner = ?`),
      retryLater: db.prepare(`UPDATE batch_items SET state = 'pending', lease_owner = NULL, lease_until = NULL, not_before = ?,
        last_error = ?, error_kind = ?, attempts = attempts - ? WHERE batch_id = ? AND seq = ? AND state = 'running' AND lease_owner = ?`),
      deadLetter: db.prepare(`UPDATE batch_items SET state = 'failed', lease_owner = NULL, lease_until = NULL, last_error = ?, error_kind = ?,
        finished_at = ? WHERE batch_id = ? AND seq = ? AND state = 'running' AND lease_owner = ?`),
      counts: db.prepare(`SELECT state, COUNT(*) AS n FROM batch_items WHERE batch_id = ? GROUP BY state`),
      addEvent: db.prepare(`INSERT INTO batch_events (batch_id, at, kind, detail) VALUES (?, ?, ?, ?)`),
    };
  }

  createBatch(batch: NewBatch, now: number): string {
    const id = newId('batch');
    this.db
      .prepare(
        `INSERT INTO batches (id, kind, status, priority, endpoint, input_file_id, source_name, source_sha256, model, template_id,
          template_version, completion_window, metadata_json, created_at, expires_at)
         VALUES (?, ?, 'validating', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id, batch.kind, batch.priority ?? 0, batch.endpoint, batch.inputFileId ?? null, batch.sourceName, batch.sourceSha256,
        batch.model ?? null, batch.templateId ?? null, batch.templateVersion ?? null, batch.completionWindow ?? '24h',
        batch.metadata ? JSON.stringify(batch.metadata) : null, now, now + 24 * 3_600_000,
      );
    return id;
  }

  /** Appends items in one transaction; seq continues from what the batch already holds. */
  insertItems(batchId: string, items: readonly NewItem[], firstSeq: number): void {
    const insert = this.statements.insertItem!;
    this.db.transaction(() => {
      items.forEach((item, index) => insert.run(batchId, firstSeq + index, item.customId, item.sourceLine, JSON.stringify(item.request)));
    })();
  }

  setStatus(batchId: string, status: BatchStatus, now: number, extra: Record<string, unknown> = {}): void {
    const stampColumn: Partial<Record<BatchStatus, string>> = {
      in_progress: 'in_progress_at',
      paused: 'paused_at',
      finalizing: 'finalizing_at',
      completed: 'completed_at',
      failed: 'failed_at',
      cancelling: 'cancelling_at',
      cancelled: 'cancelled_at',
    };
    const sets = ['status = @status', ...Object.keys(extra).map((key) => `${key} = @${key}`)];
    const column = stampColumn[status];
    // The first time counts: a resumed or retried batch keeps when it first started.
    if (column) sets.push(`${column} = COALESCE(${column}, @now)`);
    this.db.prepare(`UPDATE batches SET ${sets.join(', ')} WHERE id = @id`).run({ ...extra, status, now, id: batchId });
  }

  /**
   * Claims up to `limit` pending items, first taking back items whose holder is gone or whose
   * lease ran out. One IMMEDIATE transaction: no other process claims between the read and the write.
   */
  claim(batchId: string, owner: string, limit: number, leaseMs: number, now: number): ClaimedItem[] {
    return this.db
      .transaction(() => {
        const owners = (this.statements.runningOwners!.all(batchId) as Array<{ lease_owner: string | null }>).map((row) => row.lease_owner);
        for (const holder of owners) {
          if (holder === null || isOwnerGone(holder)) this.statements.release!.run(batchId, holder, now);
        }
        this.statements.release!.run(batchId, '\u0000none', now); // leases that ran out, whoever held them
        const seqs = (this.statements.pendingSeqs!.all(batchId, now, limit) as Array<{ seq: number }>).map((row) => row.seq);
        const claimed: ClaimedItem[] = [];
        for (const seq of seqs) {
          const row = this.statements.claimOne!.get(owner, now + leaseMs, batchId, seq) as
            | { seq: number; custom_id: string; request_json: string; attempts: number }
            | undefined;
          if (row) claimed.push({ batchId, seq: row.seq, customId: row.custom_id, request: JSON.parse(row.request_json), attempts: row.attempts });
        }
        return claimed;
      })
      .immediate();
  }

  renewLeases(owner: string, until: number): void {
    this.statements.renew!.run(until, owner);
  }

  complete(item: ClaimedItem, owner: string, result: ItemResult, now: number): boolean {
    const info = this.statements.complete!.run(
      JSON.stringify(result.response), result.tokensIn, result.tokensOut, result.latencyMs, now, item.batchId, item.seq, owner,
    );
    return info.changes === 1;
  }

  /** Back to pending after `notBefore`; `refundAttempt` when the failure was not the item's fault (out of memory). */
  retryLater(item: ClaimedItem, owner: string, error: string, kind: string, notBefore: number, refundAttempt = false): boolean {
    return this.statements.retryLater!.run(notBefore, error, kind, refundAttempt ? 1 : 0, item.batchId, item.seq, owner).changes === 1;
  }

  deadLetter(item: ClaimedItem, owner: string, error: string, kind: string, now: number): boolean {
    return this.statements.deadLetter!.run(error, kind, now, item.batchId, item.seq, owner).changes === 1;
  }

  counts(batchId: string): ItemCounts {
    const counts: ItemCounts = { total: 0, pending: 0, running: 0, done: 0, failed: 0 };
    for (const row of this.statements.counts!.all(batchId) as Array<{ state: keyof ItemCounts; n: number }>) {
      counts[row.state] = row.n;
      counts.total += row.n;
    }
    return counts;
  }

  addEvent(batchId: string, kind: string, detail: string | null, now: number): void {
    this.statements.addEvent!.run(batchId, now, kind, detail);
  }

  /** Failed items go back to the queue with a fresh attempt budget. */
  retryFailed(batchId: string): number {
    return this.db
      .prepare(`UPDATE batch_items SET state = 'pending', attempts = 0, not_before = 0, last_error = NULL, error_kind = NULL, finished_at = NULL
        WHERE batch_id = ? AND state = 'failed'`)
      .run(batchId).changes;
  }
}
