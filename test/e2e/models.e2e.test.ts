import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedOllama } from '../support/harness';
import { launchBrowser, type Browser } from './support/browser';
import { useServedApp } from './support/served-app';
import type { ServeProcess } from './support/serve-process';

const screenshots = join(process.cwd(), 'test-results', 'e2e');
// 400 MB/s: llama3.2:3b (2.0 GB) takes about 5 s and mistral:7b (4.1 GB) about 10 s, long enough
// to read the bar twice and to cancel mid-way.
const pullBytesPerSecond = '400000000';
const slow = { timeout: 20_000, interval: 100 };
const soon = { timeout: 5_000, interval: 50 };

const modelRow = (page: Page, model: string): Locator => page.locator(`[data-testid="model-row"][data-model="${model}"]`);
const pullItem = (page: Page, model: string): Locator => page.locator(`[data-testid="pull-item"][data-model="${model}"]`);

/** The bar's aria-valuenow; 100 once the pull is done (the bar gives way to "Installed"), null while indeterminate. */
const percentOf = (item: Locator): Promise<number | null> =>
  item.evaluate((element) => {
    if (element.getAttribute('data-state') === 'done') return 100;
    const value = element.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
    return value === null || value === undefined ? null : Number(value);
  });

describe('the Models page, in Chromium, on the stand-ins', () => {
  const app = useServedApp({ name: 'models', ollamaEnv: { OLLAMA_STANDIN_PULL_BPS: pullBytesPerSecond } });
  let dataDir: string;
  let ollama: SpawnedOllama;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  beforeAll(() => {
    ({ dataDir, ollama, serve, browser, page } = app);
  });

  it('opens from the navigation (Ctrl+6) and says how Ollama is run', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Models', exact: true }).waitFor();
    await page.keyboard.press('Control+6');
    await page.getByTestId('models-page').waitFor();
    await expect.poll(() => page.title()).toBe('Models · Talent Workstation');
    // The stand-in was running before serve started, so serve attached to it.
    await expect.poll(() => page.getByTestId('engine-panel').getAttribute('data-mode'), soon).toBe('attached');
    await expect.poll(() => page.getByTestId('installed-models').getByTestId('model-row').count(), soon).toBe(3);
    expect(await modelRow(page, 'llama3.1:8b').textContent()).toMatch(/4\.6 GiB/);
    expect(await modelRow(page, 'llama3.1:8b').getByTestId('model-facts').textContent()).toMatch(/llama.*8\.0B.*Q4_K_M/);
    await expect.poll(() => page.getByTestId('feature-models').getByTestId('feature-model').count(), soon).toBe(5);
    await page.screenshot({ path: join(screenshots, 'models-page.png') });
  });

  it('refuses an empty or invalid model name at the field', async () => {
    const input = page.getByLabel('Model name');
    await input.fill('');
    await page.getByTestId('pull-form').getByRole('button', { name: 'Pull', exact: true }).click();
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('not a model!');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('pull-form').getByRole('alert').textContent()).toMatch(/no spaces/);
    expect(await page.getByTestId('pull-item').count()).toBe(0);
  });

  it('pulls llama3.2:3b with a progress bar that advances, then lists it as installed', async () => {
    const input = page.getByLabel('Model name');
    await input.fill('llama3.2:3b');
    await input.press('Enter');
    const item = pullItem(page, 'llama3.2:3b');
    await expect.poll(() => percentOf(item), soon).toBeGreaterThan(0);
    const first = (await percentOf(item)) ?? 0;
    expect(first).toBeLessThan(100);
    await expect.poll(() => item.textContent(), soon).toMatch(/MB\/s/);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'models-pull.png') });
    await expect.poll(async () => (await percentOf(item)) ?? 0, soon).toBeGreaterThan(first);

    await expect.poll(() => item.getAttribute('data-state'), slow).toBe('done');
    expect(await item.textContent()).toContain('Installed');
    await expect.poll(() => modelRow(page, 'llama3.2:3b').count(), soon).toBe(1);
  });

  it('cancels a pull of mistral:7b mid-way and resumes it from where it stopped', async () => {
    // A feature set to a missing model offers to pull it.
    await page.evaluate(async () => {
      await fetch('/api/settings.update', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ models: { skills: 'mistral:7b' } }) });
    });
    const skills = page.locator('[data-testid="feature-model"][data-feature="skills"]');
    await expect.poll(() => skills.getAttribute('data-installed'), soon).toBe('false');
    expect(await skills.getByRole('button', { name: 'Pull mistral:7b' }).count()).toBe(1);

    const input = page.getByLabel('Model name');
    await input.fill('mistral:7b');
    await input.press('Enter');
    const item = pullItem(page, 'mistral:7b');
    await expect.poll(async () => (await percentOf(item)) ?? 0, slow).toBeGreaterThan(10);
    await item.getByRole('button', { name: 'Cancel the pull of mistral:7b' }).click();
    await expect.poll(() => item.getAttribute('data-state'), soon).toBe('cancelled');
    const stoppedAt = Number(await item.getAttribute('data-completed-bytes'));
    const stoppedPercent = (await percentOf(item)) ?? 0;
    expect(stoppedPercent).toBeGreaterThan(10);
    expect(stoppedPercent).toBeLessThan(100);
    expect(await modelRow(page, 'mistral:7b').count()).toBe(0);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'models-cancelled.png') });

    await item.getByRole('button', { name: 'Resume the pull of mistral:7b' }).click();
    await expect.poll(() => item.getAttribute('data-state'), soon).toBe('running');
    // Resumed, not restarted: the first figure the bar shows again is past where it stopped.
    await expect.poll(() => percentOf(item), soon).not.toBeNull();
    expect((await percentOf(item)) ?? 0).toBeGreaterThanOrEqual(stoppedPercent);
    expect(Number(await item.getAttribute('data-completed-bytes'))).toBeGreaterThanOrEqual(stoppedAt);

    await expect.poll(() => item.getAttribute('data-state'), slow).toBe('done');
    await expect.poll(() => modelRow(page, 'mistral:7b').count(), soon).toBe(1);
    await expect.poll(() => skills.getAttribute('data-installed'), soon).toBe('true');
  });

  it('pins a model into memory and unloads it again', async () => {
    const row = modelRow(page, 'llama3.1:8b');
    await row.scrollIntoViewIfNeeded();
    expect(await row.getAttribute('data-loaded')).toBe('false');
    await row.getByRole('button', { name: 'Pin llama3.1:8b' }).click();
    await expect.poll(() => row.getAttribute('data-pinned'), soon).toBe('true');
    expect(await row.getAttribute('data-loaded')).toBe('true');
    expect(await row.getByTestId('model-memory').textContent()).toMatch(/100% VRAM/);
    expect(await row.getByTestId('model-expiry').textContent()).toBe('Pinned');
    expect(await row.getByRole('button', { name: 'Pin llama3.1:8b' }).isDisabled()).toBe(true);
    await page.getByTestId('installed-models').screenshot({ path: join(screenshots, 'models-pinned.png') });

    await row.getByRole('button', { name: 'Unload llama3.1:8b' }).click();
    await expect.poll(() => row.getAttribute('data-loaded'), soon).toBe('false');
    expect(await row.getAttribute('data-pinned')).toBe('false');
    expect(await row.getByTestId('model-memory').textContent()).toBe('Not loaded');
  });

  it('deletes a model only after the confirmation dialog', async () => {
    const row = modelRow(page, 'qwen2.5:7b');
    await row.getByRole('button', { name: 'Delete qwen2.5:7b…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete qwen2.5:7b?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/4\.4 GiB/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await row.count()).toBe(1);

    await row.getByRole('button', { name: 'Delete qwen2.5:7b…' }).click();
    await dialog.waitFor();
    await page.screenshot({ path: join(screenshots, 'models-delete-dialog.png') });
    await dialog.getByRole('button', { name: 'Delete model' }).click();
    await expect.poll(() => row.count(), soon).toBe(0);
    expect(await dialog.isVisible()).toBe(false);
    expect(await modelRow(page, 'llama3.1:8b').count()).toBe(1);
  });

  it('shows a pull of a model that is not in the library as failed, with Retry', async () => {
    const input = page.getByLabel('Model name');
    await input.fill('no-such-model');
    await input.press('Enter');
    const item = pullItem(page, 'no-such-model');
    await expect.poll(() => item.getAttribute('data-state'), soon).toBe('failed');
    expect(await item.textContent()).toMatch(/not in the Ollama library/);
    expect(await item.getByRole('button', { name: 'Retry the pull of no-such-model' }).count()).toBe(1);
  });

  it('looks right in the dark theme', async () => {
    const dark = await launchBrowser('dark');
    try {
      const darkPage = await dark.context.newPage();
      await darkPage.goto(serve.url);
      await darkPage.getByRole('navigation').getByRole('link', { name: 'Models', exact: true }).click();
      await expect.poll(() => darkPage.getByTestId('installed-models').getByTestId('model-row').count(), soon).toBeGreaterThan(0);
      await darkPage.screenshot({ path: join(screenshots, 'models-dark.png') });
    } finally {
      await dark.close();
    }
  });
});
