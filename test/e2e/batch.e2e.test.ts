import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSHandle, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCandidateFile, type GeneratedManifest } from '../../main/batch/sample-data/index';
import { spawnOllama, type SpawnedOllama } from '../support/harness';
import { launchBrowser, type Browser } from './support/browser';
import { startServe, type ServeProcess } from './support/serve-process';

const screenshots = join(process.cwd(), 'test-results', 'e2e');
const fileName = 'candidates.csv';
const candidates = 30;
// Thirty evaluations at four at a time on the stand-in take a few seconds; a loaded CI machine gets more.
const slow = { timeout: 30_000, interval: 100 };
const soon = { timeout: 10_000, interval: 50 };

const attribute = (locator: Locator, name: string): Promise<string | null> => locator.getAttribute(name);

/** The page's DataTransfer, which the Node types this test is checked with do not declare. */
interface PageDataTransfer {
  items: { add(file: File): unknown };
}
type PageGlobals = typeof globalThis & { DataTransfer: new () => PageDataTransfer };

/**
 * Drags the file over the window and drops it, as a person does from a file manager: dragenter,
 * dragover and drop on the page's content, with a DataTransfer holding the file (events bubble to
 * the window, where the page listens). Resolves once the overlay has shown and gone again.
 */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer: JSHandle<PageDataTransfer> = await page.evaluateHandle(
    ([content, file]) => {
      const data = new (globalThis as PageGlobals).DataTransfer();
      data.items.add(new File([content], file, { type: 'text/csv' }));
      return data;
    },
    [text, name] as const,
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.getByTestId('batch-drop-overlay').waitFor({ state: 'visible' });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await page.getByTestId('batch-drop-overlay').waitFor({ state: 'detached' });
  await transfer.dispose();
}

