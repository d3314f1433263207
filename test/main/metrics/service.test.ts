import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useTempDirs } from '../../support/temp-dir';

describe('metrics over calls the LLM client recorded', () => {
  const tempDir = useTempDirs();
  let standin: OllamaStandin;
  let app: App;

  beforeEach(async () => {
    standin = await startOllamaStandin();
    app = createApp({ dataDir: tempDir(), ollamaHost: standin.url, monitor: false, manageEngine: false }, () => {});
  });
  afterEach(async () => {
    await app.close();
    await standin.close();
  });

  const ask = (content: string) =>
    app.llm.chat({
      feature: 'interviews',
      model: 'llama3.1:8b',
      template: { id: 'test.ask', version: '1' },
      messages: [{ role: 'user', content }],
    });

  it('summarises real calls per operation and model, with errors by kind and tokens', async () => {
    await ask('What motivates you?');
    await ask('Tell me about a conflict you resolved.');
    standin.setFault({ kind: 'oom', count: 10 });
    await expect(ask('This one runs out of memory.')).rejects.toMatchObject({ kind: 'out-of-memory' });
    standin.clearFaults();
    await app.llm.embed({ feature: 'skills', model: 'nomic-embed-text', input: ['empathy', 'resilience'] });

    const result = await app.dispatch('metrics.summary', { minutes: 60 });
    expect(result.ok).toBe(true);
    const summary = (result as { ok: true; value: { rows: Array<Record<string, unknown>>; total: Record<string, unknown> } }).value;
    const chat = summary.rows.find((row) => row.group === 'chat' && row.model === 'llama3.1:8b')!;
    expect(chat).toMatchObject({ count: 3, errorsByKind: { 'out-of-memory': 1 }, cacheHitRate: 0 });
    expect(chat.errorRate).toBeCloseTo(1 / 3, 9);
    expect(chat.tokensOut as number).toBeGreaterThan(0);
    expect(chat.tokensPerSecond as number).toBeGreaterThan(0);
    expect(chat.p50Ms as number).toBeGreaterThan(0);
    expect(summary.rows.find((row) => row.group === 'embed')).toMatchObject({ model: 'nomic-embed-text', count: 1 });
    expect(summary.total).toMatchObject({ count: 4 });

    const byFeature = await app.dispatch('metrics.summary', { minutes: 60, groupBy: 'feature-model' });
    expect(JSON.stringify(byFeature)).toContain('"group":"interviews"');
  });

  it('exports the summary as CSV', async () => {
    await ask('Hello');
    const result = await app.dispatch('metrics.csv', {});
    const { fileName, csv } = (result as { ok: true; value: { fileName: string; csv: string } }).value;
    expect(fileName).toMatch(/^talent-workstation-metrics-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^chat,llama3\.1:8b,1,/);
  });

  it('refuses a window outside its bounds, naming the field', async () => {
    expect(await app.dispatch('metrics.summary', { minutes: 0 })).toMatchObject({ ok: false, error: { field: 'minutes' } });
  });
});
