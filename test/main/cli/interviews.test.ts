import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';
import { dataEngineerCv, seniorDataEngineerJd } from '../interviews/kits/fixtures';

/** An Ollama host nothing answers on: the CLI must work from the guide and the lexicon. */
const noEngine = { OLLAMA_HOST: 'http://127.0.0.1:9' };

async function cli(dataDir: string, ...args: string[]) {
  const result = await runCli([...args, '--data-dir', dataDir], noEngine);
  if (result.code !== 0) throw new Error(`cli ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

describe('cli: interviews', () => {
  const tempDir = useTempDirs();

  // Nine CLI runs, each a Node start with tsx: slow on a busy two-core machine.
  it('lists, analyses, writes reports and the aggregate, as a child process with no engine', { timeout: 90_000 }, async () => {
    const dataDir = tempDir();
    const created = JSON.parse(await cli(dataDir, 'call', 'interviews.create', JSON.stringify({ employeeName: 'Ana Ruiz', department: 'Support', tenureMonths: 30 }), '--json')) as { id: string };
    await cli(dataDir, 'call', 'interviews.start', JSON.stringify({ id: created.id }), '--json');
    await cli(dataDir, 'call', 'interviews.answer', JSON.stringify({ id: created.id, text: 'I was underpaid and the salary never kept up with the market.' }), '--json');
    await cli(dataDir, 'call', 'interviews.end', JSON.stringify({ id: created.id }), '--json');

    expect(await cli(dataDir, 'interviews', 'list')).toMatch(new RegExp(`${created.id.slice(0, 8)}\\s+ended\\s+Ana Ruiz\\s+Support\\s+1 answers`));
    const analysis = await cli(dataDir, 'interviews', 'analyse', created.id);
    expect(analysis).toMatch(/Primary reason:\s+Pay and benefits/);
    expect(analysis).toMatch(/Made by:\s+lexicon/);

    const pdfPath = join(dataDir, 'ana.pdf');
    expect(await cli(dataDir, 'interviews', 'report', created.id, '--format', 'pdf', '--out', pdfPath)).toMatch(/Wrote .*ana\.pdf/);
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const htmlPath = join(dataDir, 'ana.html');
    await cli(dataDir, 'interviews', 'report', created.id, '--out', htmlPath);
    expect(readFileSync(htmlPath, 'utf8')).toContain('underpaid');

    const today = new Date().toISOString().slice(0, 10);
    expect(await cli(dataDir, 'interviews', 'aggregate', '--from', today, '--to', today)).toMatch(/1 analysed interviews[\s\S]*Fewer than 5: nothing more is shown/);
    const csvPath = join(dataDir, 'agg.csv');
    await cli(dataDir, 'interviews', 'aggregate', '--from', today, '--to', today, '--out', csvPath);
    expect(readFileSync(csvPath, 'utf8')).toMatch(/^section,key,count/);
  });

  it('names what is wrong: a missing id, an unknown interview, a bad format', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const missing = await runCli(['interviews', 'report', '--data-dir', dataDir], noEngine);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/Name the interview/);
    const unknown = await runCli(['interviews', 'analyse', 'nope', '--data-dir', dataDir], noEngine);
    expect(unknown.stderr).toMatch(/No exit interview nope/);
    const format = await runCli(['interviews', 'report', 'nope', '--format', 'docx', '--data-dir', dataDir], noEngine);
    expect(format.stderr).toMatch(/format/);
  });
});

describe('cli: interview kits', () => {
  const tempDir = useTempDirs();

  it('makes a kit from two files with no engine, then exports it as Markdown', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const cvPath = join(dataDir, 'cv.md');
    const jdPath = join(dataDir, 'jd.txt');
    writeFileSync(cvPath, dataEngineerCv);
    writeFileSync(jdPath, seniorDataEngineerJd);
    const made = await cli(dataDir, 'kits', 'create', '--cv', cvPath, '--jd', jdPath, '--title', 'Senior data engineer');
    expect(made).toMatch(/^Senior data engineer \(English\) — ready, (\d+) of \1 questions/);
    expect(made).toMatch(/\[critical\] .*Kafka/i);
    const id = /Kit id: (\S+)/.exec(made)?.[1] ?? '';
    const out = join(dataDir, 'kit.md');
    await cli(dataDir, 'kits', 'export', id, '--format', 'markdown', '--out', out);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
    const refused = await runCli(['kits', 'create', '--cv', join(dataDir, 'missing.pdf'), '--jd', jdPath, '--data-dir', dataDir], noEngine);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/The CV \(missing\.pdf\) could not be found/);
  });
});
