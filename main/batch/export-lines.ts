import { createHash } from 'node:crypto';

/**
 * One line of OpenAI's batch output and error files, built from a stored item. Ids are derived
 * from the batch and the item, not drawn at random, so the same file downloaded twice is the
 * same bytes, and its size can be counted without producing it.
 */

export interface ExportItem {
  seq: number;
  custom_id: string;
  state: 'pending' | 'running' | 'done' | 'failed';
  error_kind: string | null;
  last_error: string | null;
}

const stableHex = (salt: string, batchId: string, seq: number): string =>
  createHash('sha256').update(`${salt}\u0000${batchId}\u0000${seq}`).digest('hex').slice(0, 24);

const lineHead = (batchId: string, item: Pick<ExportItem, 'seq' | 'custom_id'>): string =>
  `{"id":"batch_req_${stableHex('line', batchId, item.seq)}","custom_id":${JSON.stringify(item.custom_id)}`;

const requestId = (batchId: string, seq: number): string => `req_${stableHex('request', batchId, seq)}`;

/**
 * A successful item: the stored answer (already OpenAI's chat.completion or embedding list, as
 * JSON text) goes in verbatim, never parsed and written again.
 */
export function outputLine(batchId: string, item: Pick<ExportItem, 'seq' | 'custom_id'>, responseJson: string): string {
  return `${lineHead(batchId, item)},"response":{"status_code":200,"request_id":"${requestId(batchId, item.seq)}","body":${responseJson}},"error":null}\n`;
}

/** The bytes `outputLine` writes for an answer of `responseBytes` bytes. */
export const outputLineBytes = (batchId: string, item: Pick<ExportItem, 'seq' | 'custom_id'>, responseBytes: number): number =>
  Buffer.byteLength(outputLine(batchId, item, '')) + responseBytes;

/** Failures OpenAI would have answered with an HTTP error: they keep its status and error body. */
const httpFailures: Record<string, { status: number; type: string; param: string | null; code: string }> = {
  'model-not-found': { status: 404, type: 'invalid_request_error', param: 'model', code: 'model_not_found' },
  'context-overflow': { status: 400, type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' },
};

const snakeCase = (kind: string): string => kind.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();

/**
 * A failed item, or one a cancelled (or expired) batch never ran. As in OpenAI's error files: a request the
 * engine refused carries its HTTP status and error body in `response`; any other failure has
 * `response: null` and says why in `error`.
 */
export function errorLine(batchId: string, item: ExportItem, batchStatus: string): string {
  const head = lineHead(batchId, item);
  if (item.state !== 'failed') {
    const reason = item.last_error ? ` (its last attempt: ${item.last_error})` : '';
    const error = { code: `batch_${batchStatus}`, message: `The batch was ${batchStatus} before this request completed${reason}` };
    return `${head},"response":null,"error":${JSON.stringify(error)}}\n`;
  }
  const message = item.last_error ?? 'The request failed';
  const http = item.error_kind === null ? undefined : httpFailures[item.error_kind];
  if (http) {
    const body = { error: { message, type: http.type, param: http.param, code: http.code } };
    return `${head},"response":{"status_code":${http.status},"request_id":"${requestId(batchId, item.seq)}","body":${JSON.stringify(body)}},"error":null}\n`;
  }
  return `${head},"response":null,"error":${JSON.stringify({ code: snakeCase(item.error_kind ?? 'internal'), message })}}\n`;
}

export const csvHeader = [
  'custom_id', 'state', 'overall', 'education', 'company', 'trajectory', 'recommendation', 'rationale', 'tokens_in', 'tokens_out', 'latency_ms', 'error',
] as const;

/**
 * One CSV cell. Text a spreadsheet would run as a formula (a model's rationale may well start
 * with "=" or "-") gets a leading apostrophe, as OWASP advises for CSV exports.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRow = (cells: ReadonlyArray<string | number | null>): string => `${cells.map(csvCell).join(',')}\n`;

export interface Evaluation {
  overall: number | null;
  education: number | null;
  company: number | null;
  trajectory: number | null;
  recommendation: string | null;
  rationale: string | null;
}

const noEvaluation: Evaluation = { overall: null, education: null, company: null, trajectory: null, recommendation: null, rationale: null };

/** The candidate evaluation inside a stored chat answer; all nulls for answers that are not one. */
export function evaluationOf(responseJson: string | null): Evaluation {
  if (responseJson === null) return noEvaluation;
  try {
    const response = JSON.parse(responseJson) as { choices?: Array<{ message?: { content?: unknown } }> };
    const content = response.choices?.[0]?.message?.content;
    if (typeof content !== 'string') return noEvaluation;
    const value = JSON.parse(content) as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) return noEvaluation;
    const number = (key: string): number | null => (typeof value[key] === 'number' ? value[key] : null);
    const text = (key: string): string | null => (typeof value[key] === 'string' ? value[key] : null);
    return {
      overall: number('overall'),
      education: number('education'),
      company: number('company'),
      trajectory: number('trajectory'),
      recommendation: text('recommendation'),
      rationale: text('rationale'),
    };
  } catch {
    // A free-text answer (an OpenAI batch line without a JSON format): no evaluation to show.
    return noEvaluation;
  }
}
