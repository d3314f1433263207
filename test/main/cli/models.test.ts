import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnOllama, type SpawnedOllama } from '../../support/harness';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

describe('cli models and metrics', () => {
  const tempDir = useTempDirs();
  let ollama: SpawnedOllama;
  beforeAll(async () => {
    ollama = await spawnOllama({ OLLAMA_STANDIN_PULL_BPS: '2000000000' });
  });
  afterAll(async () => {
    await ollama?.stop();
  });

  it('lists installed models and pulls one with progress on stderr', async () => {
    const env = { OLLAMA_HOST: ollama.url };
    const dataDir = tempDir();
    const list = await runCli(['models:list', '--data-dir', dataDir], env);
    expect(list.stdout).toMatch(/llama3\.1:8b +\d+\.\d+ GiB/);
    expect(list.stdout).not.toContain('llama3.2:3b');
    const pull = await runCli(['models:pull', 'llama3.2:3b', '--data-dir', dataDir], env);
    expect(pull.code).toBe(0);
    expect(pull.stderr).toMatch(/llama3\.2:3b: pulling \w+ \d+% \(.* MB\/s/);
    expect(pull.stdout).toBe('llama3.2:3b is installed.\n');
    expect((await runCli(['models:list', '--data-dir', dataDir], env)).stdout).toContain('llama3.2:3b');
  });

  it('fails a pull of an unknown model with a plain message', async () => {
    const pull = await runCli(['models:pull', 'no-such-model:1b', '--data-dir', tempDir()], { OLLAMA_HOST: ollama.url });
    expect(pull.code).toBe(1);
    expect(pull.stderr).toMatch(/not in the Ollama library: check the name/);
  });

  it('asks for --yes before deleting a model', async () => {
    const refused = await runCli(['models:delete', 'qwen2.5:7b', '--data-dir', tempDir()], { OLLAMA_HOST: ollama.url });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/confirm/);
  });

  it('prints the metrics summary, and says so when there is nothing yet', async () => {
    const empty = await runCli(['metrics', '--data-dir', tempDir()], { OLLAMA_HOST: ollama.url });
    expect(empty.stdout).toMatch(/^No model calls recorded between/);
  });
});
