import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../support/temp-dir';
import { collect, fileWith } from './collect';

const person = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id, full_name: `Person ${id}`, current_title: 'Analyst', ...extra });

describe('candidate JSON arrays', () => {
  const tempDir = useTempDirs();

  it('streams the elements, each with its index and the line it starts on', async () => {
    const text = JSON.stringify([person('a'), person('b'), { gemData: { first_name: 'Ann', last_name: 'Lee', positions: [] } }], null, 2);
    const path = fileWith(tempDir(), 'export.json', text);
    const { candidates, problems, end } = await collect(path);
    expect(problems).toEqual([]);
    expect(candidates.map(({ line, fileLine, customId }) => ({ line, fileLine, customId }))).toEqual([
      { line: 1, fileLine: 2, customId: 'a' },
      { line: 2, fileLine: 7, customId: 'b' },
      { line: 3, fileLine: 12, customId: 'row-3' },
    ]);
    expect(candidates[2]!.profile.name).toBe('Ann Lee');
    expect(end).toMatchObject({ format: 'candidates-json', records: 3, problems: 0, fatal: false });
  });

  it('goes on after a broken element, reporting where the error is', async () => {
    const path = fileWith(tempDir(), 'broken.json', [
      '[',
      JSON.stringify(person('a')) + ',',
      '{"id": "b",',
      '  "full_name": "Broken" "current_title": "x"},',
      JSON.stringify(person('c')),
      JSON.stringify(person('d')) + ',',
      ',',
      '"just a string",',
      JSON.stringify(person('e')),
      ']',
    ]);
    const { candidates, problems } = await collect(path);
    expect(candidates.map((candidate) => candidate.customId)).toEqual(['a', 'c', 'd', 'e']);
    expect(problems.map(({ line, fileLine, code }) => ({ line, fileLine, code }))).toEqual([
      { line: 2, fileLine: 3, code: 'malformed-json' },
      { line: 4, fileLine: 6, code: 'malformed-json' },
      { line: 5, fileLine: 7, code: 'malformed-json' },
      { line: 6, fileLine: 8, code: 'not-an-object' },
    ]);
    expect(problems[0]!.message).toMatch(/^Element 2 \(line 3\), at line 4 column \d+, is not valid JSON: Expected ',' or '}'/);
    expect(problems[1]!.message).toBe('Element 4 has no comma before it; it is read anyway.');
    expect(problems[2]!.message).toContain('Element 5 is empty');
  });

  it('says when the file is cut short, after handing on every complete element', async () => {
    const path = fileWith(tempDir(), 'cut.json', `[\n${JSON.stringify(person('a'))},\n${JSON.stringify(person('b'))},\n{"id": "c", "full_na`);
    const { candidates, problems, end } = await collect(path);
    expect(candidates.map((candidate) => candidate.customId)).toEqual(['a', 'b']);
    expect(problems).toMatchObject([{ line: 3, fileLine: 4, code: 'malformed-json' }]);
    expect(problems[0]!.message).toContain('cut off');
    expect(end.fatal).toBe(false);
  });

  it('notices a missing closing bracket and text after the array', async () => {
    const open = await collect(fileWith(tempDir(), 'open.json', `[${JSON.stringify(person('a'))}`));
    expect(open.candidates).toHaveLength(1);
    expect(open.problems[0]!.message).toContain('before the closing ]');
    const trailing = await collect(fileWith(tempDir(), 'trailing.json', `[${JSON.stringify(person('a'))}]\n{"id": "b"}\n`));
    expect(trailing.candidates).toHaveLength(1);
    expect(trailing.problems[0]!.message).toContain('text after the closing ]');
  });

  it('reads strings with escaped quotes, brackets and backslashes inside, across chunk boundaries', async () => {
    const tricky = person('t', { summary: 'He said "[{not json}]" \\ and left \\"', headline: '}]' + 'x'.repeat(2 * 1024 * 1024) });
    const path = fileWith(tempDir(), 'tricky.json', JSON.stringify([person('a'), tricky, person('z')]));
    const { candidates, problems } = await collect(path);
    expect(problems).toEqual([]);
    expect(candidates.map((candidate) => candidate.customId)).toEqual(['a', 't', 'z']);
    expect(candidates[1]!.profile.extra.summary).toBe(tricky.summary);
  });

  it('keeps an empty array quiet and a BOM harmless', async () => {
    const empty = await collect(fileWith(tempDir(), 'empty-array.json', '[]\n'));
    expect(empty.problems).toEqual([]);
    expect(empty.end).toMatchObject({ records: 0, fatal: false });
    const bom = await collect(fileWith(tempDir(), 'bom.json', `\uFEFF[${JSON.stringify(person('a'))}]`));
    expect(bom.candidates).toHaveLength(1);
  });
});
