import { describe, expect, it } from 'vitest';
import { parseAssignments } from '../../../main/cli/commands';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

describe('cli', () => {
  const tempDir = useTempDirs();

  it('lists the commands with --help and explains each one', async () => {
    const overview = await runCli(['--help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/doctor +Check Ollama/);
    const doctor = await runCli(['doctor', '--help']);
    expect(doctor.stdout).toMatch(/Usage: npm run cli -- doctor/);
    expect(doctor.stdout).toMatch(/--data-dir DIR/);
  });

  it('exits non-zero with a message for an unknown command or option', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
    const badOption = await runCli(['doctor', '--colour']);
    expect(badOption.code).not.toBe(0);
    expect(badOption.stderr).toMatch(/--colour/);
  });

  it('sets and reads settings, and refuses an invalid one naming it', async () => {
    const dataDir = tempDir();
    const set = await runCli(['settings:set', 'parallelSlots=2', 'models.batch=qwen2.5:7b', '--json', '--data-dir', dataDir]);
    expect(set.code).toBe(0);
    const read = await runCli(['settings:get', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(read.stdout)).toMatchObject({ parallelSlots: 2, models: { batch: 'qwen2.5:7b' } });
    const bad = await runCli(['settings:set', 'kvCacheType=q2', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/kvCacheType/);
  });

  it('asks for --yes before resetting', async () => {
    const dataDir = tempDir();
    await runCli(['settings:set', 'retentionDays=5', '--data-dir', dataDir]);
    const refused = await runCli(['settings:reset', '--data-dir', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/confirm/);
    const reset = await runCli(['settings:reset', '--yes', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(reset.stdout)).toMatchObject({ retentionDays: 90 });
  });

  it('parses KEY=VALUE words into a nested patch, JSON where it parses', () => {
    expect(parseAssignments(['a=1', 'b.c=text', 'd=true', 'e=-1'])).toEqual({ a: 1, b: { c: 'text' }, d: true, e: -1 });
    expect(() => parseAssignments(['novalue'])).toThrow(/key=value/);
  });
});
