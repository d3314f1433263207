import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedOllama } from '../support/harness';
import { launchBrowser, type Browser } from './support/browser';
import { useServedApp } from './support/served-app';
import { startServe, type ServeProcess } from './support/serve-process';

const screenshots = join(process.cwd(), 'test-results', 'e2e');
// The first nvidia-smi reading can take a few seconds on a loaded 2-core machine; the process
// table is read every 5 s and model loads are noticed by the engine status every 5 s.
const slow = { timeout: 20_000, interval: 200 };
const soon = { timeout: 5_000, interval: 50 };

const numberOf = async (locator: Locator, attribute: string): Promise<number> => Number((await locator.getAttribute(attribute)) ?? Number.NaN);

const openGpuPage = async (page: Page): Promise<void> => {
  await page.getByRole('navigation').getByRole('link', { name: 'GPU', exact: true }).click();
  await page.getByTestId('gpu-page').waitFor();
};

describe('the GPU page, in Chromium, on the stand-ins', () => {
  const app = useServedApp({ name: 'gpu' });
  let dataDir: string;
  let ollama: SpawnedOllama;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  beforeAll(() => {
    ({ dataDir, ollama, serve, browser, page } = app);
  });

  it('draws live charts of VRAM, utilisation, temperature and power that move with every sample', async () => {
    await openGpuPage(page);
    const vram = page.getByTestId('gpu-chart-vram');
    await expect.poll(() => numberOf(vram, 'data-points'), slow).toBeGreaterThan(1);
    const firstPoints = await numberOf(vram, 'data-points');
    const firstAt = await numberOf(vram, 'data-last-at');
    await expect.poll(() => numberOf(vram, 'data-last-at'), soon).toBeGreaterThan(firstAt);
    expect(await numberOf(vram, 'data-points')).toBeGreaterThan(firstPoints);
    for (const chart of ['util', 'temp', 'power']) {
      expect(await numberOf(page.getByTestId(`gpu-chart-${chart}`), 'data-points')).toBeGreaterThan(0);
    }

    // One image each to assistive technology, named by its latest reading, with the limit lines labelled.
    const image = vram.getByRole('img');
    expect(await image.getAttribute('aria-label')).toMatch(/^VRAM used over the last 5 minutes: [\d,]+ of 16,376 MiB/);
    expect(await vram.locator('.chart__limit').allTextContents()).toEqual(['Act 14,336 MiB', 'Warn 87.5% · 14,329 MiB']);
    expect(await page.getByTestId('gpu-chart-power').locator('.chart__limit').allTextContents()).toEqual(['Limit 320 W']);
    expect(await vram.locator('.visually-hidden table').textContent()).toMatch(/Latest[\d,]+ MiB/);
    await page.screenshot({ path: join(screenshots, 'gpu-page.png') });
  });

  it('marks a model load on the charts and in the events list, and the VRAM rises', async () => {
    const vram = page.getByTestId('gpu-chart-vram');
    const before = await numberOf(vram, 'data-last-value');
    const response = await fetch(`${ollama.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'llama3.1:8b', keep_alive: '5m' }) });
    expect(response.ok).toBe(true);

    // llama3.1:8b takes about 5 GiB on the stand-in's card.
    await expect.poll(() => numberOf(vram, 'data-last-value'), slow).toBeGreaterThan(before + 4000);
    const marker = vram.locator('[data-testid="chart-marker"][data-kind="model-loaded"]');
    await expect.poll(() => marker.count(), slow).toBe(1);
    expect(await marker.locator('title').textContent()).toMatch(/Model loaded: llama3\.1:8b$/);
    const listed = page.getByTestId('gpu-events').locator('[data-testid="gpu-event"][data-kind="model-loaded"]');
    await expect.poll(() => listed.count(), soon).toBe(1);
    expect(await listed.textContent()).toContain('llama3.1:8b');
    await page.getByTestId('gpu-live').screenshot({ path: join(screenshots, 'gpu-live-loaded.png') });
  });

  it('lists the ollama process holding VRAM, and the desktop as other', async () => {
    const processes = page.getByTestId('gpu-processes');
    const ollamaRow = processes.locator('[data-testid="gpu-process"][data-name$="ollama"]');
    await expect.poll(() => ollamaRow.count(), slow).toBe(1);
    expect(await numberOf(ollamaRow, 'data-pid')).toBeGreaterThan(0);
    expect(await ollamaRow.textContent()).toMatch(/ollama.*[\d,]{5}/);
    await expect.poll(() => processes.getByTestId('gpu-process-other').textContent(), slow).toMatch(/Desktop, browsers.*—600$/);
  });

  it('shows system memory and the guard levels in words', async () => {
    const ram = page.getByTestId('gpu-ram');
    expect(await numberOf(ram, 'data-ram-total')).toBeGreaterThan(0);
    expect(await ram.getByRole('meter', { name: 'System memory in use' }).count()).toBe(1);
    expect(await page.getByTestId('guard-vram').getAttribute('data-level')).toBe('ok');
    expect(await page.getByTestId('guard-vram').textContent()).toMatch(/VRAM guard.*OK.*Warns at 14,329 MiB \(87\.5%\), acts at 14,336 MiB/);
    expect(await page.getByTestId('guard-ram').textContent()).toMatch(/System memory guard.*(OK|Warning|Act)/);
  });

  it('switches the live window and shows the stored history with its range', async () => {
    const live = page.getByTestId('gpu-live');
    await live.getByRole('radio', { name: '15 min' }).check();
    await expect.poll(() => page.getByTestId('gpu-chart-vram').getByRole('img').getAttribute('aria-label'), soon).toMatch(/last 15 minutes/);

    const history = page.getByTestId('gpu-history');
    await history.getByRole('radio', { name: '24 h' }).check();
    await expect.poll(() => history.getAttribute('data-range'), soon).toBe('24h');
    // Stored every 10 s; by now the first buckets are in the database.
    await expect.poll(() => numberOf(history, 'data-points'), slow).toBeGreaterThan(0);
    expect(await numberOf(page.getByTestId('gpu-history-vram'), 'data-points')).toBeGreaterThan(0);
    expect(await page.getByTestId('gpu-history-vram').getByRole('img').getAttribute('aria-label')).toMatch(/^VRAM used over the last 24 hours: average [\d,]+ MiB/);
    await history.screenshot({ path: join(screenshots, 'gpu-history.png') });
  });

  it('looks right in the dark theme', async () => {
    const dark = await launchBrowser('dark');
    try {
      const darkPage = await dark.context.newPage();
      await darkPage.goto(serve.url);
      await openGpuPage(darkPage);
      await expect.poll(() => numberOf(darkPage.getByTestId('gpu-chart-vram'), 'data-points'), slow).toBeGreaterThan(1);
      await darkPage.screenshot({ path: join(screenshots, 'gpu-dark.png') });
    } finally {
      await dark.close();
    }
  });

  it('without an NVIDIA driver, says so in plain words and still shows system memory', async () => {
    const noGpuDir = mkdtempSync(join(tmpdir(), 'tw-e2e-nogpu-'));
    const noGpu = await startServe(['--port', '0', '--data-dir', noGpuDir], { OLLAMA_HOST: ollama.url, NVIDIA_SMI_STANDIN_MODE: 'no-driver' });
    const other = await browser.context.newPage();
    try {
      await other.goto(noGpu.url);
      await openGpuPage(other);
      // The page may open before the first nvidia-smi has failed: it looks, then says why there is none.
      const none = other.getByTestId('gpu-live-none');
      await expect.poll(() => none.count(), slow).toBe(1);
      expect(await none.textContent()).toMatch(/No GPU to chart.*NVIDIA driver is not answering/);
      await expect.poll(() => numberOf(other.getByTestId('gpu-ram'), 'data-ram-total'), slow).toBeGreaterThan(0);
      expect(await other.getByTestId('gpu-processes').textContent()).toMatch(/No GPU is in use/);
      expect(await other.getByTestId('guard-vram').textContent()).toMatch(/No GPU to guard/);
      await other.screenshot({ path: join(screenshots, 'gpu-no-driver.png') });
    } finally {
      await other.close();
      await noGpu.stop();
      rmSync(noGpuDir, { recursive: true, force: true });
    }
  });
});
