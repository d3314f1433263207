import type { Database } from 'better-sqlite3';
import type { BatchRow } from './objects';
import { OpenAiError } from './errors';

/**
 * The reads OpenAI's lists need. Pages are keyed on (created_at, id), newest first, so two
 * rows created in the same millisecond (a batch's output and error files) are neither skipped
 * nor repeated at a page boundary.
 */

const batchColumns = `id, status, endpoint, input_file_id, completion_window, metadata_json, problems_json, created_at,
  in_progress_at, finalizing_at, completed_at, failed_at, cancelling_at, cancelled_at, expires_at`;

export function batchRow(db: Database, id: string): BatchRow {
  const row = db.prepare(`SELECT ${batchColumns} FROM batches WHERE id = ?`).get(id) as BatchRow | undefined;
  if (!row) throw new OpenAiError(404, `No batch found with id '${id}'.`, null, 'batch_not_found');
  return row;
}

function cursorOf(db: Database, table: 'batches' | 'batch_files', after: string | undefined): { created: number; id: string } | null {
  if (after === undefined) return null;
  const created = db.prepare(`SELECT created_at FROM ${table} WHERE id = ?`).pluck().get(after) as number | undefined;
  if (created === undefined) throw new OpenAiError(400, `after: no ${table === 'batches' ? 'batch' : 'file'} '${after}' to list after.`, 'after');
  return { created, id: after };
}

/** Up to `limit` batches older than `after`, and whether more follow. */
export function batchPage(db: Database, limit: number, after: string | undefined): { rows: BatchRow[]; hasMore: boolean } {
  const cursor = cursorOf(db, 'batches', after);
  const rows = db
    .prepare(
      `SELECT ${batchColumns} FROM batches
       WHERE @created IS NULL OR created_at < @created OR (created_at = @created AND id < @id)
       ORDER BY created_at DESC, id DESC LIMIT @take`,
    )
    .all({ created: cursor?.created ?? null, id: cursor?.id ?? null, take: limit + 1 }) as BatchRow[];
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export interface FilePageQuery {
  purpose?: string;
  limit: number;
  after?: string;
  order: 'asc' | 'desc';
}

/** Ids of up to `limit` files beyond `after` in the order asked, and whether more follow. */
export function filePage(db: Database, query: FilePageQuery): { ids: string[]; hasMore: boolean } {
  const cursor = cursorOf(db, 'batch_files', query.after);
  const beyond = query.order === 'desc' ? '<' : '>';
  const rows = db
    .prepare(
      `SELECT id FROM batch_files
       WHERE (@purpose IS NULL OR purpose = @purpose)
         AND (@created IS NULL OR created_at ${beyond} @created OR (created_at = @created AND id ${beyond} @id))
       ORDER BY created_at ${query.order}, id ${query.order} LIMIT @take`,
    )
    .pluck()
    .all({ purpose: query.purpose ?? null, created: cursor?.created ?? null, id: cursor?.id ?? null, take: query.limit + 1 }) as string[];
  return { ids: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}

/** The output and error files registered for a batch (deleted ones are gone from here too). */
export function batchFileIds(db: Database, batchId: string): { output: string | null; error: string | null } {
  const rows = db.prepare(`SELECT id, purpose FROM batch_files WHERE batch_id = ? ORDER BY created_at`).all(batchId) as Array<{ id: string; purpose: string }>;
  return {
    output: rows.find((row) => row.purpose === 'batch_output')?.id ?? null,
    error: rows.find((row) => row.purpose === 'batch_error')?.id ?? null,
  };
}

/**
 * An upload whose `purpose` field came after its bytes was stored under a provisional purpose;
 * this gives it the one the client sent. (FileStore has no setter for it yet.)
 */
export function setFilePurpose(db: Database, id: string, purpose: string): void {
  db.prepare('UPDATE batch_files SET purpose = ? WHERE id = ?').run(purpose, id);
}
