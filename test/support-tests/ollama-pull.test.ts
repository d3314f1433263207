// /api/pull in the Ollama stand-in: progress lines per layer, the end statuses, unknown
// models, stream:false, and resuming a pull that a client abandoned half way.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_MISSING, startOllamaStandin, type OllamaStandin } from '../support/ollama/index.js';
import { call, ndjsonLines, readNdjson } from '../support/harness.js';

let ollama: OllamaStandin;
beforeAll(async () => { ollama = await startOllamaStandin(); });
afterAll(async () => { await ollama.close(); });
beforeEach(() => ollama.reset());

async function tagNames(): Promise<string[]> {
  const body = (await (await call(ollama.url, '/api/tags')).json()) as { models: Array<{ name: string }> };
  return body.models.map((m) => m.name);
}

describe('ollama stand-in: pull', () => {
  it('streams manifest, per-layer progress, verify, write, success; then the model is installed', async () => {
    const res = await call(ollama.url, '/api/pull', { model: 'llama3.2:3b' });
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = await readNdjson(res);
    expect(lines[0]).toEqual({ status: 'pulling manifest' });
    expect(lines.slice(-3)).toEqual([{ status: 'verifying sha256 digest' }, { status: 'writing manifest' }, { status: 'success' }]);
    const progress = lines.filter((l) => String(l.status).startsWith('pulling ') && l.digest !== undefined);
    const digests = [...new Set(progress.map((l) => l.digest))];
    expect(digests.length).toBe(5);
    const weights = progress.filter((l) => l.digest === digests[0]);
    expect(weights.length).toBeGreaterThan(3);
    const completed = weights.map((l) => Number(l.completed ?? 0));
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
    expect(completed.at(-1)).toBe(weights[0]?.total);
    expect(String(weights[0]?.status)).toBe(`pulling ${String(digests[0]).slice(7, 19)}`);
    expect(await tagNames()).toContain('llama3.2:3b');
  });

  it('answers once at the end with stream:false', async () => {
    const res = await call(ollama.url, '/api/pull', { model: 'mistral:7b', stream: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'success' });
    expect(await tagNames()).toContain('mistral:7b');
  });

  it('fails for a model the registry does not have', async () => {
    const streamed = await readNdjson(await call(ollama.url, '/api/pull', { model: 'no-such-model:1b' }));
    expect(streamed).toEqual([{ status: 'pulling manifest' }, { error: MANIFEST_MISSING }]);
    const single = await call(ollama.url, '/api/pull', { model: 'no-such-model:1b', stream: false });
    expect(single.status).toBe(500);
    expect(await single.json()).toEqual({ error: 'pull model manifest: file does not exist' });
  });

  it('stops when the client goes away and resumes from the bytes already there', async () => {
    ollama.configure({ pullBytesPerSec: 200_000_000 }); // ~10 s for 2 GB: plenty of time to abort
    const controller = new AbortController();
    const res = await fetch(`${ollama.url}/api/pull`, { method: 'POST', body: JSON.stringify({ model: 'llama3.2:3b' }), signal: controller.signal });
    let lastSeen = 0;
    let seenLines = 0;
    try {
      for await (const line of ndjsonLines(res)) {
        if (typeof line.completed === 'number') {
          lastSeen = line.completed;
          seenLines += 1;
        }
        if (seenLines === 3) controller.abort();
      }
    } catch (error) {
      expect((error as Error).name).toBe('AbortError');
    }
    expect(lastSeen).toBeGreaterThan(0);
    const partial = ollama.state().partialPulls['llama3.2:3b'] ?? 0;
    expect(partial).toBeGreaterThanOrEqual(lastSeen);
    expect(await tagNames()).not.toContain('llama3.2:3b');

    ollama.configure({ pullBytesPerSec: 1e12 });
    const again = await readNdjson(await call(ollama.url, '/api/pull', { model: 'llama3.2:3b' }));
    const firstProgress = again.find((l) => typeof l.total === 'number');
    expect(Number(firstProgress?.completed)).toBeGreaterThanOrEqual(lastSeen);
    expect(again.at(-1)).toEqual({ status: 'success' });
    expect(ollama.state().partialPulls).toEqual({});
  });

  it('re-pulling an installed model finds every layer complete', async () => {
    const lines = await readNdjson(await call(ollama.url, '/api/pull', { model: 'llama3.1:8b' }));
    const progress = lines.filter((l) => typeof l.total === 'number');
    expect(progress.every((l) => l.completed === l.total)).toBe(true);
    expect(lines.at(-1)).toEqual({ status: 'success' });
  });
});
