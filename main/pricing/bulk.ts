import { randomUUID } from 'node:crypto';
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { ApiError } from '../api/errors';
import { bulkColumns, bulkInput, bulkLine, csvHeaderLine } from './bulk-csv';
import type { PricingService } from './service';
import type { PricingResult } from './schema';
import { readCsvFile } from './survey/csv';

export interface BulkProgress {
  jobId: string;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  done: number;
  failed: number;
  total: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  outputPath: string;
  error: string | null;
}

/**
 * Prices every row of a CSV into another CSV (written to OUT.part, renamed when whole), a slice
 * at a time so progress events and a cancel get through. Identical rows are priced once. The run
 * is recorded in pricing_bulk_runs; its rows are not added to the request history one by one.
 */
export class BulkPricing {
  private readonly running = new Map<string, { controller: AbortController; progress: BulkProgress }>();

  constructor(
    private readonly service: PricingService,
    private readonly onProgress: (progress: BulkProgress) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  status(jobId: string): BulkProgress {
    const live = this.running.get(jobId)?.progress;
    if (live !== undefined) return live;
    const row = this.service.db.prepare('SELECT * FROM pricing_bulk_runs WHERE id = ?').get(jobId) as
      | { status: BulkProgress['status']; done: number; failed: number; total: number; output_path: string; error: string | null }
      | undefined;
    if (row === undefined) throw new ApiError('not_found', `No bulk pricing run ${jobId}`, 'jobId');
    return { jobId, status: row.status, done: row.done, failed: row.failed, total: row.total, rowsPerSecond: 0, etaSeconds: null, outputPath: row.output_path, error: row.error };
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    job?.controller.abort();
    return job !== undefined;
  }

  /** Checks the file and starts; `finished` settles with the final progress. */
  start(inputPath: string, outputPath: string): { jobId: string; total: number; finished: Promise<BulkProgress> } {
    const { header, records } = readCsvFile(inputPath);
    const columns = bulkColumns(header);
    this.service.ready(); // the catalogue is built before the first row, not during it
    const jobId = randomUUID();
    const progress: BulkProgress = { jobId, status: 'running', done: 0, failed: 0, total: records.length, rowsPerSecond: 0, etaSeconds: null, outputPath, error: null };
    const controller = new AbortController();
    this.running.set(jobId, { controller, progress });
    this.service.db.prepare("INSERT INTO pricing_bulk_runs (id, created_at, input_path, output_path, status, total) VALUES (?, ?, ?, ?, 'running', ?)").run(jobId, this.now(), inputPath, outputPath, records.length);
    const finished = this.run(progress, controller.signal, header, records, columns).finally(() => this.running.delete(jobId));
    return { jobId, total: records.length, finished };
  }

  private async run(progress: BulkProgress, signal: AbortSignal, header: string[], records: ReturnType<typeof readCsvFile>['records'], columns: ReturnType<typeof bulkColumns>): Promise<BulkProgress> {
    const started = this.now();
    const partPath = `${progress.outputPath}.part`;
    const fd = openSync(partPath, 'w');
    const config = this.service.config();
    const cache = new Map<string, PricingResult>();
    let lastReport = 0;
    try {
      await yieldToEvents(); // the caller gets the job id before the first progress event
      writeSync(fd, `${csvHeaderLine(header)}\n`);
      for (const [index, record] of records.entries()) {
        if (signal.aborted) break;
        const cells = header.map((name) => record.values[name] ?? '');
        const input = bulkInput(record.values, columns);
        let line: string;
        if (input instanceof Error) {
          line = bulkLine(cells, null, `line ${record.line}: ${input.message}`);
          progress.failed += 1;
        } else {
          const key = JSON.stringify(input);
          let result = cache.get(key);
          if (result === undefined) {
            result = this.service.compute(input, { config }).result;
            if (cache.size > 20_000) cache.clear();
            cache.set(key, result);
          }
          line = bulkLine(cells, result, null);
        }
        writeSync(fd, `${line}\n`);
        progress.done += 1;
        if (index % 50 === 49) {
          await yieldToEvents();
          const elapsed = (this.now() - started) / 1000;
          progress.rowsPerSecond = elapsed > 0 ? progress.done / elapsed : 0;
          progress.etaSeconds = progress.rowsPerSecond > 0 ? Math.round((progress.total - progress.done) / progress.rowsPerSecond) : null;
          if (this.now() - lastReport >= 250) {
            lastReport = this.now();
            this.onProgress({ ...progress });
          }
        }
      }
      closeSync(fd);
      progress.status = signal.aborted ? 'cancelled' : 'completed';
      if (!signal.aborted) renameSync(partPath, progress.outputPath);
    } catch (error) {
      closeSync(fd);
      progress.status = 'failed';
      progress.error = error instanceof Error ? error.message : String(error);
    }
    const elapsed = (this.now() - started) / 1000;
    progress.rowsPerSecond = elapsed > 0 ? progress.done / elapsed : progress.done;
    progress.etaSeconds = 0;
    this.service.db.prepare('UPDATE pricing_bulk_runs SET status = ?, done = ?, failed = ?, error = ?, finished_at = ? WHERE id = ?').run(progress.status, progress.done, progress.failed, progress.error, this.now(), progress.jobId);
    this.onProgress({ ...progress });
    return { ...progress };
  }
}
