import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnOllama, type SpawnedOllama } from '../support/harness';
import { launchBrowser, type Browser } from './support/browser';
import { startServe, type ServeProcess } from './support/serve-process';

const screenshots = join(process.cwd(), 'test-results', 'e2e');
const pages = ['Batch', 'Interviews', 'Pricing', 'Skills', 'GPU', 'Settings'] as const;

describe('the app in serve mode, in Chromium, on the stand-ins', () => {
  let dataDir: string;
  let ollama: SpawnedOllama;
  let serve: ServeProcess | undefined;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'tw-e2e-'));
    ollama = await spawnOllama();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await ollama?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const startApp = async () => {
    serve = await startServe(['--port', '0', '--data-dir', dataDir], { OLLAMA_HOST: ollama.url });
    await page.goto(serve.url);
  };

  it('opens with the token and drops it from the address bar', async () => {
    await startApp();
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.title()).toMatch(/Talent Workstation$/);
  });

  it('shows the stand-in Ollama version and the VRAM of the 16 GB card in the status bar', async () => {
    const engine = page.getByTestId('status-engine');
    await expect.poll(() => engine.getAttribute('data-version'), { timeout: 15_000 }).toBe('0.12.3');
    const gpu = page.getByTestId('status-gpu');
    // The first nvidia-smi reading can take a few seconds on a loaded 2-core machine.
    await expect.poll(() => gpu.getAttribute('data-vram-total'), { timeout: 15_000 }).toBe('16376');
    expect(Number(await gpu.getAttribute('data-vram-used'))).toBeGreaterThan(0);
  });

  it('visits every page', async () => {
    for (const name of pages) {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain(name);
      await page.screenshot({ path: join(screenshots, `page-${name.toLowerCase()}.png`) });
    }
  });

  it('refuses an invalid setting with a message at the field, and saves a valid one', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
    const slots = page.locator('input[name="parallelSlots"]');
    await slots.fill('99');
    await expect.poll(() => slots.getAttribute('aria-invalid')).toBe('true');
    await slots.fill('2');
    await page.getByRole('button', { name: /save/i }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /saved/i }).count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'settings-saved.png') });
  });

  it('keeps the setting after the server restarts', async () => {
    await serve?.stop();
    await startApp();
    await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.locator('input[name="parallelSlots"]').inputValue()).toBe('2');
  });
});
