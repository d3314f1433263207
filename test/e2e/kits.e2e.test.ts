import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataEngineerCv, seniorDataEngineerJd } from '../main/interviews/kits/fixtures';
import { useOfflineApp, useServedApp } from './support/served-app';

const screenshots = join(process.cwd(), 'test-results', 'e2e');
const soon = { timeout: 10_000, interval: 50 };
/** A kit of seven questions, each drafted, reviewed and refined, takes the stand-in about ten seconds at this pace. */
const generation = { timeout: 40_000, interval: 100 };
const standinEnv = { OLLAMA_STANDIN_LATENCY_MS: '5' };

const kitView = (page: Page): Locator => page.getByTestId('kit-view');
const questions = (page: Page, selector = ''): Locator => page.locator(`[data-testid="kit-question"]${selector}`);

async function openKits(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Interviews', exact: true }).click();
  await page.getByTestId('interviews-page').waitFor();
  await page.getByTestId('interviews-view').getByRole('radio', { name: 'Interview kits' }).check();
  await page.getByTestId('interview-kits').waitFor();
}

/** The form, opened from the list unless it is already what shows (no kit yet). */
async function newKitForm(page: Page): Promise<Locator> {
  const form = page.getByTestId('kit-new');
  if (!(await form.isVisible())) await page.getByTestId('kit-new-button').click();
  await form.waitFor();
  return form;
}

async function pasteBoth(page: Page, title: string): Promise<void> {
  const form = await newKitForm(page);
  await form.getByLabel('Title').fill(title);
  await form.getByTestId('kit-cv-text').fill(dataEngineerCv);
  await form.getByTestId('kit-jd-text').fill(seniorDataEngineerJd);
  await form.getByTestId('kit-create').click();
  await expect.poll(() => kitView(page).locator('h2').first().textContent(), soon).toBe(title);
}

/** Picks a rating by its anchor's row, as a person clicks it (the radio itself is drawn as the numbered circle). */
const rate = (question: Locator, rating: number): Promise<void> => question.getByTestId('kit-rating').locator('label').nth(rating - 1).click();

