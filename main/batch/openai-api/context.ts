import type { Database } from 'better-sqlite3';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileStore } from '../files';
import type { BatchSummary } from '../schema';
import type { BatchService } from '../service';
import type { SubmitFileInput } from '../submit';
import type { OutputFiles } from './output-files';

/** What the /v1 routes work with: the core's stores and the same submit path as `batch.submit`. */
export interface DoorContext {
  db: Database;
  files: FileStore;
  batches: BatchService;
  outputs: OutputFiles;
  submit: (input: SubmitFileInput) => Promise<BatchSummary>;
  uploadLimitBytes: number;
  now: () => number;
}

export interface RouteCall {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  /** The path's captured parts (a file or batch id). */
  params: string[];
  context: DoorContext;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: RegExp;
  run: (call: RouteCall) => Promise<void>;
}
