import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { csvHeader, csvRow, errorLine, evaluationOf, outputLine, outputLineBytes, type ExportItem } from './export-lines';

/**
 * A batch's results as text, produced from its items a page at a time (by seq, in item order),
 * never whole in memory: OpenAI's output and error JSONL files, and a results CSV for the
 * analyst. Used by GET /v1/files/{id}/content and by the CLI's `batch export`. Each yields one
 * complete line at a time, ending in "\n"; a writer that wants big chunks joins them itself.
 */

const pageSize = 1000;

/** Statuses after which items that never ran will not run: they are reported as errors. */
const stoppedStatuses = new Set(['cancelled', 'expired', 'failed']);

function batchStatus(db: Database, batchId: string): string {
  const status = db.prepare('SELECT status FROM batches WHERE id = ?').pluck().get(batchId) as string | undefined;
  if (status === undefined) throw new ApiError('not_found', `No batch ${batchId}`);
  return status;
}

/**
 * Rows of one batch in seq order, `pageSize` at a time. Each page is its own short read, so a
 * slow reader (a download) never holds a transaction open while the queue writes results.
 */
async function* pages<Row extends { seq: number }>(db: Database, columns: string, where: string, batchId: string): AsyncGenerator<Row[]> {
  const statement = db.prepare(`SELECT ${columns} FROM batch_items WHERE batch_id = @batchId AND seq > @after AND (${where}) ORDER BY seq LIMIT @limit`);
  let after = -1;
  for (;;) {
    const rows = statement.all({ batchId, after, limit: pageSize }) as Row[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.seq;
    if (rows.length < pageSize) return;
  }
}

/** OpenAI's output file: one line per item answered, `response.body` as the endpoint answers. */
export async function* outputLines(db: Database, batchId: string): AsyncGenerator<string> {
  batchStatus(db, batchId);
  for await (const rows of pages<{ seq: number; custom_id: string; response_json: string }>(db, 'seq, custom_id, response_json', `state = 'done'`, batchId)) {
    for (const row of rows) yield outputLine(batchId, row, row.response_json);
  }
}

/** The size of `outputLines`, counted from the stored answers' sizes without producing the lines. */
export async function outputBytes(db: Database, batchId: string): Promise<number> {
  let bytes = 0;
  const columns = 'seq, custom_id, length(CAST(response_json AS BLOB)) AS response_bytes';
  for await (const rows of pages<{ seq: number; custom_id: string; response_bytes: number }>(db, columns, `state = 'done'`, batchId)) {
    for (const row of rows) bytes += outputLineBytes(batchId, row, row.response_bytes);
  }
  return bytes;
}

const errorStates = (status: string): string => (stoppedStatuses.has(status) ? `state != 'done'` : `state = 'failed'`);

/**
 * OpenAI's error file: one line per failed item, and, once a batch is cancelled, one per item it
 * never ran, so every custom_id is in exactly one of the two files.
 */
export async function* errorLines(db: Database, batchId: string): AsyncGenerator<string> {
  const status = batchStatus(db, batchId);
  for await (const rows of pages<ExportItem>(db, 'seq, custom_id, state, error_kind, last_error', errorStates(status), batchId)) {
    for (const row of rows) yield errorLine(batchId, row, status);
  }
}

/** How many lines `errorLines` writes now. */
export function errorLineCount(db: Database, batchId: string): number {
  const status = batchStatus(db, batchId);
  return db.prepare(`SELECT COUNT(*) FROM batch_items WHERE batch_id = ? AND (${errorStates(status)})`).pluck().get(batchId) as number;
}

interface CsvItem extends ExportItem {
  response_json: string | null;
  tokens_in: number | null;
  tokens_out: number | null;
  latency_ms: number | null;
}

/**
 * One row per item, in item order: the evaluation's scores for candidate batches (empty for
 * answers that are not an evaluation), tokens, latency and the last error.
 */
export async function* resultsCsvLines(db: Database, batchId: string): AsyncGenerator<string> {
  batchStatus(db, batchId);
  yield csvRow(csvHeader);
  const columns = 'seq, custom_id, state, error_kind, last_error, response_json, tokens_in, tokens_out, latency_ms';
  for await (const rows of pages<CsvItem>(db, columns, '1', batchId)) {
    for (const row of rows) {
      const evaluation = evaluationOf(row.state === 'done' ? row.response_json : null);
      yield csvRow([
        row.custom_id,
        row.state,
        evaluation.overall,
        evaluation.education,
        evaluation.company,
        evaluation.trajectory,
        evaluation.recommendation,
        evaluation.rationale,
        row.tokens_in,
        row.tokens_out,
        row.latency_ms === null ? null : Math.round(row.latency_ms),
        row.state === 'done' ? null : row.last_error,
      ]);
    }
  }
}
