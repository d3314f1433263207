import type { BatchSummary } from '../../../../main/batch/schema';
import { ApiError } from '../../lib/errors';
import { downloadText } from '../metrics/download';
import { baseName } from './format';
import { readItems, type ItemRow } from './results';

/**
 * A batch's files: the results CSV, built here from the items' pages (scores and rationale included), and OpenAI's output and error JSONL, which only the serve port's /v1 hands out.
 */

const csvColumns = ['seq', 'custom_id', 'source_line', 'state', 'attempts', 'overall', 'education', 'company', 'trajectory', 'recommendation', 'rationale', 'tokens_in', 'tokens_out', 'latency_ms', 'error_kind', 'error'] as const;

/**
 * One cell. Text a spreadsheet would run as a formula gets a leading apostrophe (as the core's own
 * CSV export does, after OWASP's advice): an error message may well start with "-" or "=".
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function resultsCsv(items: readonly ItemRow[]): string {
  const rows = items.map((item) =>
    [
      item.seq,
      item.customId,
      item.sourceLine,
      item.state,
      item.attempts,
      item.overall,
      item.education,
      item.company,
      item.trajectory,
      item.recommendation,
      item.rationale,
      item.tokensIn,
      item.tokensOut,
      item.latencyMs === null ? null : Math.round(item.latencyMs),
      item.errorKind,
      item.lastError,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[csvColumns.join(','), ...rows].join('\n')}\n`;
}

/** Reads every item and downloads them as CSV; `onProgress` counts the items read. */
export async function exportResultsCsv(batch: BatchSummary, onProgress?: (read: number, total: number) => void): Promise<void> {
  const { items } = await readItems(batch.id, { ...(onProgress === undefined ? {} : { onPage: onProgress }) });
  downloadText(`${baseName(batch)}-results.csv`, resultsCsv(items));
}

export interface OutputFileIds {
  output: string | null;
  errors: string | null;
}

/** Null when there is no /v1 here: the Electron window has none, and an older server neither. */
export type V1Answer = OutputFileIds | null;

/** The message in OpenAI's error shape, or the status. */
async function failureOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  return typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${response.status}`;
}

/** The batch's output and error file ids from OpenAI's batch object, read as this page's cookie allows. */
export async function fetchOutputFileIds(batchId: string): Promise<V1Answer> {
  if (window.tw !== undefined) return null;
  let response: Response;
  try {
    response = await fetch(`/v1/batches/${encodeURIComponent(batchId)}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError('internal', 'The workstation server is not answering: is `npm run serve` still running?');
  }
  if (!response.ok) {
    const body = (await response.clone().json().catch(() => null)) as { error?: { type?: unknown } } | null;
    // A not-found in the core's shape rather than OpenAI's (which has a type) means there is no /v1 here.
    if (response.status === 404 && typeof body?.error?.type !== 'string') return null;
    throw new ApiError('internal', `The batch's files could not be looked up: ${await failureOf(response)}`);
  }
  const batch = (await response.json()) as { output_file_id?: unknown; error_file_id?: unknown };
  return {
    output: typeof batch.output_file_id === 'string' ? batch.output_file_id : null,
    errors: typeof batch.error_file_id === 'string' ? batch.error_file_id : null,
  };
}

/** Downloads one of the batch's files from /v1/files/{id}/content, as the Metrics page's CSV: a Blob behind a link. */
export async function downloadV1File(fileId: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/v1/files/${encodeURIComponent(fileId)}/content`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError('internal', 'The workstation server is not answering: is `npm run serve` still running?');
  }
  if (!response.ok) throw new ApiError('internal', `${fileName} could not be downloaded: ${await failureOf(response)}`);
  downloadText(fileName, await response.text(), 'application/jsonl;charset=utf-8');
}
