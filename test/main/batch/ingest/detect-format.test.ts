import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../main/batch/ingest';
import { useTempDirs } from '../../../support/temp-dir';
import { chatLine, collect, fileWith } from './collect';

describe('detectFormat', () => {
  const tempDir = useTempDirs();

  it('tells the four formats apart by their content', async () => {
    const dir = tempDir();
    const cases: Array<[string, string, string]> = [
      ['requests.jsonl', `${chatLine('a')}\n`, 'openai-jsonl'],
      ['people.json', '[{"name": "Ann"}]', 'candidates-json'],
      ['people.jsonl', '{"name": "Ann"}\n{"name": "Bo"}\n', 'candidates-jsonl'],
      ['people.csv', 'name,title\nAnn,Chef\n', 'candidates-csv'],
      ['requests.json', `${chatLine('a')}\n`, 'openai-jsonl'],
      ['array.jsonl', '[\n  {"name": "Ann"}\n]\n', 'candidates-json'],
      ['export.txt', 'name;title\nAnn;Chef\n', 'candidates-csv'],
      ['no-extension', '{"full_name": "Ann"}\n', 'candidates-jsonl'],
      ['first-line-broken.jsonl', `{"custom_id": \n${chatLine('b')}\n`, 'openai-jsonl'],
    ];
    for (const [name, content, format] of cases) {
      expect(await detectFormat(fileWith(dir, name, content)), name).toMatchObject({ ok: true, format });
    }
    expect(await detectFormat(fileWith(dir, 'semi.csv', 'a;b;c\n1;2;3\n'))).toMatchObject({ delimiter: ';' });
  });

  it('refuses a file that is not what its name says', async () => {
    const dir = tempDir();
    const csvAsJson = await detectFormat(fileWith(dir, 'candidates.json', 'name,title,company\nAnn,Chef,Bistro\n'));
    expect(csvAsJson).toMatchObject({ ok: false, problem: { file: 'candidates.json', line: 1, code: 'wrong-format' } });
    expect(csvAsJson.ok ? '' : csvAsJson.problem.message).toBe('candidates.json is named .json but holds CSV (it starts with "name,title,company"): rename it to .csv, or export JSON.');
    expect(await detectFormat(fileWith(dir, 'people.csv', '[{"name": "Ann"}]'))).toMatchObject({ ok: false, problem: { code: 'wrong-format' } });
    expect(await detectFormat(fileWith(dir, 'page.json', '<!doctype html><html></html>'))).toMatchObject({ ok: false, problem: { code: 'wrong-format' } });
    const pretty = await detectFormat(fileWith(dir, 'one.json', '{\n  "name": "Ann"\n}\n'));
    expect(pretty.ok ? '' : pretty.problem.message).toContain('holds one JSON object');
  });

  it('refuses empty, blank, binary and UTF-16 files with a reason a person can act on', async () => {
    const dir = tempDir();
    const problemOf = async (name: string, content: string | Buffer) => {
      const detected = await detectFormat(fileWith(dir, name, content));
      if (detected.ok) throw new Error(`${name} was accepted`);
      return detected.problem;
    };
    expect(await problemOf('empty.jsonl', '')).toMatchObject({ code: 'empty-file', line: 0, message: 'empty.jsonl is empty: export the file again, or pick another one.' });
    expect(await problemOf('blank.csv', '\n  \r\n\n')).toMatchObject({ code: 'empty-file' });
    const utf16 = await problemOf('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,title\nAnn,Chef\n', 'utf16le')]));
    expect(utf16).toMatchObject({ code: 'wrong-encoding' });
    expect(utf16.message).toContain('save it as UTF-8');
    expect(await problemOf('utf16-nobom.csv', Buffer.from('name,title\nAnn,Chef\n', 'utf16le'))).toMatchObject({ code: 'wrong-encoding' });
    expect((await problemOf('utf16be.json', Buffer.from([0xfe, 0xff, 0x00, 0x5b, 0x00, 0x5d]))).message).toContain('UTF-16');
    expect(await problemOf('random.bin', Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)))).toMatchObject({ code: 'binary-file' });
    expect((await problemOf('sheet.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).message).toContain('export the sheet as CSV UTF-8');
    expect((await problemOf('cv.json', Buffer.from('%PDF-1.7\n%\xe2\xe3\n', 'latin1'))).message).toContain('PDF');
    const latin1 = await problemOf('latin1.csv', Buffer.from('name,city\nJosé,Málaga\nRenée,Nîmes\nFrançois,Orléans\n', 'latin1'));
    expect(latin1).toMatchObject({ code: 'wrong-encoding', line: 2 });
    expect(latin1.message).toContain('not UTF-8');
    expect(await problemOf('nul-header.jsonl', Buffer.from('{"a":\u0000 1}\n{"b": 2}\n'))).toMatchObject({ code: 'binary-file', line: 1 });
  });

  it('says plainly when the path cannot be read', async () => {
    const dir = tempDir();
    expect(await detectFormat(join(dir, 'missing.jsonl'))).toMatchObject({ ok: false, problem: { code: 'unreadable', message: 'missing.jsonl cannot be read: there is no such file.' } });
    mkdirSync(join(dir, 'folder.json'));
    expect(await detectFormat(join(dir, 'folder.json'))).toMatchObject({ ok: false, problem: { code: 'unreadable' } });
  });

  it('ends a refused file with one problem and an end record that still fingerprints it', async () => {
    const path = fileWith(tempDir(), 'wrong.json', 'id,name\n1,Ann\n');
    const { problems, end, candidates } = await collect(path);
    expect(candidates).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(end).toMatchObject({ format: null, fatal: true, problems: 1, records: 0, bytes: 14, lines: 2 });
  });

  it('accepts a format the analyst confirmed, whatever the name', async () => {
    const path = fileWith(tempDir(), 'export.json', 'name,title\nAnn,Chef\n');
    const { candidates, end } = await collect(path, { format: 'candidates-csv' });
    expect(candidates).toHaveLength(1);
    expect(end.format).toBe('candidates-csv');
  });
});
