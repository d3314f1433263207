import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser';
import { startServe, type ServeProcess } from './support/serve-process';

const screenshots = join(process.cwd(), 'test-results', 'e2e');
const soon = { timeout: 10_000, interval: 100 };
/** The first request builds the benchmark catalogue (a few seconds, longer on a slow machine). */
const firstUse = { timeout: 45_000, interval: 200 };

const percentileValues = (page: Page): Promise<number[]> =>
  page.getByTestId('pricing-percentiles').evaluate((element) => ['p10', 'p25', 'p50', 'p75', 'p90'].map((key) => Number(element.getAttribute(`data-${key}`))));

const historyTitles = (page: Page): Promise<string[]> =>
  page.getByTestId('pricing-history-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-title') ?? ''));

async function price(page: Page, title: string, location: string): Promise<void> {
  const form = page.getByTestId('pricing-form');
  await form.getByLabel('Job title').fill(title);
  await form.getByLabel('Location', { exact: true }).fill(location);
  // Enter in a one-line field submits the form.
  await form.getByLabel('Job title').press('Enter');
}

describe('the Pricing page, in Chromium, with no model server', () => {
  let dataDir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'tw-e2e-pricing-'));
    // Nothing listens on port 9: pricing must work fully without Ollama.
    serve = await startServe(['--port', '0', '--data-dir', dataDir], { OLLAMA_HOST: 'http://127.0.0.1:9' });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(serve.url);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the form and the attribution from the start, and asks for a title', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Pricing', exact: true }).click();
    await page.getByTestId('pricing-page').waitFor();
    await expect.poll(() => page.title()).toBe('Pricing · Talent Workstation');
    expect(await page.getByTestId('pricing-attribution').textContent()).toMatch(/O\*NET.*CC BY 4\.0/);
    await page.getByTestId('pricing-submit').click();
    await expect.poll(() => page.getByTestId('pricing-form').getByRole('alert').textContent(), soon).toMatch(/Give a job title/);
    expect(await page.getByTestId('pricing-result').count()).toBe(0);
  });

  it('prices "Sr Software Engineer" in CA: software developers matched, percentiles ascending, a confidence, the sources', async () => {
    await price(page, 'Sr Software Engineer', 'CA');
    await page.getByTestId('pricing-result').waitFor({ timeout: firstUse.timeout });
    await expect
      .poll(() => page.getByTestId('pricing-match').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? '')), soon)
      .toContainEqual(expect.stringMatching(/^15-1252/));
    expect(await page.getByTestId('pricing-match').first().getAttribute('data-code')).toMatch(/^15-1252/);
    expect(await page.getByTestId('pricing-match').first().textContent()).toMatch(/Software Developers/);

    const values = await percentileValues(page);
    expect(values.every((value) => Number.isFinite(value) && value > 0)).toBe(true);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(values[0]!).toBeLessThan(values[4]!);

    const score = Number(await page.getByTestId('pricing-confidence').getAttribute('data-score'));
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(100);
    expect(await page.getByTestId('pricing-factor').count()).toBe(4);
    expect(await page.getByTestId('pricing-scenarios').getByTestId('pricing-scenario').evaluateAll((items) => items.map((item) => item.getAttribute('data-name')))).toEqual([
      'conservative',
      'market',
      'competitive',
      'premium',
    ]);
    // California's state factor is applied and said so; "Sr" was read as senior.
    expect(await page.getByTestId('pricing-notes').textContent()).toMatch(/California/);
    expect(await page.getByTestId('pricing-notes').textContent()).toMatch(/senior/i);
    expect(await page.getByTestId('pricing-attribution').textContent()).toMatch(/Bureau of Labor Statistics/);
    expect(await page.getByTestId('pricing-attribution').textContent()).toMatch(/CC BY 4\.0/);
    await expect.poll(() => historyTitles(page), soon).toEqual(['Sr Software Engineer']);
    await page.screenshot({ path: join(screenshots, 'pricing-page.png'), fullPage: true });
  });

  it('shows a top-coded wage as "≥", never as a plain figure', async () => {
    await price(page, 'Chief Executive Officer', '');
    await expect.poll(() => page.getByTestId('pricing-match').first().getAttribute('data-code'), soon).toMatch(/^11-1011/);
    const percentiles = page.getByTestId('pricing-percentiles');
    await expect.poll(() => percentiles.textContent(), soon).toMatch(/≥ \$\d/);
    expect(await page.getByTestId('pricing-scenarios').textContent()).toMatch(/≥ \$\d/);
    expect(await percentileValues(page)).toEqual([...(await percentileValues(page))].sort((a, b) => a - b));
    await expect.poll(() => historyTitles(page), soon).toEqual(['Chief Executive Officer', 'Sr Software Engineer']);
  });

  it('finds past requests by search, opens one and re-runs it on today’s data', async () => {
    const history = page.getByTestId('pricing-history');
    await history.getByTestId('pricing-history-search').fill('software');
    await expect.poll(() => historyTitles(page), soon).toEqual(['Sr Software Engineer']);

    const row = history.getByTestId('pricing-history-row').first();
    const originalId = await row.getAttribute('data-id');
    await row.getByTestId('pricing-history-open').click();
    await expect.poll(() => page.getByTestId('pricing-result').getAttribute('data-id'), soon).toBe(originalId);
    expect(await page.getByTestId('pricing-result').getAttribute('data-origin')).toBe('opened');
    expect(await page.getByTestId('pricing-match').first().getAttribute('data-code')).toMatch(/^15-1252/);

    await row.getByTestId('pricing-history-rerun').click();
    await expect.poll(() => page.getByTestId('pricing-result').getAttribute('data-rerun-of'), soon).toBe(originalId);
    expect(await page.getByTestId('pricing-result').getAttribute('data-origin')).toBe('rerun');
    expect(await page.getByTestId('pricing-match').first().getAttribute('data-code')).toMatch(/^15-1252/);
    // The re-run joins the history beside the original, which stays.
    await expect.poll(() => history.getByTestId('pricing-history-row').count(), soon).toBe(2);
    expect(await history.getByTestId('pricing-history-row').evaluateAll((rows) => rows.map((item) => item.getAttribute('data-rerun-of')))).toEqual([originalId, '']);

    await history.getByTestId('pricing-history-search').fill('');
    await expect.poll(() => history.getAttribute('data-total'), soon).toBe('3');
  });

  it('reads the same in the dark theme', async () => {
    const dark = await launchBrowser('dark');
    try {
      const darkPage = await dark.context.newPage();
      await darkPage.goto(serve.url);
      await darkPage.getByRole('navigation').getByRole('link', { name: 'Pricing', exact: true }).click();
      await darkPage.getByTestId('pricing-history-row').first().waitFor({ timeout: soon.timeout });
      await darkPage.getByTestId('pricing-history-open').first().click();
      await darkPage.getByTestId('pricing-result').waitFor({ timeout: soon.timeout });
      expect(await darkPage.getByTestId('pricing-attribution').textContent()).toMatch(/CC BY 4\.0/);
      await darkPage.screenshot({ path: join(screenshots, 'pricing-page-dark.png'), fullPage: true });
    } finally {
      await dark.close();
    }
  });
});
