import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import type { SpawnedOllama } from '../support/harness';
import { launchBrowser, type Browser } from './support/browser';
import { useServedApp } from './support/served-app';
import { startServe, type ServeProcess } from './support/serve-process';

const screenshots = join(process.cwd(), 'test-results', 'e2e');
const soon = { timeout: 10_000, interval: 100 };
const minute = 60_000;

interface SeededCall {
  feature: string;
  operation: 'chat' | 'generate' | 'embed';
  model: string;
  agoMs: number;
  latencyMs: number;
  tokensIn: number;
  tokensOut: number;
  cacheHit?: boolean;
  outcome?: string;
  /** Ollama's eval_duration: tokens/s = tokensOut / seconds. */
  evalSeconds?: number;
}

/**
 * The calls the dashboard reads, written straight into llm_calls before serve starts (there is no
 * contract method for a raw model call). Recent ones fall in every window; the interviews calls,
 * two hours old, only in 24 h and longer.
 */
function seedCalls(dataDir: string): void {
  const calls: SeededCall[] = [];
  for (let i = 0; i < 10; i += 1) {
    calls.push({ feature: 'batch', operation: 'chat', model: 'llama3.1:8b', agoMs: 30 * minute - i * 1000, latencyMs: 1000 + i * 100, tokensIn: 500, tokensOut: 100, evalSeconds: 2, outcome: i === 9 ? 'engine-busy' : 'ok' });
  }
  for (let i = 0; i < 4; i += 1) {
    calls.push({ feature: 'pricing', operation: 'chat', model: 'llama3.1:8b', agoMs: 20 * minute - i * 1000, latencyMs: 800, tokensIn: 300, tokensOut: 50, evalSeconds: 1, cacheHit: i === 0 });
  }
  for (let i = 0; i < 6; i += 1) {
    calls.push({ feature: 'pricing', operation: 'embed', model: 'nomic-embed-text', agoMs: 10 * minute - i * 1000, latencyMs: 40, tokensIn: 60, tokensOut: 0 });
  }
  for (let i = 0; i < 3; i += 1) {
    calls.push({ feature: 'interviews', operation: 'generate', model: 'qwen2.5:7b', agoMs: 120 * minute - i * 1000, latencyMs: 9000, tokensIn: 1500, tokensOut: 600, evalSeconds: 12, outcome: i === 0 ? 'out-of-memory' : 'ok' });
  }
  const db = openDatabase(dataDir);
  try {
    const insert = db.prepare(`INSERT INTO llm_calls (started_at, feature, operation, model, options_json, estimated_tokens_in, tokens_in, tokens_out,
      latency_ms, cache_hit, outcome, eval_duration_ns) VALUES (?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?)`);
    const now = Date.now();
    db.transaction(() => {
      for (const call of calls) {
        const ok = (call.outcome ?? 'ok') === 'ok' && !call.cacheHit;
        insert.run(now - call.agoMs, call.feature, call.operation, call.model, call.tokensIn, ok ? call.tokensIn : 0, ok ? call.tokensOut : 0, call.latencyMs,
          call.cacheHit ? 1 : 0, call.outcome ?? 'ok', ok && call.evalSeconds !== undefined ? call.evalSeconds * 1e9 : null);
      }
    })();
  } finally {
    db.close();
  }
}

const rowOf = (page: Page, group: string, model: string): Locator => page.locator(`[data-testid="metrics-row"][data-group="${group}"][data-model="${model}"]`);
const rowKeys = (page: Page): Promise<string[]> =>
  page.getByTestId('metrics-row').evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-group')} ${row.getAttribute('data-model')} ${row.getAttribute('data-count')}`));

