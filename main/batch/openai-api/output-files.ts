import type { Database } from 'better-sqlite3';
import { errorLineCount, errorLines, outputBytes } from '../export';
import type { FileStore } from '../files';
import type { BatchStore } from '../store';
import { batchFileIds } from './rows';

export interface OutputFileDeps {
  db: Database;
  files: FileStore;
  store: BatchStore;
  now: () => number;
}

/** Once a batch has stopped, its results are final and get their file ids. */
const finishedStatuses = new Set(['completed', 'cancelled', 'expired']);

/** Recorded with the batch's events, so a file the client deleted is not registered again. */
const registeredKind = 'output-files';

async function byteSize(lines: AsyncIterable<string>): Promise<number> {
  let bytes = 0;
  for await (const line of lines) bytes += Buffer.byteLength(line);
  return bytes;
}

/**
 * Gives a finished batch its output file (when any item was answered) and its error file (when
 * any failed, or never ran), as OpenAI does; their content is produced from the items when read.
 * Called when the queue reports a batch finished, and again whenever a batch is looked at, so
 * batches finished while this door was closed (by the CLI, say) get theirs too.
 */
export class OutputFiles {
  private readonly inProgress = new Map<string, Promise<{ output: string | null; error: string | null }>>();

  constructor(private readonly deps: OutputFileDeps) {}

  ensure(batchId: string, status: string): Promise<{ output: string | null; error: string | null }> {
    if (!finishedStatuses.has(status) || this.registered(batchId)) return Promise.resolve(batchFileIds(this.deps.db, batchId));
    let pending = this.inProgress.get(batchId);
    if (!pending) {
      pending = this.register(batchId).finally(() => this.inProgress.delete(batchId));
      this.inProgress.set(batchId, pending);
    }
    return pending;
  }

  private registered(batchId: string): boolean {
    return this.deps.db.prepare('SELECT 1 FROM batch_events WHERE batch_id = ? AND kind = ? LIMIT 1').pluck().get(batchId, registeredKind) !== undefined;
  }

  private async register(batchId: string): Promise<{ output: string | null; error: string | null }> {
    const { db, files, store } = this.deps;
    const now = this.deps.now();
    const made: string[] = [];
    if (store.counts(batchId).done > 0) {
      const file = files.registerOutput(batchId, 'batch_output', `${batchId}_output.jsonl`, await outputBytes(db, batchId), now);
      made.push(`output ${file.id} (${file.bytes} bytes)`);
    }
    if (errorLineCount(db, batchId) > 0) {
      const file = files.registerOutput(batchId, 'batch_error', `${batchId}_error.jsonl`, await byteSize(errorLines(db, batchId)), now);
      made.push(`errors ${file.id} (${file.bytes} bytes)`);
    }
    store.addEvent(batchId, registeredKind, made.length > 0 ? made.join(', ') : 'no results to write', now);
    return batchFileIds(db, batchId);
  }
}
