// The nvidia-smi stand-in as an executable: XML that node-nvidia-smi parses, CSV queries, the
// error and no-driver exits, loops, and used memory that follows the Ollama stand-in.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NVIDIA_SMI_BIN, STANDIN_BIN, call, runNvidiaSmi } from '../support/harness.js';
import { startOllamaStandin, type OllamaStandin } from '../support/ollama/index.js';

type SmiCallback = (error: unknown, data: unknown) => void;
const nodeNvidiaSmi = createRequire(import.meta.url)('node-nvidia-smi') as (cb: SmiCallback) => void;

let ollama: OllamaStandin;
let env: NodeJS.ProcessEnv;
const savedPath = process.env.PATH;
beforeAll(async () => {
  ollama = await startOllamaStandin();
  env = { NVIDIA_SMI_STANDIN_OLLAMA: ollama.url };
  // node-nvidia-smi runs `nvidia-smi` from PATH with this process's environment.
  process.env.PATH = `${STANDIN_BIN}:${savedPath ?? ''}`;
  process.env.NVIDIA_SMI_STANDIN_OLLAMA = ollama.url;
});
afterAll(async () => {
  process.env.PATH = savedPath;
  delete process.env.NVIDIA_SMI_STANDIN_OLLAMA;
  await ollama.close();
});

const FIELDS = 'name,memory.total,memory.used,memory.free,utilization.gpu,temperature.gpu,power.draw,power.limit,driver_version';

async function usedMiB(): Promise<number> {
  const { stdout } = await runNvidiaSmi(['--query-gpu=memory.used', '--format=csv,noheader,nounits'], env);
  return Number(stdout.trim());
}

