import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defectKinds, generateCandidates, sampleEvaluationPrompt, writeCandidateFile, type SampleFormat } from '../../../../main/batch/sample-data';
import { useTempDirs } from '../../../support/temp-dir';
import { collect } from './collect';

const extension = (format: SampleFormat): string => (format === 'csv' ? 'csv' : format === 'json' ? 'json' : 'jsonl');
const formats: SampleFormat[] = ['json', 'jsonl', 'csv', 'openai-jsonl'];

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('sample candidate generator', () => {
  const tempDir = useTempDirs();

  it('writes the same bytes for the same seed, and other bytes for another seed', async () => {
    for (const format of formats) {
      const options = { count: 40, seed: 11, format };
      const first = await bytesOf(generateCandidates(options));
      const second = await bytesOf(generateCandidates(options));
      expect(first.equals(second), format).toBe(true);
      expect(first.equals(await bytesOf(generateCandidates({ ...options, seed: 12 }))), format).toBe(false);
      const path = join(tempDir(), `same.${extension(format)}`);
      const manifest = await writeCandidateFile(path, options);
      expect(readFileSync(path).equals(first), format).toBe(true);
      expect(manifest.bytes).toBe(first.length);
    }
  });

  it('writes files the reader takes whole, in every format', async () => {
    for (const format of formats) {
      const path = join(tempDir(), `clean.${extension(format)}`);
      const manifest = await writeCandidateFile(path, { count: 200, seed: 3, format });
      const { candidates, requests, problems, end } = await collect(path);
      expect(problems, format).toEqual([]);
      expect(candidates.length + requests.length, format).toBe(200);
      expect(end, format).toMatchObject({ records: 200, bytes: manifest.bytes, lines: manifest.lines });
      for (const candidate of candidates) {
        expect(candidate.customId).toMatch(/^cand_\d{6}$/);
        expect(candidate.profile.name).not.toBeNull();
        expect(candidate.profile.experience.length).toBeGreaterThan(0);
      }
    }
  });

  it('wraps profiles in gemData when asked, and never when told not to', async () => {
    const dir = tempDir();
    await writeCandidateFile(join(dir, 'gem.jsonl'), { count: 30, seed: 5, format: 'jsonl', gemData: true });
    await writeCandidateFile(join(dir, 'flat.jsonl'), { count: 30, seed: 5, format: 'jsonl', gemData: false });
    const lines = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines('gem.jsonl').every((record) => typeof record.gemData === 'object')).toBe(true);
    expect(lines('flat.jsonl').some((record) => 'gemData' in record)).toBe(false);
    const { candidates } = await collect(join(dir, 'gem.jsonl'));
    expect(candidates[0]!.profile.extra).toHaveProperty('swarmData');
    expect(candidates[0]!.profile.currentTitle).not.toBeNull();
  });

  it('writes OpenAI batch lines whose system prompt is byte-identical at the front', async () => {
    const path = join(tempDir(), 'requests.jsonl');
    await writeCandidateFile(path, { count: 25, seed: 9, format: 'openai-jsonl', model: 'qwen2.5:7b' });
    const { requests } = await collect(path);
    expect(requests).toHaveLength(25);
    for (const request of requests) {
      const body = request.body as { model: string; messages: Array<{ role: string; content: string }> };
      expect(body.model).toBe('qwen2.5:7b');
      expect(body.messages[0]).toEqual({ role: 'system', content: sampleEvaluationPrompt });
      expect(body.messages[1]!.content).toMatch(/^Name: .+\n/);
    }
  });

  it('injects every defect where its manifest says, and the reader reports each one there', async () => {
    for (const format of formats) {
      const kinds = defectKinds.filter((kind) => (format === 'openai-jsonl' ? kind !== 'no-profile' : kind !== 'unsupported-url' && kind !== 'missing-model'));
      const path = join(tempDir(), `defects.${extension(format)}`);
      const manifest = await writeCandidateFile(path, { count: 30, seed: 21, format, detail: 'compact', hugeLineBytes: 200_000, defects: kinds.map((kind, index) => ({ kind, at: 1 + index * 3 })) });
      const { candidates, requests, problems } = await collect(path, { maxLineBytes: 100_000 });
      expect(candidates.length + requests.length, format).toBe(manifest.records);
      expect(
        problems.map(({ line, fileLine, code, field, severity }) => ({ line, fileLine, code, field, severity })),
        format,
      ).toEqual(manifest.defects.map(({ line, fileLine, code, field, severity }) => ({ line, fileLine, code, field, severity })));
      expect(problems.every((problem) => problem.file === `defects.${extension(format)}`)).toBe(true);
    }
  });

  it('refuses a defect that the format cannot carry', async () => {
    await expect(writeCandidateFile(join(tempDir(), 'x.jsonl'), { count: 3, seed: 1, format: 'jsonl', defects: [{ kind: 'missing-model', at: 1 }] })).rejects.toThrow(/openai-jsonl/);
    await expect(writeCandidateFile(join(tempDir(), 'y.jsonl'), { count: 3, seed: 1, format: 'openai-jsonl', defects: [{ kind: 'duplicate-id', at: 0 }] })).rejects.toThrow(/at >= 1/);
  });
});
