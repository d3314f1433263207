import { describe, expect, it } from 'vitest';
import { errorLines, outputBytes, outputLines, resultsCsvLines } from '../../../main/batch/export';
import { csvCell } from '../../../main/batch/export-lines';
import type { SourceRecord } from '../../../main/batch/service';
import { useBatchRig } from './fixture';

const collect = async (lines: AsyncIterable<string>): Promise<string[]> => {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
};

/** Custom ids that need escaping in JSON and CSV, and one request for a model that does not exist. */
async function* awkwardItems(): AsyncGenerator<SourceRecord> {
  const ids = ['plain', 'quote"inside', 'ünïcödé, with comma', '=HYPERLINK("x")', 'line\nbreak'];
  for (const [index, customId] of ids.entries()) {
    yield { kind: 'item', customId, sourceLine: index + 1, request: { url: '/v1/chat/completions', body: { model: 'llama3.1:8b', messages: [{ role: 'user', content: `Q${index}` }] } } };
  }
  yield { kind: 'item', customId: 'ghost', sourceLine: 6, request: { url: '/v1/chat/completions', body: { model: 'no-such:1b', messages: [{ role: 'user', content: 'hi' }] } } };
}

describe('batch export', () => {
  const rig = useBatchRig();

  it('writes output, error and CSV lines a page at a time, stable across downloads, with sizes counted exactly', async () => {
    const r = await rig();
    const batch = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'awkward.jsonl' }, awkwardItems());
    await expect.poll(() => r.service.summary(batch.id).status, { timeout: 20_000 }).toBe('completed');

    const output = await collect(outputLines(r.db, batch.id));
    expect(output).toHaveLength(5);
    expect(output.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    expect(output.map((line) => (JSON.parse(line) as { custom_id: string }).custom_id)).toContain('line\nbreak');
    expect(await outputBytes(r.db, batch.id)).toBe(Buffer.byteLength(output.join('')));
    expect(await collect(outputLines(r.db, batch.id))).toEqual(output);

    const errors = (await collect(errorLines(r.db, batch.id))).map((line) => JSON.parse(line) as { custom_id: string; response: { status_code: number } });
    expect(errors).toEqual([expect.objectContaining({ custom_id: 'ghost', response: expect.objectContaining({ status_code: 404 }) })]);

    const csv = (await collect(resultsCsvLines(r.db, batch.id))).join('');
    expect(csv).toContain('"quote""inside",done,');
    expect(csv).toContain(`"ünïcödé, with comma",done,`);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",done,`);
    expect(csv).toMatch(/\nghost,failed,,,,,,,,,,[^\n]*no-such:1b/);
  });

  it('says which batch is missing', async () => {
    const r = await rig();
    await expect(collect(outputLines(r.db, 'batch_nope'))).rejects.toThrow(/No batch batch_nope/);
  });

  it('quotes CSV cells only where needed and defuses formulas', () => {
    expect(csvCell('simple')).toBe('simple');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('-1 hire')).toBe("'-1 hire");
    expect(csvCell(7)).toBe('7');
    expect(csvCell(null)).toBe('');
  });
});