/** A screenshot `height` tall, from the top of the page or from `from` (the page scrolls inside <main>), then back to the usual size. */
async function shoot(page: Page, file: string, height: number, from?: Locator): Promise<void> {
  await page.setViewportSize({ width: 1280, height });
  const top = from === undefined ? 0 : await from.evaluate((element) => element.getBoundingClientRect().top + (element.ownerDocument.querySelector('main')?.scrollTop ?? 0) - 16);
  await page.locator('main').evaluate((main, y) => main.scrollTo({ top: y }), top);
  // The pointer off the page, so no row shows its hover colour.
  await page.mouse.move(0, height - 1);
  await page.screenshot({ path: join(screenshots, file) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

describe('interview kits in Chromium, with the local model (the Ollama stand-in)', () => {
  const app = useServedApp({ name: 'kits', ollamaEnv: standinEnv });
  let page: Page;
  beforeAll(() => {
    page = app.page;
  });

  it('makes a kit from a pasted job description and an uploaded CV file, with progress until it is ready', async () => {
    await openKits(page);
    // No kit yet: the form is what shows, and says what the tab is for.
    const form = page.getByTestId('kit-new');
    await form.waitFor();
    expect(await page.getByTestId('interview-kits').textContent()).toMatch(/CV and a job description/);
    await form.getByLabel('Title').fill('Senior Data Engineer · Priya Raman');
    await form.getByTestId('kit-language').selectOption('English');
    await form.getByRole('textbox', { name: 'Job description' }).fill(seniorDataEngineerJd);
    // The CV as a file: in a browser it goes up to /v1/files first, and the form says when it is there.
    await form.getByTestId('kit-cv-file').setInputFiles({ name: 'priya-raman-cv.md', mimeType: 'text/markdown', buffer: Buffer.from(dataEngineerCv) });
    const chosen = form.getByTestId('kit-cv-chosen');
    await expect.poll(() => chosen.getAttribute('data-uploaded'), soon).toBe('true');
    expect(await chosen.textContent()).toMatch(/priya-raman-cv\.md.*KB · Uploaded/);
    await shoot(page, 'kits-new.png', 1100);
    await form.getByTestId('kit-create').click();

    // The kit shows at once; its questions arrive one by one, with the bar, the time left and Cancel.
    await kitView(page).waitFor({ timeout: soon.timeout });
    const progress = page.getByTestId('kit-progress');
    await expect.poll(async () => Number((await progress.getAttribute('data-done')) ?? 0), generation).toBeGreaterThanOrEqual(2);
    expect(await progress.getAttribute('data-stage')).toBe('questions');
    expect(Number(await progress.getAttribute('data-done'))).toBeLessThan(Number(await progress.getAttribute('data-total')));
    expect(await progress.getByTestId('kit-progress-text').textContent()).toMatch(/^\d+ of 7 questions written · (about \d+ (s|min)|a few seconds) left$/);
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).not.toBeNull();
    expect(await progress.getByTestId('kit-cancel').isEnabled()).toBe(true);
    // Questions written so far are on the page while the others are still waiting.
    await expect.poll(() => questions(page, '[data-status="done"]').count(), soon).toBeGreaterThanOrEqual(1);
    expect(await questions(page, ':not([data-status="done"])').count()).toBeGreaterThanOrEqual(1);
    // Tall, so the questions written so far show under the gaps.
    await shoot(page, 'kits-progress.png', 2400);

    await expect.poll(() => kitView(page).getAttribute('data-phase'), generation).toBe('ready');
    expect(await page.getByTestId('kit-progress').count()).toBe(0);
    expect(await page.getByTestId('kit-facts').textContent()).toMatch(/priya-raman-cv\.md.*Pasted text.*English.*7 gaps · 7 questions/);
    await expect.poll(() => page.getByTestId('kit-row').first().textContent(), soon).toMatch(/Senior Data Engineer · Priya Raman.*Ready.*7 questions.*English.*kept until/);
  });

  it('shows the gaps with their priority and quotes, and a question per gap with probes and the anchored scale', async () => {
    const gaps = page.getByTestId('kit-gap');
    expect(await gaps.count()).toBe(7);
    const kafka = gaps.first();
    expect(await kafka.getAttribute('data-priority')).toBe('critical');
    expect(await kafka.getByTestId('kit-priority').textContent()).toBe('Critical');
    expect(await kafka.locator('blockquote').first().textContent()).toBe('“Production experience with Apache Kafka for event streaming is required.”');
    expect(await kafka.textContent()).toMatch(/CVSays nothing about it/);
    // Airflow is in the CV only in passing: its words are quoted too.
    expect(await gaps.nth(1).locator('blockquote').nth(1).textContent()).toMatch(/started migrating two of them to Airflow DAGs/);
    expect(await page.getByTestId('kit-gap-method').textContent()).toMatch(/heuristic|Found by/);

    expect(await questions(page).count()).toBe(7);
    expect(await questions(page, '[data-source="llm"]').count()).toBe(7);
    const first = questions(page).first();
    expect(await first.getByTestId('kit-rating').getByRole('radio').count()).toBe(5);
    for (const label of await first.getByTestId('kit-rating').locator('.kit-scale__anchor').all()) expect((await label.textContent())?.length ?? 0).toBeGreaterThan(5);
    expect(await first.locator('.kit-probes dt').allTextContents()).toEqual(['Situation', 'Task', 'Action', 'Result']);
    expect(await first.locator('.kit-signs li').count()).toBeGreaterThanOrEqual(2);
    expect(await first.getByTestId('kit-made-by').textContent()).toMatch(/Written by llama3\.1:8b · kit-(question|refine) v1 .*quality \d\.\d\d \(threshold 0\.70\)/);

    // Each draft, with its score and the reviewer's reasons.
    await first.getByTestId('kit-history').locator('summary').click();
    const drafts = first.getByTestId('kit-draft');
    expect(await drafts.count()).toBeGreaterThanOrEqual(1);
    expect(await drafts.first().textContent()).toMatch(/1\. First draft.*score \d\.\d\d.*Reviewer’s reasons:/);
  });

  it("rates a question after asking the interviewer's name once, keeps notes typed, and both survive a reload", async () => {
    const first = questions(page).first();
    await rate(first, 4);
    const dialog = page.getByTestId('kit-interviewer-dialog');
    await expect.poll(() => dialog.isVisible(), soon).toBe(true);
    await page.keyboard.type('Alex Morgan');
    await page.keyboard.press('Enter');
    await expect.poll(() => first.getAttribute('data-rating'), soon).toBe('4');
    expect(await first.getByTestId('kit-rated-by').textContent()).toMatch(/^Your rating: 4 of 5 · by Alex Morgan, /);
    // Rated questions are final for the model: no rewriting them, while the others may be written again.
    expect(await first.getByTestId('kit-rewrite').count()).toBe(0);
    expect(await questions(page).nth(1).getByTestId('kit-rewrite').count()).toBe(1);

    const notes = 'Walked through a consumer-lag incident on their cron pipeline; owned the fix, but no Kafka in production.';
    await first.getByTestId('kit-notes').fill(notes);
    await expect.poll(() => first.getByTestId('kit-notes-state').getAttribute('data-state'), soon).toBe('saved');

    // The name is asked once: the second rating is saved straight away.
    const second = questions(page).nth(1);
    await rate(second, 2);
    await expect.poll(() => second.getAttribute('data-rating'), soon).toBe('2');
    expect(await dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('kit-row').first().textContent(), soon).toMatch(/2 rated/);

    await page.reload();
    await openKits(page);
    await kitView(page).waitFor({ timeout: soon.timeout });
    const again = questions(page).first();
    await expect.poll(() => again.getAttribute('data-rating'), soon).toBe('4');
    expect(await again.getByTestId('kit-notes').inputValue()).toBe(notes);
    expect(await again.getByTestId('kit-rated-by').textContent()).toMatch(/by Alex Morgan/);
    expect(await page.getByTestId('kit-interviewer').textContent()).toMatch(/as Alex Morgan/);

    await shoot(page, 'kits-kit.png', 1700, page.getByTestId('kit-questions'));
  });

  it('exports the kit as Markdown and HTML with the questions and the rating, and as a PDF', async () => {
    const questionText = (await questions(page).first().getByTestId('kit-question-text').textContent()) ?? '';
    expect(questionText.length).toBeGreaterThan(5);

    const markdown = await downloaded(page, 'kit-export-markdown');
    expect(markdown.name).toMatch(/\.md$/);
    expect(markdown.text).toContain(questionText);
    expect(markdown.text).toMatch(/\*\*Rating:\*\* 4 \\?\/ 5 by Alex Morgan/);
    expect(markdown.text).toContain('consumer-lag incident');

    const html = await downloaded(page, 'kit-export-html');
    expect(html.name).toMatch(/\.html$/);
    expect(html.text).toContain(questionText);
    expect(html.text).toMatch(/4 \/ 5 by Alex Morgan/);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('kit-export-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('cancels a generation, keeping what was written, and resumes it to the end', async () => {
    await pasteBoth(page, 'Second round · Priya Raman');
    const progress = page.getByTestId('kit-progress');
    await expect.poll(() => progress.getAttribute('data-stage'), generation).toBe('questions');
    await progress.getByTestId('kit-cancel').click();
    await expect.poll(() => kitView(page).getAttribute('data-phase'), soon).toBe('cancelled');
    expect(await progress.getByTestId('kit-progress-text').textContent()).toMatch(/^Stopped with \d of 7 questions written\. They are kept; Resume writes the/);
    await progress.getByTestId('kit-resume').click();
    await expect.poll(() => kitView(page).getAttribute('data-phase'), generation).toBe('ready');
    expect(await questions(page, '[data-status="done"]').count()).toBe(7);
  });

  it('deletes a kit after asking', async () => {
    await page.getByTestId('kit-delete').click();
    const confirm = page.getByRole('dialog', { name: 'Delete this kit?' });
    expect(await confirm.textContent()).toMatch(/“Second round · Priya Raman” is deleted/);
    await confirm.getByRole('button', { name: 'Delete kit' }).click();
    await expect.poll(() => page.getByTestId('kit-row').count(), soon).toBe(1);
    await expect.poll(() => kitView(page).locator('h2').first().textContent(), soon).toBe('Senior Data Engineer · Priya Raman');
  });

  it('changes the kit settings, refusing a threshold out of range at its field', async () => {
    const settings = page.getByTestId('kit-settings');
    const keptBefore = /kept until .*/.exec((await page.getByTestId('kit-row').first().textContent()) ?? '')?.[0];
    await settings.locator('summary').click();
    await expect.poll(() => settings.getByTestId('kit-threshold').inputValue(), soon).toBe('0.7');
    await settings.getByTestId('kit-threshold').fill('1.5');
    await settings.getByTestId('kit-settings-save').click();
    await expect.poll(() => settings.locator('#kit-threshold-error').textContent(), soon).toBe('The threshold is a score from 0 to 1');
    await settings.getByTestId('kit-threshold').fill('0.8');
    await settings.getByTestId('kit-expiry').fill('60');
    await settings.getByTestId('kit-settings-save').click();
    await expect.poll(() => settings.getByTestId('kit-settings-status').textContent(), soon).toBe('Saved.');
    expect(await settings.locator('#kit-threshold-error').count()).toBe(0);
    // Every kit is now kept 60 days after its last change, and each question's score is read against 0.80.
    await expect.poll(async () => /kept until .*/.exec((await page.getByTestId('kit-row').first().textContent()) ?? '')?.[0], soon).not.toBe(keptBefore);
    await expect.poll(() => questions(page).first().getByTestId('kit-made-by').textContent(), soon).toMatch(/\(threshold 0\.80\)/);
    await settings.locator('summary').click();
  });

  it('reads well in the dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(20, 22, 26)');
      await shoot(page, 'kits-dark.png', 1500, page.getByTestId('kit-questions'));
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });
});

describe('interview kits in Chromium, with no model server', () => {
  const offline = useOfflineApp('kits-offline');
  let page: Page;
  beforeAll(() => {
    page = offline.page;
  });

  it('still makes a kit: gaps by the heuristic, questions from the bank, each marked as such', async () => {
    await openKits(page);
    await pasteBoth(page, 'Offline kit');
    await expect.poll(() => kitView(page).getAttribute('data-phase'), generation).toBe('ready');
    expect(await page.getByTestId('kit-gaps').getAttribute('data-method')).toBe('heuristic');
    expect(await page.getByTestId('kit-gap-method').textContent()).toMatch(/^Found by the heuristic/);
    const total = await page.getByTestId('kit-gap').count();
    expect(total).toBeGreaterThanOrEqual(3);
    expect(await questions(page, '[data-source="bank"]').count()).toBe(total);
    const first = questions(page).first();
    expect(await first.getByTestId('kit-source').textContent()).toBe('question bank');
    expect(await first.getByTestId('kit-made-by').textContent()).toMatch(/^From the question bank \(no model\) · kit-bank v1/);
    expect(await first.getByTestId('kit-question-text').textContent()).toMatch(/Apache Kafka/);
    expect(await first.getByTestId('kit-rating').getByRole('radio').count()).toBe(5);
  });

  it('shows the error of a bad upload next to the CV box, and nothing at the job description', async () => {
    const form = await newKitForm(page);
    // A ".pdf" whose bytes are plain text: uploaded fine, refused by the core when it reads it.
    await form.getByTestId('kit-cv-file').setInputFiles({ name: 'priya-raman-cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from(dataEngineerCv) });
    await expect.poll(() => form.getByTestId('kit-cv-chosen').getAttribute('data-uploaded'), soon).toBe('true');
    await form.getByTestId('kit-jd-text').fill(seniorDataEngineerJd);
    await form.getByTestId('kit-create').click();
    const error = form.getByTestId('kit-cv-error');
    await expect.poll(() => error.textContent(), soon).toBe('The CV (priya-raman-cv.pdf) is not a PDF: it looks like plain text');
    expect(await form.getByTestId('kit-doc-cv').getAttribute('data-invalid')).toBe('true');
    expect(await form.getByTestId('kit-jd-error').count()).toBe(0);
    expect(await page.getByTestId('kit-row').count()).toBe(1);
    // The box is fixed by removing the file: the text box comes back, focused, and the error goes.
    await form.getByRole('button', { name: 'Remove the CV file' }).click();
    await expect.poll(() => page.evaluate('document.activeElement?.id'), soon).toBe('kit-cv-text');
    expect(await error.count()).toBe(0);
  });
});
