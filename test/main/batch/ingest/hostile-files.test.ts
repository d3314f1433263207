import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileFingerprint, readIngestFile } from '../../../../main/batch/ingest';
import { useTempDirs } from '../../../support/temp-dir';
import { chatLine, collect, fileWith } from './collect';

describe('hostile files', () => {
  const tempDir = useTempDirs();

  it('skips a line over the 8 MiB default limit and reads on', async () => {
    const huge = chatLine('huge', { note: 'x'.repeat(9 * 1024 * 1024) });
    const path = fileWith(tempDir(), 'huge.jsonl', [chatLine('a'), huge, chatLine('b')]);
    const { requests, problems } = await collect(path);
    expect(requests.map((request) => request.customId)).toEqual(['a', 'b']);
    expect(problems).toMatchObject([{ line: 2, code: 'too-large' }]);
    expect(problems[0]!.message).toBe('Line 2 is 9.0 MiB, over the 8.0 MiB limit for one record; it is skipped.');
  });

  it('survives 10,000 and 100,000 levels of nesting in JSONL and in a JSON array', async () => {
    const dir = tempDir();
    const deep = (levels: number) => `{"custom_id": "deep", "method": "POST", "url": "/v1/chat/completions", "body": ${'['.repeat(levels)}${']'.repeat(levels)}}`;
    const jsonl = await collect(fileWith(dir, 'deep.jsonl', [deep(10_000), chatLine('ok'), deep(100_000)]));
    expect(jsonl.requests.map((request) => request.customId)).toEqual(['ok']);
    expect(jsonl.problems).toMatchObject([
      { line: 1, code: 'too-deep' },
      { line: 3, code: 'too-deep' },
    ]);
    const array = await collect(fileWith(dir, 'deep.json', `[{"name": "a", "x": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}},\n{"name": "b"}]`));
    expect(array.candidates.map((candidate) => candidate.profile.name)).toEqual(['b']);
    expect(array.problems).toMatchObject([{ line: 1, fileLine: 1, code: 'too-deep' }]);
    // Just under the limit is fine.
    const edge = await collect(fileWith(dir, 'edge.jsonl', [`{"name": "e", "x": ${'['.repeat(127)}${']'.repeat(127)}}`]), {});
    expect(edge.candidates).toHaveLength(1);
  });

  it('reports a binary line and a Latin-1 line in the middle of a file and reads the rest', async () => {
    const lines = Array.from({ length: 30 }, (_, index) => Buffer.from(`{"full_name": "Person ${index}"}\n`));
    lines[10] = Buffer.concat([Buffer.from([0x00, 0xff, 0x00, 0x89]), Buffer.from('PNG\n')]);
    lines[20] = Buffer.from('{"full_name": "Ren\xe9e"}\n', 'latin1');
    const path = fileWith(tempDir(), 'dirty.jsonl', Buffer.concat(lines));
    const { candidates, problems } = await collect(path);
    expect(candidates).toHaveLength(28);
    expect(problems).toMatchObject([
      { line: 11, code: 'binary-data' },
      { line: 21, code: 'not-utf8' },
    ]);
    expect(problems[1]!.message).toContain('save the file as UTF-8');
  });

  it('fingerprints the whole file as node:crypto does, refused or not', async () => {
    const dir = tempDir();
    const good = fileWith(dir, 'good.jsonl', [chatLine('a'), chatLine('b')]);
    const refused = fileWith(dir, 'refused.json', 'name,title\nAnn,Chef\n');
    for (const path of [good, refused]) {
      const bytes = readFileSync(path);
      const expected = createHash('sha256').update(bytes).digest('hex');
      const { end } = await collect(path);
      expect(end).toMatchObject({ sha256: expected, bytes: bytes.length });
      expect(await fileFingerprint(path)).toEqual({ sha256: expected, bytes: bytes.length });
    }
  });

  it('lets go of the file when the consumer stops early', async () => {
    const path = fileWith(tempDir(), 'many.jsonl', Array.from({ length: 5000 }, (_, index) => chatLine(`r${index}`)));
    const seen: string[] = [];
    for await (const record of readIngestFile(path)) {
      if (record.kind === 'request') seen.push(record.customId);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['r0', 'r1', 'r2']);
  });

  it('stops with the caller’s abort signal', async () => {
    const path = fileWith(tempDir(), 'abort.jsonl', Array.from({ length: 50_000 }, (_, index) => chatLine(`r${index}`)));
    const controller = new AbortController();
    const reading = (async () => {
      let count = 0;
      for await (const record of readIngestFile(path, { signal: controller.signal })) {
        count += record.kind === 'request' ? 1 : 0;
        if (count === 10) controller.abort();
      }
      return count;
    })();
    await expect(reading).rejects.toThrow(/abort/i);
  });

  it('hands every record to a slow consumer that pauses like a SQLite transaction', async () => {
    const path = fileWith(tempDir(), 'slow.jsonl', Array.from({ length: 20_000 }, (_, index) => chatLine(`r${index}`)));
    let count = 0;
    for await (const record of readIngestFile(path)) {
      if (record.kind !== 'request') continue;
      count += 1;
      if (count % 1000 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(count).toBe(20_000);
  });
});
