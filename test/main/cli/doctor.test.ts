import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../main/db/open';
import { latestSchemaVersion } from '../../../main/db/migrations/index';
import { freePort, spawnOllama, STANDIN_BIN, type SpawnedOllama } from '../../support/harness';
import { pathWithoutGpu, runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

describe('cli doctor', () => {
  const tempDir = useTempDirs();
  let ollama: SpawnedOllama;
  beforeAll(async () => {
    ollama = await spawnOllama();
  });
  afterAll(async () => {
    await ollama?.stop();
  });

  const withStandins = () => ({ OLLAMA_HOST: ollama.url, PATH: `${STANDIN_BIN}:${process.env.PATH ?? ''}` });

  it('reports the stand-ins: Ollama version and models, the 16 GB GPU, the database', async () => {
    const dataDir = tempDir();
    // Load a model so the loaded list and the VRAM both have something to show.
    await fetch(`${ollama.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'llama3.1:8b', keep_alive: '5m' }) });
    const result = await runCli(['doctor', '--json', '--data-dir', dataDir], withStandins());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
    expect(report.engine).toMatchObject({ reachable: true, version: '0.12.3', problem: null });
    expect((report.engine!.installed as Array<{ name: string }>).map((model) => model.name)).toContain('llama3.1:8b');
    expect((report.engine!.loaded as Array<{ name: string }>).map((model) => model.name)).toEqual(['llama3.1:8b']);
    expect(report.gpu).toMatchObject({ present: true, name: 'NVIDIA GeForce RTX 4080', vramTotalMiB: 16376 });
    // The stand-in's used memory follows the loaded model (about 4.9 GB) over its desktop baseline.
    expect(report.gpu!.vramUsedMiB as number).toBeGreaterThan(4000);
    expect(report.database).toMatchObject({ path: join(dataDir, databaseFileName), schemaVersion: latestSchemaVersion, journalMode: 'wal' });
  });

  it('prints a readable report without --json', async () => {
    const result = await runCli(['doctor', '--data-dir', tempDir()], withStandins());
    expect(result.stdout).toMatch(/Engine +ok +Ollama 0\.12\.3/);
    expect(result.stdout).toMatch(/GPU +ok +NVIDIA GeForce RTX 4080: \d+ of 16376 MiB/);
  });

  it('says plainly when Ollama is unreachable and when there is no GPU', async () => {
    const closedPort = await freePort();
    const result = await runCli(['doctor', '--json', '--data-dir', tempDir()], { OLLAMA_HOST: `127.0.0.1:${closedPort}`, PATH: pathWithoutGpu });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
    expect(report.engine).toMatchObject({ reachable: false, problem: expect.stringMatching(/Ollama is not running at http:\/\/127\.0\.0\.1:\d+: start it/) });
    expect(report.gpu).toMatchObject({ present: false, problem: expect.stringMatching(/No NVIDIA GPU found/) });
  });

  it('says plainly when the NVIDIA driver does not answer', async () => {
    const result = await runCli(['doctor', '--json', '--data-dir', tempDir()], { ...withStandins(), NVIDIA_SMI_STANDIN_MODE: 'no-driver' });
    const report = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
    expect(report.gpu).toMatchObject({ present: false, problem: expect.stringMatching(/driver is not answering/) });
  });

  it('fails with a clear message on a corrupt database file', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, databaseFileName), 'this is not a database');
    const result = await runCli(['doctor', '--data-dir', dataDir], withStandins());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a SQLite database/);
  });

  it('takes the data folder from TW_DATA_DIR', async () => {
    const dataDir = tempDir();
    const result = await runCli(['doctor', '--json'], { ...withStandins(), TW_DATA_DIR: dataDir });
    expect((JSON.parse(result.stdout) as { dataDir: string }).dataDir).toBe(dataDir);
  });
});