describe('the Metrics page, in Chromium, on seeded calls', () => {
  const app = useServedApp({ name: 'metrics', beforeServe: seedCalls });
  let dataDir: string;
  let ollama: SpawnedOllama;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  beforeAll(() => {
    ({ dataDir, ollama, serve, browser, page } = app);
  });

  it('opens after Models (Ctrl+7) and shows a row per operation and model, with the total', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Metrics', exact: true }).waitFor();
    await page.keyboard.press('Control+7');
    await page.getByTestId('metrics-page').waitFor();
    await expect.poll(() => page.title()).toBe('Metrics · Talent Workstation');
    // The default window is the last 24 hours: every seeded call.
    await expect.poll(() => rowKeys(page), soon).toEqual(['chat llama3.1:8b 14', 'embed nomic-embed-text 6', 'generate qwen2.5:7b 3']);
    expect(await page.getByTestId('metrics-total').getAttribute('data-count')).toBe('23');

    const chat = rowOf(page, 'chat', 'llama3.1:8b');
    const cells = await chat.locator('td').allTextContents();
    // Model, calls, p50, p95, p99 (nearest rank of 800 ×4, 1000…1900), tokens/s (1,050 tokens over 21 s), tokens in, out, cache hits, errors.
    expect(cells.slice(0, 9)).toEqual(['llama3.1:8b', '14', '1,200', '1,900', '1,900', '50.0', '5,400', '1,050', '7.1%']);
    expect(cells[9]).toMatch(/^7\.1%Ollama busy 1$/);
    expect(await rowOf(page, 'generate', 'qwen2.5:7b').getByTestId('metrics-errors').textContent()).toBe('33.3%out of memory 1');
    expect(await rowOf(page, 'embed', 'nomic-embed-text').locator('td').nth(5).textContent()).toBe('—');
    expect(await page.getByTestId('metrics-total').textContent()).toMatch(/^TotalAll models23/);
    expect(await page.getByTestId('metrics-facts').textContent()).toMatch(/Calls23/);

    // The bar charts draw one bar per row, named for assistive technology.
    expect(await page.getByTestId('metrics-chart-latency').getAttribute('data-bars')).toBe('3');
    expect(await page.getByTestId('metrics-chart-latency').getByRole('img').getAttribute('aria-label')).toBe('p95 latency, 3 rows: highest Generate · qwen2.5:7b at 9,000 ms.');
    await page.screenshot({ path: join(screenshots, 'metrics-page.png'), fullPage: true });
  });

  it('narrows to the last hour, and groups by feature', async () => {
    await page.getByTestId('metrics-window').getByRole('radio', { name: '1 h' }).check();
    await expect.poll(() => rowKeys(page), soon).toEqual(['chat llama3.1:8b 14', 'embed nomic-embed-text 6']);
    expect(await page.getByTestId('metrics-total').getAttribute('data-count')).toBe('20');

    await page.getByTestId('metrics-group-by').getByRole('radio', { name: 'Feature + model' }).check();
    await expect.poll(() => rowKeys(page), soon).toEqual(['batch llama3.1:8b 10', 'pricing nomic-embed-text 6', 'pricing llama3.1:8b 4']);
    expect(await page.getByTestId('metrics-table').locator('thead th').first().textContent()).toBe('Feature');
    expect(await rowOf(page, 'pricing', 'llama3.1:8b').locator('th').textContent()).toBe('Pricing');

    await page.getByTestId('metrics-window').getByRole('radio', { name: '7 days' }).check();
    await expect.poll(() => page.getByTestId('metrics-total').getAttribute('data-count'), soon).toBe('23');
    expect(await rowOf(page, 'interviews', 'qwen2.5:7b').getAttribute('data-count')).toBe('3');
  });

  it('exports the table as a CSV file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('metrics-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^talent-workstation-metrics-[\d-]+\.csv$/);
    const path = await download.path();
    const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('group,model,calls,p50_ms,p95_ms,p99_ms,tokens_per_second,tokens_in,tokens_out,cache_hit_rate,error_rate,errors_by_kind,energy_wh');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      'batch,llama3.1:8b,10',
      'pricing,nomic-embed-text,6',
      'pricing,llama3.1:8b,4',
      'interviews,qwen2.5:7b,3',
      'all,all,23',
    ]);
  });

  it('looks right in the dark theme', async () => {
    const dark = await launchBrowser('dark');
    try {
      const darkPage = await dark.context.newPage();
      await darkPage.goto(serve.url);
      await darkPage.getByRole('navigation').getByRole('link', { name: 'Metrics', exact: true }).click();
      await expect.poll(() => darkPage.getByTestId('metrics-row').count(), soon).toBeGreaterThan(0);
      await darkPage.screenshot({ path: join(screenshots, 'metrics-dark.png'), fullPage: true });
    } finally {
      await dark.close();
    }
  });

  it('says plainly when no call was recorded in the window', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'tw-e2e-metrics-empty-'));
    const empty = await startServe(['--port', '0', '--data-dir', emptyDir], { OLLAMA_HOST: ollama.url });
    const other = await browser.context.newPage();
    try {
      await other.goto(empty.url);
      await other.getByRole('navigation').getByRole('link', { name: 'Metrics', exact: true }).click();
      await expect.poll(() => other.getByTestId('metrics-empty').textContent(), soon).toContain(
        'No model calls recorded in this window yet: calls appear here as batch, interviews, pricing and skills use the model.',
      );
      expect(await other.getByTestId('metrics-export').isDisabled()).toBe(true);
      expect(await other.getByTestId('metrics-table').count()).toBe(0);
    } finally {
      await other.close();
      await empty.stop();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