describe('the Batch page, in Chromium, on the stand-ins', () => {
  let dataDir: string;
  let fileDir: string;
  let csvText: string;
  let manifest: GeneratedManifest;
  let ollama: SpawnedOllama;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let batchId: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'tw-e2e-batch-'));
    fileDir = mkdtempSync(join(tmpdir(), 'tw-e2e-batch-files-'));
    // An applicant tracking system's export with one broken row: a quote opened and never closed.
    manifest = await writeCandidateFile(join(fileDir, fileName), { count: candidates, seed: 11, format: 'csv', defects: [{ kind: 'malformed', at: 5 }] });
    csvText = readFileSync(join(fileDir, fileName), 'utf8');
    ollama = await spawnOllama({ OLLAMA_NUM_PARALLEL: '4', OLLAMA_STANDIN_LATENCY_MS: '5' });
    serve = await startServe(['--port', '0', '--data-dir', dataDir], { OLLAMA_HOST: ollama.url });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(serve.url);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await ollama?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (fileDir) rmSync(fileDir, { recursive: true, force: true });
  });

  it('takes a CSV dropped anywhere on the window, asks for the column mapping, and queues it', async () => {
    await page.getByTestId('batch-page').waitFor();
    await expect.poll(() => page.title()).toBe('Batch · Talent Workstation');
    await expect.poll(() => page.getByTestId('batch-list').textContent(), soon).toContain('No batches yet');

    await dropFile(page, fileName, csvText);

    // A CSV seen for the first time: the mapping dialog opens with the guessed mapping and sample values.
    const dialog = page.getByTestId('batch-mapping-dialog');
    await dialog.waitFor({ state: 'visible' });
    const idRow = dialog.locator('[data-testid="batch-mapping-row"][data-header="Candidate ID"]');
    expect(await attribute(idRow, 'data-target')).toBe('id');
    expect(await idRow.textContent()).toContain('cand_000001');
    expect(await attribute(dialog.locator('[data-testid="batch-mapping-row"][data-header="Work History"]'), 'data-target')).toBe('experience');
    expect(await dialog.getByRole('checkbox', { name: 'Remember for files with these columns' }).isChecked()).toBe(true);
    await page.screenshot({ path: join(screenshots, 'batch-mapping.png') });
    await dialog.getByRole('button', { name: 'Use this mapping' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const intake = page.getByTestId('batch-intake');
    expect(await attribute(intake.getByTestId('batch-format'), 'data-format')).toBe('candidates-csv');
    expect(await intake.getByLabel('Model', { exact: true }).inputValue()).toBe('llama3.1:8b');
    await page.getByTestId('batch-queue-button').click();

    const row = page.getByTestId('batch-row');
    await expect.poll(() => row.count(), soon).toBe(1);
    batchId = (await attribute(row, 'data-batch-id')) ?? '';
    expect(batchId).toMatch(/^batch_/);
    await expect.poll(() => page.getByTestId('batch-drop-status').textContent(), soon).toMatch(`Queued ${fileName}: ${candidates} items; 1 problem`);
  });

  it('watches the batch run to completion, with the broken row listed by its line', async () => {
    const monitor = page.getByTestId('batch-monitor');
    expect(await attribute(monitor, 'data-batch-id')).toBe(batchId);
    expect(await attribute(monitor, 'data-total')).toBe(String(candidates));
    await expect.poll(() => attribute(monitor, 'data-done'), slow).toBe(String(candidates));
    await expect.poll(() => attribute(monitor, 'data-status'), soon).toBe('completed');
    expect(await attribute(monitor, 'data-failed')).toBe('0');
    expect(await attribute(page.getByTestId('batch-row'), 'data-status')).toBe('completed');

    const progress = monitor.getByRole('progressbar', { name: `Progress of ${fileName}` });
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    expect(await progress.getAttribute('aria-valuetext')).toBe(`${candidates} of ${candidates} items finished (100.0%): ${candidates} done, 0 failed`);
    expect(await page.getByTestId('batch-remaining').textContent()).toBe('0');

    // The malformed row, where the generator put it, as file:line with the reader's message.
    const defect = manifest.defects[0]!;
    const problem = page.getByTestId('batch-problems').getByTestId('batch-problem');
    expect(await problem.count()).toBe(1);
    expect(await attribute(problem, 'data-line')).toBe(String(defect.line));
    expect(await problem.textContent()).toMatch(new RegExp(`^${fileName.replace('.', '\\.')}:${defect.line} .*opens a quote that is never closed`));

    // The run's events, and the VRAM chart with the completion marked.
    await expect.poll(() => page.getByTestId('batch-events').locator('[data-testid="batch-event"][data-kind="completed"]').count(), soon).toBe(1);
    await expect.poll(() => page.getByTestId('batch-vram-chart').locator('[data-testid="chart-marker"][data-kind="completed"]').count(), soon).toBe(1);
    await page.screenshot({ path: join(screenshots, 'batch-page.png') });
  });

  it('lists the results and opens one with its scores, rationale and prompt', async () => {
    const results = page.getByTestId('batch-results');
    const rows = results.getByTestId('batch-result');
    await expect.poll(() => rows.count(), soon).toBe(candidates);
    expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-state')))).toEqual(Array.from({ length: candidates }, () => 'done'));

    // Highest overall score first.
    await results.getByRole('radio', { name: 'Overall score' }).check();
    await results.getByRole('radio', { name: 'Descending' }).check();
    const overallOf = (): Promise<number[]> => rows.evaluateAll((all) => all.map((row) => Number(row.querySelectorAll('td')[2]?.textContent)));
    await expect.poll(async () => {
      const scores = await overallOf();
      return scores.length === candidates && scores.every((score, index) => index === 0 || scores[index - 1]! >= score);
    }, soon).toBe(true);

    // The search box narrows to one custom id.
    await results.getByTestId('batch-results-search').fill('cand_000007');
    await expect.poll(() => rows.count(), soon).toBe(1);
    const first = rows.first();
    const recommendation = (await first.locator('td').nth(3).textContent()) ?? '';
    await first.getByRole('button', { name: 'cand_000007' }).press('Enter');

    const detail = page.getByTestId('batch-item-detail');
    await detail.waitFor({ state: 'visible' });
    await expect.poll(() => attribute(detail, 'data-state'), soon).toBe('done');
    expect(await detail.getByRole('heading', { level: 2 }).textContent()).toBe('cand_000007');
    expect(((await detail.getByTestId('batch-item-rationale').textContent()) ?? '').trim().length).toBeGreaterThan(0);
    expect(await detail.getByTestId('batch-item-recommendation').textContent()).toBe(recommendation);
    expect(await detail.locator('[data-score="overall"]').getAttribute('data-value')).toMatch(/^\d+$/);
    // The prompt: the template's system message, then the profile.
    expect(await detail.locator('.message-list summary').allTextContents()).toEqual([expect.stringMatching(/^System/), expect.stringMatching(/^User/)]);
    expect(await detail.locator('.message-list').textContent()).toContain('cand_000007');
    await page.screenshot({ path: join(screenshots, 'batch-item.png') });
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await results.getByTestId('batch-results-search').fill('');
    await expect.poll(() => rows.count(), soon).toBe(candidates);
  });

  it('analyses the batch: scores, recommendations, tokens and latency', async () => {
    const analysis = page.getByTestId('batch-analysis');
    await expect.poll(() => attribute(analysis, 'data-done'), soon).toBe(String(candidates));
    expect(await attribute(analysis, 'data-failed')).toBe('0');
    expect(await attribute(analysis, 'data-scored')).toBe(String(candidates));
    expect(await analysis.getByTestId('batch-analysis-coverage').textContent()).toBe(`Over all ${candidates} done items.`);
    // Every scored item is in one column of the histogram, and in one recommendation.
    const scores = analysis.getByTestId('batch-score-chart');
    expect(await attribute(scores, 'data-columns')).toBe('10');
    expect(await attribute(scores, 'data-total')).toBe(String(candidates));
    expect(await analysis.getByTestId('batch-recommendation-chart').getAttribute('data-bars')).toBe('4');
    expect(Number((await analysis.getByTestId('batch-tokens-in').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    for (const percentile of ['p50', 'p95', 'p99']) expect(await analysis.getByTestId(`batch-latency-${percentile}`).textContent()).toMatch(/^[\d,]+ ms$/);
    expect(await analysis.textContent()).toContain('No failed items.');
  });

  it('exports the results CSV and the output JSONL', async () => {
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toBe('candidates-results.csv');
    const lines = readFileSync(await csvDownload.path(), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('seq,custom_id,source_line,state,attempts,overall,education,company,trajectory,recommendation,rationale,tokens_in,tokens_out,latency_ms,error_kind,error');
    expect(lines).toHaveLength(candidates + 1);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(Array.from({ length: candidates }, (_, seq) => `${seq},cand_${String(seq + 1).padStart(6, '0')}`));
    expect(lines.slice(1).every((line) => line.split(',')[3] === 'done')).toBe(true);

    const output = page.getByTestId('batch-export-output');
    await output.waitFor();
    const [jsonlDownload] = await Promise.all([page.waitForEvent('download'), output.click()]);
    expect(jsonlDownload.suggestedFilename()).toBe('candidates-output.jsonl');
    const answers = readFileSync(await jsonlDownload.path(), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { custom_id: string; response: { status_code: number; body: { choices: { message: { content: string } }[] } } });
    expect(answers).toHaveLength(candidates);
    expect(new Set(answers.map((answer) => answer.custom_id)).size).toBe(candidates);
    for (const answer of answers) {
      expect(answer.response.status_code).toBe(200);
      expect(JSON.parse(answer.response.body.choices[0]!.message.content)).toHaveProperty('rationale');
    }
    // Nothing failed, so there is no error file to offer.
    expect(await page.getByTestId('batch-export-errors').count()).toBe(0);
  });

  it('offers "Queue again" when the same file is dropped a second time, and queues it only then', async () => {
    await dropFile(page, fileName, csvText);
    const intake = page.getByTestId('batch-intake');
    await expect.poll(() => attribute(intake, 'data-step'), soon).toBe('ready');
    // The mapping confirmed for these columns is remembered: no dialog this time.
    expect(await page.getByTestId('batch-mapping-dialog').isVisible()).toBe(false);
    expect(await intake.textContent()).toContain('As you confirmed it for files with these columns.');
    await page.getByTestId('batch-queue-button').click();

    const conflict = page.getByTestId('batch-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(`${fileName} was already queued as ${batchId}`);
    expect(await page.getByTestId('batch-row').count()).toBe(1);

    await conflict.getByRole('button', { name: 'Queue again' }).click();
    await expect.poll(() => page.getByTestId('batch-row').count(), soon).toBe(2);
    const newest = page.getByTestId('batch-row').first();
    expect(await attribute(newest, 'data-batch-id')).not.toBe(batchId);
    expect(await attribute(page.getByTestId('batch-monitor'), 'data-batch-id')).toBe(await attribute(newest, 'data-batch-id'));
    // Queued: the file in hand is gone.
    await expect.poll(() => intake.count(), soon).toBe(0);
  });

  it('looks right in the dark theme', async () => {
    const dark = await launchBrowser('dark');
    try {
      const darkPage = await dark.context.newPage();
      await darkPage.goto(serve.url);
      await darkPage.getByTestId('batch-row').nth(1).click();
      await expect.poll(() => darkPage.getByTestId('batch-monitor').getAttribute('data-batch-id'), soon).toBe(batchId);
      await expect.poll(() => darkPage.getByTestId('batch-analysis').getAttribute('data-done'), soon).toBe(String(candidates));
      await darkPage.screenshot({ path: join(screenshots, 'batch-dark.png') });
    } finally {
      await dark.close();
    }
  });

  it('saves an edited evaluation prompt as version 2, which the intake then offers first', async () => {
    const card = page.getByTestId('batch-template-card');
    const system = card.getByTestId('batch-template-system');
    const user = card.getByTestId('batch-template-user');
    const save = card.getByTestId('batch-template-save');
    const versions = card.getByTestId('batch-template-version');
    // Collapsed at first; opened from the keyboard.
    expect(await system.isVisible()).toBe(false);
    await card.locator('summary').focus();
    await page.keyboard.press('Enter');
    await system.waitFor({ state: 'visible' });
    await expect.poll(() => versions.inputValue(), soon).toBe('1');
    expect(await save.isDisabled()).toBe(true);
    expect(await save.textContent()).toBe('Save as version 2');

    // The user prompt must keep {{profile}}: the card says so and will not save.
    const user1 = await user.inputValue();
    await user.fill('Candidate profile:');
    expect(await card.textContent()).toContain('The user prompt must contain {{profile}}');
    await save.click();
    expect(await versions.locator('option').count()).toBe(1);
    await user.fill(user1);

    const system1 = await system.inputValue();
    const system2 = `${system1}\nKeep the rationale to two sentences.`;
    await system.fill(system2);
    expect(await save.isDisabled()).toBe(false);
    await page.screenshot({ path: join(screenshots, 'batch-template-edit.png') });
    await save.click();

    await expect.poll(() => versions.inputValue(), soon).toBe('2');
    expect(await versions.locator('option').allTextContents()).toEqual([expect.stringMatching(/^Version 2 · edited · .*\(newest\)$/), expect.stringMatching(/^Version 1 · bundled · /)]);
    expect(await system.inputValue()).toBe(system2);
    expect(await save.isDisabled()).toBe(true);
    expect(await save.textContent()).toBe('Save as version 3');
    // Tall enough for the whole card: an element taller than the viewport is shot in part.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await card.screenshot({ path: join(screenshots, 'batch-template.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Version 1 is as it was.
    await versions.selectOption('1');
    expect(await system.inputValue()).toBe(system1);

    // A candidate file queued now is offered version 2 first.
    await dropFile(page, fileName, csvText);
    const intake = page.getByTestId('batch-intake');
    await expect.poll(() => attribute(intake, 'data-step'), soon).toBe('ready');
    const select = intake.getByTestId('batch-intake-template');
    expect(await select.inputValue()).toBe('2');
    expect(await select.locator('option').evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value))).toEqual(['2', '1']);
    await intake.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => intake.count(), soon).toBe(0);
  });
});
