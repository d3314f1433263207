import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../api/errors';
import { newId } from './store';

export interface StoredFile {
  id: string;
  filename: string;
  purpose: string;
  bytes: number;
  sha256: string | null;
  /** On disk for uploads; null for outputs, which are produced from a batch's items when read. */
  path: string | null;
  batchId: string | null;
  createdAt: number;
}

interface FileRow {
  id: string;
  filename: string;
  purpose: string;
  bytes: number;
  sha256: string | null;
  path: string | null;
  batch_id: string | null;
  created_at: number;
}

const toFile = (row: FileRow): StoredFile => ({
  id: row.id,
  filename: row.filename,
  purpose: row.purpose,
  bytes: row.bytes,
  sha256: row.sha256,
  path: row.path,
  batchId: row.batch_id,
  createdAt: row.created_at,
});

/** A file name a person gave, kept only for display: no folders, no control characters. */
export const cleanFileName = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f]/g, '').slice(0, 255) || 'upload';

/**
 * Uploaded files (OpenAI's Files API, and the page's drop zone in a browser), kept in the data
 * folder. An upload is written to `<id>.download` and renamed when whole, so a crash never
 * leaves a half file that looks complete.
 */
export class FileStore {
  private readonly dir: string;

  constructor(
    private readonly db: Database,
    dataDir: string,
  ) {
    this.dir = join(dataDir, 'files');
  }

  async saveUpload(stream: Readable, filename: string, purpose: string, limitBytes: number, now: number): Promise<StoredFile> {
    mkdirSync(this.dir, { recursive: true });
    const id = newId('file');
    const finalPath = join(this.dir, id);
    const partPath = `${finalPath}.download`;
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      await pipeline(
        stream,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            bytes += chunk.length;
            if (bytes > limitBytes) throw new ApiError('payload_too_large', `The file is larger than ${Math.round(limitBytes / 2 ** 20)} MiB`);
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(partPath),
      );
      renameSync(partPath, finalPath);
    } catch (error) {
      rmSync(partPath, { force: true });
      throw error;
    }
    const file: StoredFile = { id, filename: cleanFileName(filename), purpose, bytes, sha256: hash.digest('hex'), path: finalPath, batchId: null, createdAt: now };
    this.insert(file);
    return file;
  }

  /** A file whose content is produced from a batch (its output or its errors). */
  registerOutput(batchId: string, purpose: 'batch_output' | 'batch_error', filename: string, bytes: number, now: number): StoredFile {
    const existing = this.db.prepare('SELECT * FROM batch_files WHERE batch_id = ? AND purpose = ?').get(batchId, purpose) as FileRow | undefined;
    if (existing) return toFile(existing);
    const file: StoredFile = { id: newId('file'), filename, purpose, bytes, sha256: null, path: null, batchId, createdAt: now };
    this.insert(file);
    return file;
  }

  private insert(file: StoredFile): void {
    this.db
      .prepare('INSERT INTO batch_files (id, filename, purpose, bytes, sha256, path, batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(file.id, file.filename, file.purpose, file.bytes, file.sha256, file.path, file.batchId, file.createdAt);
  }

  get(id: string): StoredFile {
    const row = this.db.prepare('SELECT * FROM batch_files WHERE id = ?').get(id) as FileRow | undefined;
    if (!row) throw new ApiError('not_found', `No such file: ${id}`);
    return toFile(row);
  }

  list(options: { purpose?: string; limit: number; after?: string }): StoredFile[] {
    const after = options.after ? this.get(options.after).createdAt : Number.MAX_SAFE_INTEGER;
    const rows = this.db
      .prepare(`SELECT * FROM batch_files WHERE created_at < ? AND (? IS NULL OR purpose = ?) ORDER BY created_at DESC LIMIT ?`)
      .all(after, options.purpose ?? null, options.purpose ?? null, options.limit) as FileRow[];
    return rows.map(toFile);
  }

  delete(id: string): StoredFile {
    const file = this.get(id);
    const inUse = this.db.prepare(`SELECT id FROM batches WHERE input_file_id = ? AND status IN ('validating', 'in_progress', 'paused', 'finalizing', 'cancelling')`).pluck().get(id);
    if (inUse) throw new ApiError('conflict', `File ${id} is the input of ${String(inUse)}, which is still running`);
    this.db.prepare('UPDATE batches SET input_file_id = NULL WHERE input_file_id = ?').run(id);
    this.db.prepare('DELETE FROM batch_files WHERE id = ?').run(id);
    if (file.path) rmSync(file.path, { force: true });
    return file;
  }
}
