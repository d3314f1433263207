import type { StoredFile } from '../files';
import type { BatchStatus, ItemCounts } from '../schema';

/** OpenAI's objects, shaped from our rows. Times: our epoch milliseconds become unix seconds. */

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.floor(ms / 1000));

export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  /** Deprecated by OpenAI, still typed by its SDKs: a stored file is always whole here. */
  status: 'processed';
}

export const fileObject = (file: StoredFile): FileObject => ({
  id: file.id,
  object: 'file',
  bytes: file.bytes,
  created_at: seconds(file.createdAt)!,
  filename: file.filename,
  purpose: file.purpose,
  status: 'processed',
});

export interface ListObject<T extends { id: string }> {
  object: 'list';
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export function listObject<T extends { id: string }>(data: T[], hasMore: boolean): ListObject<T> {
  return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: hasMore };
}

/** A `batches` row, as far as OpenAI's batch object needs it. */
export interface BatchRow {
  id: string;
  status: BatchStatus;
  endpoint: string;
  input_file_id: string | null;
  completion_window: string;
  metadata_json: string | null;
  problems_json: string;
  created_at: number;
  in_progress_at: number | null;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  expires_at: number | null;
}

interface StoredProblem {
  line: number;
  field?: string;
  code?: string;
  message: string;
}

/** Our ingest problem codes in the names OpenAI's batch validation uses where it has one. */
const problemCodes: Record<string, string> = {
  'malformed-json': 'invalid_json_line',
  'duplicate-id': 'duplicate_custom_id',
  'unsupported-url': 'url_mismatch',
  'empty-file': 'empty_file',
  'missing-field': 'invalid_request',
  'invalid-request': 'invalid_request',
  'not-an-object': 'invalid_request',
  'model-not-installed': 'model_not_found',
};

export interface BatchErrorEntry {
  code: string;
  message: string;
  param: string | null;
  line: number | null;
}

export function batchErrors(problemsJson: string): { object: 'list'; data: BatchErrorEntry[] } | null {
  const problems = JSON.parse(problemsJson) as StoredProblem[];
  if (problems.length === 0) return null;
  return {
    object: 'list',
    data: problems.map((problem) => ({
      code: problemCodes[problem.code ?? ''] ?? (problem.code ?? 'invalid_file').replace(/-/g, '_'),
      message: problem.message,
      param: problem.field ?? null,
      // Line 0 is a problem with the whole file (or the model), which OpenAI reports without a line.
      line: problem.line > 0 ? problem.line : null,
    })),
  };
}

/** OpenAI has no `paused`: to its clients a paused batch is one still in progress. */
export const openAiStatus = (status: BatchStatus): Exclude<BatchStatus, 'paused'> => (status === 'paused' ? 'in_progress' : status);

export function batchObject(row: BatchRow, counts: ItemCounts, files: { output: string | null; error: string | null }) {
  return {
    id: row.id,
    object: 'batch' as const,
    endpoint: row.endpoint,
    errors: batchErrors(row.problems_json),
    input_file_id: row.input_file_id,
    completion_window: row.completion_window,
    status: openAiStatus(row.status),
    output_file_id: files.output,
    error_file_id: files.error,
    created_at: seconds(row.created_at)!,
    in_progress_at: seconds(row.in_progress_at),
    expires_at: seconds(row.expires_at),
    finalizing_at: seconds(row.finalizing_at),
    completed_at: seconds(row.completed_at),
    failed_at: seconds(row.failed_at),
    // Batches here never expire: the queue works until every item has its answer.
    expired_at: null,
    cancelling_at: seconds(row.cancelling_at),
    cancelled_at: seconds(row.cancelled_at),
    request_counts: { total: counts.total, completed: counts.done, failed: counts.failed },
    metadata: row.metadata_json === null ? null : (JSON.parse(row.metadata_json) as Record<string, string>),
  };
}
export type BatchObject = ReturnType<typeof batchObject>;
