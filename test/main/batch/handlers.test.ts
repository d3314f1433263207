import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { evaluationMessages, loadBundledTemplate } from '../../../main/batch/evaluation';
import type { SourceRecord } from '../../../main/batch/service';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useTempDirs } from '../../support/temp-dir';

async function* candidates(count: number): AsyncGenerator<SourceRecord> {
  const template = loadBundledTemplate();
  for (let index = 0; index < count; index += 1) {
    const profile = { name: `Candidate ${index}`, currentTitle: 'Data Analyst', experience: [{ title: 'Analyst', company: 'Acme' }] };
    yield {
      kind: 'item',
      customId: `cand-${index}`,
      sourceLine: index + 2,
      request: { url: '/v1/chat/completions', body: { model: 'llama3.1:8b', messages: evaluationMessages(template, profile) }, template: { id: template.id, version: template.version } },
    };
  }
}

describe('batch methods through the contract', () => {
  const tempDir = useTempDirs();
  let standin: OllamaStandin;
  let app: App;
  beforeEach(async () => {
    standin = await startOllamaStandin({ numParallel: 4 });
    app = createApp({ dataDir: tempDir(), ollamaHost: standin.url, monitor: false, manageEngine: false, runBatches: true }, () => {});
  });
  afterEach(async () => {
    await app.close();
    await standin.close();
  });

  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await app.dispatch(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };

  it('evaluates candidates with the template schema, and lists, filters and opens the results', async () => {
    const batch = await app.batches.submit({ kind: 'candidates', endpoint: '/v1/chat/completions', sourceName: 'people.csv', template: { id: 'candidate-evaluation', version: '1' }, model: 'llama3.1:8b' }, candidates(12));
    await expect.poll(async () => (await call<{ summary: { status: string } }>('batch.get', { id: batch.id })).summary.status, { timeout: 20_000 }).toBe('completed');
    const page = await call<{ total: number; items: Array<{ overall: number | null; recommendation: string | null; customId: string; education: number | null; rationale: string | null }> }>('batch.items', { id: batch.id, limit: 5, sort: 'overall', descending: true });
    expect(page.total).toBe(12);
    expect(page.items).toHaveLength(5);
    for (const item of page.items) {
      expect(item.overall).toBeGreaterThanOrEqual(1);
      expect(['strong_yes', 'yes', 'maybe', 'no']).toContain(item.recommendation);
      expect(item.education).toBeGreaterThanOrEqual(1);
      expect(item.rationale?.length).toBeGreaterThan(0);
    }
    const overalls = page.items.map((item) => item.overall!);
    expect(overalls).toEqual([...overalls].sort((a, b) => b - a));
    const found = await call<{ total: number }>('batch.items', { id: batch.id, search: 'cand-1' });
    expect(found.total).toBe(3); // cand-1, cand-10, cand-11
    const one = await call<{ request: { body: { messages: Array<{ role: string; content: string }> } }; response: { choices: Array<{ message: { content: string } }> } }>('batch.item', { id: batch.id, seq: 3 });
    expect(one.request.body.messages[0]!.role).toBe('system');
    expect(JSON.parse(one.response.choices[0]!.message.content)).toHaveProperty('rationale');
    const details = await call<{ events: Array<{ kind: string }> }>('batch.get', { id: batch.id });
    expect(details.events.map((event) => event.kind)).toContain('completed');
  });

  it('answers plainly for an unknown batch or item', async () => {
    expect(await app.dispatch('batch.get', { id: 'batch_nope' })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'No batch batch_nope' } });
    expect(await app.dispatch('batch.pause', { id: '' })).toMatchObject({ ok: false, error: { field: 'id' } });
  });
});
