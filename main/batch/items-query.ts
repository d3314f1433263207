import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError } from '../api/errors';
import type { batchItemRowSchema } from './contract';

type ItemRow = z.output<typeof batchItemRowSchema>;

interface RawItem {
  seq: number;
  custom_id: string;
  source_line: number;
  state: ItemRow['state'];
  attempts: number;
  last_error: string | null;
  error_kind: string | null;
  tokens_in: number | null;
  tokens_out: number | null;
  latency_ms: number | null;
  overall: number | null;
  recommendation: string | null;
  education: number | null;
  company: number | null;
  trajectory: number | null;
  rationale: string | null;
  request_json?: string;
  response_json?: string | null;
}

// The evaluation's fields are read from the stored answer's message content with SQLite's JSON functions.
const evaluationField = (name: string): string => `
  CASE WHEN response_json IS NOT NULL AND json_valid(json_extract(response_json, '$.choices[0].message.content'))
    THEN json_extract(json_extract(response_json, '$.choices[0].message.content'), '$.${name}') END AS ${name}`;
const evaluationColumns = ['overall', 'recommendation', 'education', 'company', 'trajectory', 'rationale'].map(evaluationField).join(',');

const columns = `seq, custom_id, source_line, state, attempts, last_error, error_kind, tokens_in, tokens_out, latency_ms, ${evaluationColumns}`;

const toRow = (raw: RawItem): ItemRow => ({
  seq: raw.seq,
  customId: raw.custom_id,
  sourceLine: raw.source_line,
  state: raw.state,
  attempts: raw.attempts,
  lastError: raw.last_error,
  errorKind: raw.error_kind,
  tokensIn: raw.tokens_in,
  tokensOut: raw.tokens_out,
  latencyMs: raw.latency_ms,
  overall: typeof raw.overall === 'number' ? raw.overall : null,
  recommendation: typeof raw.recommendation === 'string' ? raw.recommendation : null,
  education: typeof raw.education === 'number' ? raw.education : null,
  company: typeof raw.company === 'number' ? raw.company : null,
  trajectory: typeof raw.trajectory === 'number' ? raw.trajectory : null,
  rationale: typeof raw.rationale === 'string' ? raw.rationale : null,
});

export interface ItemsQuery {
  id: string;
  state?: ItemRow['state'];
  search?: string;
  sort: 'seq' | 'latency' | 'overall';
  descending: boolean;
  offset: number;
  limit: number;
}

export function queryItems(db: Database, query: ItemsQuery): { total: number; items: ItemRow[] } {
  const where = ['batch_id = @id'];
  if (query.state) where.push('state = @state');
  if (query.search) where.push(`(custom_id LIKE @like ESCAPE '\\' OR last_error LIKE @like ESCAPE '\\')`);
  const like = `%${(query.search ?? '').replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const order = { seq: 'seq', latency: 'latency_ms', overall: 'overall' }[query.sort];
  const params = { id: query.id, state: query.state ?? null, like, limit: query.limit, offset: query.offset };
  const total = db.prepare(`SELECT COUNT(*) FROM batch_items WHERE ${where.join(' AND ')}`).pluck().get(params) as number;
  const rows = db
    .prepare(`SELECT ${columns} FROM batch_items WHERE ${where.join(' AND ')} ORDER BY ${order} ${query.descending ? 'DESC' : 'ASC'}, seq LIMIT @limit OFFSET @offset`)
    .all(params) as RawItem[];
  return { total, items: rows.map(toRow) };
}

export function readItem(db: Database, id: string, seq: number): ItemRow & { request: unknown; response: unknown } {
  const raw = db.prepare(`SELECT ${columns}, request_json, response_json FROM batch_items WHERE batch_id = ? AND seq = ?`).get(id, seq) as RawItem | undefined;
  if (!raw) throw new ApiError('not_found', `Batch ${id} has no item ${seq}`);
  return { ...toRow(raw), request: JSON.parse(raw.request_json!), response: raw.response_json ? JSON.parse(raw.response_json) : null };
}
