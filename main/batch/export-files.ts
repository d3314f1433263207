import type { Database } from 'better-sqlite3';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../api/errors';
import { errorLines, outputLines, resultsCsvLines } from './export';

export interface ExportedFile {
  kind: 'output' | 'errors' | 'results';
  path: string;
  bytes: number;
}

/** Streams lines to `path` through a `.part` file renamed when whole, so a crash leaves no half export. */
async function writeLines(path: string, lines: AsyncIterable<string>): Promise<number> {
  const part = `${path}.part`;
  try {
    await pipeline(Readable.from(lines), createWriteStream(part));
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
  return statSync(path).size;
}

/** A batch's output JSONL, errors JSONL and results CSV, written into an existing folder. */
export async function exportBatch(db: Database, batchId: string, dir: string): Promise<ExportedFile[]> {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) throw new ApiError('invalid_input', `${dir} is not a folder: create it first, or choose another`, 'dir');
  const plan: Array<[ExportedFile['kind'], string, AsyncIterable<string>]> = [
    ['output', `${batchId}-output.jsonl`, outputLines(db, batchId)],
    ['errors', `${batchId}-errors.jsonl`, errorLines(db, batchId)],
    ['results', `${batchId}-results.csv`, resultsCsvLines(db, batchId)],
  ];
  const written: ExportedFile[] = [];
  for (const [kind, name, lines] of plan) {
    const path = join(dir, name);
    written.push({ kind, path, bytes: await writeLines(path, lines) });
  }
  return written;
}
