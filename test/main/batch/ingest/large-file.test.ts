import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIngestFile, type IngestSummary } from '../../../../main/batch/ingest';
import { writeCandidateFile } from '../../../../main/batch/sample-data';
import { useTempDirs } from '../../../support/temp-dir';

/** Seed 003's planned run: 170,000 candidates. Memory is measured by the bench, not asserted here. */
describe('a 170,000-candidate file', () => {
  const tempDir = useTempDirs();

  it('streams to the end with every candidate and problem counted', { timeout: 180_000 }, async () => {
    const path = join(tempDir(), 'candidates-170k.jsonl');
    const manifest = await writeCandidateFile(path, { count: 170_000, seed: 170, format: 'jsonl', detail: 'compact', defects: [{ kind: 'malformed', at: 1_000 }, { kind: 'duplicate-id', at: 169_999 }] });
    let candidates = 0;
    let problems = 0;
    let lastLine = 0;
    let outOfOrder = 0;
    let end: IngestSummary | undefined;
    for await (const record of readIngestFile(path)) {
      if (record.kind === 'candidate') {
        candidates += 1;
        if (record.line <= lastLine) outOfOrder += 1;
        lastLine = record.line;
      } else if (record.kind === 'problem') problems += 1;
      else if (record.kind === 'end') end = record;
    }
    expect(outOfOrder).toBe(0);
    expect(candidates).toBe(170_001);
    expect(candidates).toBe(manifest.records);
    expect(problems).toBe(2);
    expect(end).toMatchObject({ records: 170_001, problems: 2, lines: 170_002, bytes: manifest.bytes, fatal: false });
  });
});
