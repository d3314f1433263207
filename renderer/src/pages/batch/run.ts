import type { BatchSummary } from '../../../../main/batch/schema';

/**
 * When the batch's run began, for the monitor's time taken and its VRAM chart: its queueing time,
 * once it has started. The core stamps `startedAt` again at every resume (and retry), so after a
 * pause it no longer says when the run began.
 */
export function runStartOf(batch: BatchSummary): number | null {
  if (batch.startedAt === null) return null;
  return Math.min(Date.parse(batch.createdAt), Date.parse(batch.startedAt));
}