describe('nvidia-smi stand-in', () => {
  it('prints -q -x XML that node-nvidia-smi parses into the real shape', async () => {
    const data = await new Promise<unknown>((resolve, reject) => nodeNvidiaSmi((e, d) => (e ? reject(e) : resolve(d))));
    const log = (data as { nvidia_smi_log: Record<string, unknown> }).nvidia_smi_log;
    expect(log).toMatchObject({ driver_version: '550.54.14', cuda_version: '12.4', attached_gpus: '1' });
    const gpu = log.gpu as Record<string, Record<string, unknown> | string>;
    expect(gpu.product_name).toBe('NVIDIA GeForce RTX 4080');
    expect(gpu.uuid).toMatch(/^GPU-/);
    expect(gpu.fb_memory_usage).toMatchObject({ total: '16376 MiB', reserved: '307 MiB', used: '600 MiB' });
    expect(gpu.utilization).toHaveProperty('gpu_util');
    expect(gpu.temperature).toHaveProperty('gpu_temp');
    expect(gpu.gpu_power_readings).toMatchObject({ current_power_limit: '320.00 W' });
    expect((gpu.gpu_power_readings as Record<string, string>).power_draw).toMatch(/^\d+\.\d\d W$/);
  }, 20_000);

  it('answers --query-gpu in the order asked, with and without header and units', async () => {
    const withUnits = await runNvidiaSmi([`--query-gpu=${FIELDS}`, '--format=csv'], env);
    expect(withUnits.code).toBe(0);
    const [header, row] = withUnits.stdout.trim().split('\n');
    expect(header).toBe('name, memory.total [MiB], memory.used [MiB], memory.free [MiB], utilization.gpu [%], temperature.gpu, power.draw [W], power.limit [W], driver_version');
    expect(row).toMatch(/^NVIDIA GeForce RTX 4080, 16376 MiB, \d+ MiB, \d+ MiB, \d+ %, \d+, \d+\.\d\d W, 320\.00 W, 550\.54\.14$/);
    const bare = await runNvidiaSmi([`--query-gpu=${FIELDS}`, '--format=csv,noheader,nounits'], env);
    const cells = bare.stdout.trim().split(', ');
    expect(bare.stdout.trim().split('\n')).toHaveLength(1);
    expect(cells[0]).toBe('NVIDIA GeForce RTX 4080');
    expect(Number(cells[1])).toBe(16376);
    expect(Number(cells[2]) + Number(cells[3]) + 307).toBe(16376); // used + free + reserved
  }, 20_000);

  it('rejects an unknown field with the real message and exit 2', async () => {
    const result = await runNvidiaSmi(['--query-gpu=name,bogus.field', '--format=csv'], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Field "bogus.field" is not a valid field to query.');
  }, 20_000);

  it('imitates a machine without a driver: message and exit 9', async () => {
    const result = await runNvidiaSmi(['-q', '-x'], { ...env, NVIDIA_SMI_STANDIN_MODE: 'no-driver' });
    expect(result.code).toBe(9);
    expect(result.stdout).toContain("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.");
  }, 20_000);

  it('shows more used memory, and the Ollama process, once a model is loaded', async () => {
    const before = await usedMiB();
    expect(before).toBe(600);
    await call(ollama.url, '/api/generate', { model: 'llama3.1:8b', prompt: '' });
    const ps = (await (await call(ollama.url, '/api/ps')).json()) as { models: Array<{ size_vram: number }> };
    const vramMiB = Math.ceil((ps.models[0]?.size_vram ?? 0) / 1024 / 1024);
    expect(await usedMiB()).toBe(before + vramMiB);
    const apps = await runNvidiaSmi(['--query-compute-apps=pid,process_name,used_memory', '--format=csv,noheader,nounits'], env);
    expect(apps.stdout.trim()).toBe(`${process.pid}, /usr/local/bin/ollama, ${vramMiB}`);
    await call(ollama.url, '/api/generate', { model: 'llama3.1:8b', keep_alive: 0 });
    expect(await usedMiB()).toBe(before);
  }, 30_000);

  it('reports the card busy (high utilisation, power, P2) while Ollama answers', async () => {
    ollama.configure({ paused: true }); // holds the request in its slot: "answering" for as long as needed
    const pending = call(ollama.url, '/api/chat', { model: 'llama3.1:8b', messages: [{ role: 'user', content: 'hi' }], stream: false, keep_alive: 0 });
    await expect.poll(() => ollama.state().activeRequests, { timeout: 5000, interval: 10 }).toBe(1);
    const busy = await runNvidiaSmi(['--query-gpu=utilization.gpu,power.draw,pstate', '--format=csv,noheader,nounits'], env);
    ollama.configure({ paused: false });
    expect((await pending).status).toBe(200);
    const [util, power, pstate] = busy.stdout.trim().split(', ');
    expect(Number(util)).toBeGreaterThanOrEqual(90);
    expect(Number(power)).toBeGreaterThan(200);
    expect(pstate).toBe('P2');
  }, 20_000);

  it('shows the baseline only when Ollama is unreachable', async () => {
    const result = await runNvidiaSmi(['--query-gpu=memory.used', '--format=csv,noheader,nounits'], { NVIDIA_SMI_STANDIN_OLLAMA: 'http://127.0.0.1:9' });
    expect(result.stdout.trim()).toBe('600');
  }, 20_000);

  it('loops with -lms until killed', async () => {
    const child = spawn(NVIDIA_SMI_BIN, ['--query-gpu=utilization.gpu', '--format=csv,noheader', '-lms', '50'], { env: { ...process.env, ...env } });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (out.split('\n').filter(Boolean).length >= 4) resolve();
      });
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(out.split('\n').filter(Boolean).slice(0, 4).every((l) => /^\d+ %$/.test(l))).toBe(true);
  }, 20_000);

  it('lists GPUs with -L and prints the summary table', async () => {
    const [list, table] = await Promise.all([runNvidiaSmi(['-L'], env), runNvidiaSmi([], env)]);
    expect(list.stdout).toMatch(/^GPU 0: NVIDIA GeForce RTX 4080 \(UUID: GPU-[0-9a-f-]+\)\n$/);
    expect(table.stdout).toContain('Driver Version: 550.54.14');
    expect(table.stdout).toContain('600MiB / 16376MiB');
  }, 20_000);
});
