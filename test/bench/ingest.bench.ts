import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readIngestFile } from '../../main/batch/ingest';
import { writeCandidateFile, type GenerateOptions } from '../../main/batch/sample-data';

interface ReadFigures {
  records: number;
  problems: number;
  bytes: number;
  ms: number;
  peakRssOverBaselineMiB: number;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Reads and normalises every record of a file; samples RSS every 50 ms while it streams. */
async function readAll(path: string): Promise<ReadFigures> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  let records = 0;
  let problems = 0;
  let bytes = 0;
  try {
    for await (const record of readIngestFile(path)) {
      if (record.kind === 'candidate' || record.kind === 'request') records += 1;
      else if (record.kind === 'problem') problems += 1;
      else bytes = record.bytes;
    }
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - start;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { records, problems, bytes, ms, peakRssOverBaselineMiB: (peak - baseline) / (1024 * 1024) };
}

function describeRead(label: string, figures: ReadFigures): string {
  const seconds = figures.ms / 1000;
  return (
    `${label.padEnd(34)} ${(figures.ms / 1000).toFixed(2)} s  ${Math.round(figures.records / seconds).toLocaleString('en-US')} records/s  ` +
    `${(figures.bytes / 1e6 / seconds).toFixed(1)} MB/s  (${figures.records.toLocaleString('en-US')} records, ${figures.problems} problems, ` +
    `peak RSS +${figures.peakRssOverBaselineMiB.toFixed(0)} MiB)`
  );
}

/**
 * Ingest of seed 003's workloads: its 5,000-candidate Aris export (~41 MB) and the planned
 * 170,000-candidate run, generated here (generation not timed). Figures are for reading and
 * normalising only; the queue's inserts are measured by its own bench.
 */
export async function benchIngest(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tw-bench-ingest-'));
  try {
    const files: Array<{ label: string; name: string; options: GenerateOptions }> = [
      { label: '5,000 candidates, JSON array', name: 'candidates-5k.json', options: { count: 5_000, seed: 3, format: 'json' } },
      { label: '5,000 candidates, CSV', name: 'candidates-5k.csv', options: { count: 5_000, seed: 3, format: 'csv' } },
      { label: '5,000 requests, OpenAI JSONL', name: 'requests-5k.jsonl', options: { count: 5_000, seed: 3, format: 'openai-jsonl' } },
      { label: '170,000 candidates, JSON array', name: 'candidates-170k.json', options: { count: 170_000, seed: 170, format: 'json' } },
    ];
    const lines = ['Ingest (read + normalise, no queue inserts)'];
    for (const file of files) {
      const path = join(dir, file.name);
      const generateStart = performance.now();
      const manifest = await writeCandidateFile(path, file.options);
      lines.push(`  generated ${file.name}: ${mb(manifest.bytes)} in ${((performance.now() - generateStart) / 1000).toFixed(1)} s (not counted)`);
      const figures = await readAll(path);
      lines.push(`  ${describeRead(file.label, figures)}`);
      if (file.options.count === 5_000 && file.options.format === 'json') lines.push(`  ${describeRead('  same file again (warm)', await readAll(path))}`);
      rmSync(path, { force: true });
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
