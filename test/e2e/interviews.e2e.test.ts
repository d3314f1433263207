import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOfflineApp, useServedApp } from './support/served-app';

const screenshots = join(process.cwd(), 'test-results', 'e2e');
const soon = { timeout: 10_000, interval: 50 };
/** The stand-in writes one word every 30 ms: slow enough to watch a follow-up arrive word by word. */
const standinEnv = { OLLAMA_STANDIN_LATENCY_MS: '30' };

const handover = (page: Page): Locator => page.getByTestId('handover');
const answerBox = (page: Page): Locator => page.getByTestId('handover-answer');
const turns = (page: Page, selector = ''): Locator => page.locator(`[data-testid="handover-turn"]${selector}`);

async function openInterviews(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Interviews', exact: true }).click();
  await page.getByTestId('interviews-page').waitFor();
}

/** Types an answer as the employee does, and sends it with Enter once the box takes text again. */
async function answer(page: Page, text: string): Promise<void> {
  await expect.poll(() => answerBox(page).isEnabled(), soon).toBe(true);
  await expect.poll(() => page.evaluate('document.activeElement?.id'), soon).toBe('handover-answer');
  const before = await turns(page).count();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  // The answer is committed, and the next interviewer turn is on screen.
  await expect.poll(() => turns(page).count(), soon).toBeGreaterThanOrEqual(before + 2);
}

/** The kind and source of the interviewer's latest turn. */
const lastQuestion = (page: Page): Promise<{ kind: string | null; source: string | null; text: string | null }> =>
  turns(page, '[data-role="interviewer"]')
    .last()
    .evaluate((element) => ({ kind: element.getAttribute('data-kind'), source: element.getAttribute('data-source'), text: element.textContent }));

async function setUp(page: Page, fields: { name?: string; department: string; anonymous?: boolean }): Promise<void> {
  const form = page.getByTestId('new-interview');
  if (!(await form.isVisible())) await page.getByTestId('interviews-new').click();
  if (fields.name !== undefined) await form.getByLabel('Employee name').fill(fields.name);
  if (fields.anonymous === true) await form.getByTestId('setup-anonymous').check();
  await form.getByLabel('Department').fill(fields.department);
  await form.getByTestId('setup-submit').click();
  await page.getByTestId('interview-detail').waitFor();
}

describe('exit interviews in Chromium, with the local model (the Ollama stand-in)', () => {
  const app = useServedApp({ name: 'interviews', ollamaEnv: standinEnv });
  let page: Page;
  beforeAll(() => {
    page = app.page;
  });

  it('sets up an interview, with the set-up refused at the field until it is valid', async () => {
    await openInterviews(page);
    await expect.poll(() => page.title()).toBe('Interviews · Talent Workstation');
    // No interview yet: the form is what shows.
    const form = page.getByTestId('new-interview');
    await form.waitFor();
    await form.getByLabel('Employee name').fill('Dana Whitfield');
    await form.getByLabel('Employee id').fill('E-1042');

    // Anonymous clears and locks the name and the id, and says so.
    await form.getByTestId('setup-anonymous').check();
    expect(await form.getByLabel('Employee name').isDisabled()).toBe(true);
    expect(await form.getByLabel('Employee name').inputValue()).toBe('');
    expect(await form.textContent()).toMatch(/No name or id will be stored/);
    await form.getByTestId('setup-anonymous').uncheck();
    await form.getByLabel('Employee name').fill('Dana Whitfield');
    await form.getByLabel('Employee id').fill('E-1042');
    await form.getByLabel('Department').fill('Sales');
    await form.getByLabel('Role').fill('Account executive');
    await form.getByLabel('Manager').fill('Sam Ortiz');
    expect(await form.getByTestId('setup-voluntary').isChecked()).toBe(true);

    // 61 years is more than the core takes: its message shows at the tenure fields.
    await form.getByLabel('Tenure', { exact: true }).fill('61');
    await form.getByTestId('setup-submit').click();
    await expect.poll(() => form.locator('#setup-tenure-years-error').textContent(), soon).toMatch(/at most 720/);
    expect(await page.getByTestId('interview-row').count()).toBe(0);
    await form.getByLabel('Tenure', { exact: true }).fill('2');
    await form.getByLabel('Tenure, months').fill('6');
    await form.getByTestId('setup-submit').click();

    const detail = page.getByTestId('interview-detail');
    await detail.waitFor({ timeout: soon.timeout });
    expect(await detail.getAttribute('data-status')).toBe('ready');
    expect(await detail.getByTestId('interview-facts').textContent()).toMatch(/2 years 6 months/);
    await expect.poll(() => page.getByTestId('interview-row').count(), soon).toBe(1);
    expect(await page.getByTestId('interview-row').first().textContent()).toMatch(/Dana Whitfield.*Ready to hand over/);
    await page.screenshot({ path: join(screenshots, 'interviews-list.png') });
  });

  it('hands over: the employee types, follow-ups are written by the model word by word, and the guide moves on', async () => {
    await page.getByTestId('interview-handover').click();
    await handover(page).waitFor();
    // The whole window, modal; the app underneath is inert and no key leads out of it.
    expect(await handover(page).getAttribute('aria-modal')).toBe('true');
    expect(await handover(page).boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
    expect(await page.locator('#root').getAttribute('inert')).toBe('');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+1');
    await page.evaluate('window.history.back()');
    await page.waitForTimeout(200);
    expect(await handover(page).isVisible()).toBe(true);
    expect(page.url()).toMatch(/#\/interviews$/);

    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'question', source: 'script' });
    expect((await lastQuestion(page)).text).toMatch(/growth/);
    await answer(page, 'I stopped growing here. I asked for a promotion twice and nothing ever happened.');
    // The next question was streamed in while the box waited.
    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'follow-up', source: 'llm' });

    // A declined follow-up moves the conversation to the next area's question.
    await answer(page, 'No');
    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'question', source: 'script' });
    expect((await lastQuestion(page)).text).toMatch(/pay and benefits/);

    // This time, watch the follow-up arrive word by word while the box is disabled.
    await expect.poll(() => answerBox(page).isEnabled(), soon).toBe(true);
    await page.keyboard.type('The pay was well below what other companies offered for the same job.');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('handover-streamed').textContent(), { timeout: 5_000, interval: 20 }).toMatch(/\S+ \S+/);
    expect(await answerBox(page).isDisabled()).toBe(true);
    expect(await page.getByTestId('handover-writing').textContent()).toContain('…');
    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'follow-up', source: 'llm' });

    // Shift+Enter starts a new line; Enter sends both.
    await expect.poll(() => answerBox(page).isEnabled(), soon).toBe(true);
    await page.keyboard.type('A rival offered a third more.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Nobody here would match it.');
    await page.keyboard.press('Enter');
    await expect.poll(() => turns(page, '[data-role="employee"]').last().textContent(), soon).toBe('You said: A rival offered a third more.\nNobody here would match it.');
    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'follow-up', source: 'llm' });

    // Two follow-ups is the area's limit: the manager's question comes next.
    await answer(page, 'Nothing more on pay, but my manager never listened when I raised it.');
    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'question', source: 'script' });
    expect((await lastQuestion(page)).text).toMatch(/your manager/);
    expect(await turns(page, '[data-source="llm"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('handover-error').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'interviews-handover.png') });
  });

  it('pauses with the draft kept, resumes, ends, and hands back', async () => {
    await page.keyboard.type('My manager cancelled');
    // The draft is saved once typing stops, before any pause.
    const id = await page.getByTestId('interview-detail').getAttribute('data-id');
    const draftOf = (): Promise<string> =>
      page.evaluate(async (interviewId) => {
        const response = await fetch('/api/interviews.get', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: interviewId }) });
        return ((await response.json()) as { value: { draft: string } }).value.draft;
      }, id);
    await expect.poll(draftOf, { timeout: 5_000, interval: 250 }).toBe('My manager cancelled');
    await page.getByTestId('handover-pause').click();
    const paused = page.getByTestId('handover-paused');
    await paused.waitFor({ timeout: soon.timeout });
    expect(await paused.textContent()).toMatch(/Paused — your answers are saved/);
    await paused.getByTestId('handover-resume').click();
    await expect.poll(() => answerBox(page).inputValue(), soon).toBe('My manager cancelled');
    await page.keyboard.type(' every one-to-one for months.');
    await page.keyboard.press('Enter');
    await expect.poll(() => turns(page, '[data-role="employee"]').last().textContent(), soon).toBe('You said: My manager cancelled every one-to-one for months.');
    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'follow-up' });

    await page.getByTestId('handover-end').click();
    const confirm = page.getByRole('dialog', { name: 'End the interview now?' });
    await confirm.getByRole('button', { name: 'End the interview' }).click();
    const finished = page.getByTestId('handover-finished');
    await finished.waitFor({ timeout: soon.timeout });
    expect(await finished.getByTestId('handover-closing').textContent()).toMatch(/Thank you for your honesty/);
    await finished.getByTestId('handover-hand-back').click();
    await handover(page).waitFor({ state: 'detached' });
    expect(await page.locator('#root').getAttribute('inert')).toBeNull();
    await expect.poll(() => page.getByTestId('interview-detail').getAttribute('data-status'), soon).toBe('ended');
  });

  it('analyses the finished interview on opening, shows how each label was made, and takes a correction', async () => {
    const primary = page.getByTestId('analysis-primary');
    await expect.poll(() => primary.getAttribute('data-method'), soon).toBe('llm');
    expect(await primary.getByTestId('label-method').textContent()).toBe('llama3.1:8b · exit-analysis v1');
    const overall = page.getByTestId('analysis-overall');
    expect(await overall.getAttribute('data-value')).toMatch(/^(positive|neutral|negative)$/);
    expect(await overall.getByTestId('label-method').textContent()).toMatch(/llama3\.1:8b|lexicon/);
    expect(await page.getByTestId('analysis-summary').getByTestId('label-value').textContent()).not.toBe('');

    // The transcript says who wrote each turn; each answer carries its sentiment.
    const transcript = page.getByTestId('interview-transcript');
    expect(await transcript.locator('[data-testid="transcript-turn"][data-source="llm"]').first().textContent()).toMatch(/written by llama3\.1:8b/);
    expect(await transcript.locator('[data-testid="transcript-turn"][data-source="script"]').first().textContent()).toMatch(/from the guide/);
    expect(await transcript.getByTestId('answer-sentiment').count()).toBe(await transcript.locator('[data-role="employee"]').count());

    const corrected = (await primary.getAttribute('data-value')) === 'manager' ? 'pay-benefits' : 'manager';
    await primary.getByTestId('label-edit').click();
    await primary.getByTestId('label-select').selectOption(corrected);
    await primary.getByTestId('label-select').press('Enter');
    await expect.poll(() => primary.getAttribute('data-corrected'), soon).toBe('true');
    expect(await primary.getAttribute('data-value')).toBe(corrected);
    expect(await primary.getByTestId('label-corrected').textContent()).toBe('corrected');
    expect(await primary.getByTestId('label-suggested').textContent()).toMatch(/suggested: .*llama3\.1:8b/);
    await expect.poll(() => page.getByTestId('interview-row').first().textContent(), soon).toMatch(corrected === 'manager' ? /Manager/ : /Pay and benefits/);

    // An answer's sentiment, corrected and then undone.
    const sentiment = transcript.getByTestId('answer-sentiment').first();
    const suggested = await sentiment.getAttribute('data-value');
    await sentiment.getByTestId('label-edit').click();
    await sentiment.getByTestId('label-select').selectOption(suggested === 'negative' ? 'positive' : 'negative');
    await sentiment.getByTestId('label-save').click();
    await expect.poll(() => sentiment.getAttribute('data-corrected'), soon).toBe('true');
    await sentiment.getByRole('button', { name: /Undo correction/ }).click();
    await expect.poll(() => sentiment.getAttribute('data-corrected'), soon).toBe('false');
    expect(await sentiment.getAttribute('data-value')).toBe(suggested);

    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.locator('main').evaluate((main) => main.scrollTo({ top: 0 }));
    await page.screenshot({ path: join(screenshots, 'interviews-detail.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("exports the interview as HTML with the employee's words, and as a PDF", async () => {
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('interview-export-html').click()]);
    expect(html.suggestedFilename()).toMatch(/\.html$/);
    const text = readFileSync(await html.path(), 'utf8');
    expect(text).toContain('I asked for a promotion twice and nothing ever happened.');
    expect(text).toContain('Dana Whitfield');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('interview-export-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('reports the last twelve months, and hides everything with fewer than five interviews', async () => {
    await page.getByTestId('interviews-view').getByRole('radio', { name: 'Report' }).check();
    const aggregate = page.getByTestId('report-aggregate');
    await aggregate.waitFor({ timeout: soon.timeout });
    expect(await aggregate.getAttribute('data-suppressed')).toBe('true');
    expect(await page.getByTestId('report-count').textContent()).toBe('1');
    expect(await page.getByTestId('report-suppressed').textContent()).toMatch(/Fewer than 5 analysed interviews fall in this period \(1\)/);
    expect(await page.getByTestId('report-reasons').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'interviews-report.png') });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^exit-interviews-.*\.csv$/);
    expect(readFileSync(await csv.path(), 'utf8')).toMatch(/^section,key,count/);

    // An upside-down period is refused at its field.
    await page.getByLabel('From', { exact: true }).fill('2031-01-01');
    await page.getByTestId('report-show').click();
    await expect.poll(() => page.locator('#report-to-error').textContent(), soon).toMatch(/must start before it ends/);
  });

  it('edits the guide into a new version, refusing an empty opening at the field', async () => {
    await page.getByTestId('interviews-view').getByRole('radio', { name: 'Guide' }).check();
    const guide = page.getByTestId('interviews-guide');
    await guide.waitFor({ timeout: soon.timeout });
    expect(await guide.getAttribute('data-version')).toBe('1');
    await guide.getByTestId('guide-opening').fill('Hi');
    await guide.getByTestId('guide-save').click();
    await expect.poll(() => guide.locator('#guide-opening-error').textContent(), soon).toMatch(/Write how the interview opens/);
    await guide.getByTestId('guide-opening').fill('Thank you for talking with us today.');
    await guide.getByTestId('guide-area').first().getByTestId('guide-max').fill('1');
    expect(await guide.getByTestId('guide-save').textContent()).toBe('Save as version 2');
    await guide.getByTestId('guide-save').click();
    await expect.poll(() => guide.getAttribute('data-version'), soon).toBe('2');
    expect(await guide.getByTestId('guide-status').textContent()).toMatch(/Saved as version 2/);

    await page.getByTestId('interviews-view').getByRole('radio', { name: 'Interview kits' }).check();
    expect(await page.getByTestId('interview-kits').textContent()).toMatch(/CV and a job description/);
  });

  it('reads well in the dark theme', async () => {
    // The same page with the system's dark preference: the theme follows prefers-color-scheme.
    await page.getByTestId('interviews-view').getByRole('radio', { name: 'Exit interviews' }).check();
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await page.setViewportSize({ width: 1280, height: 1200 });
      await page.getByTestId('analysis-primary').waitFor({ timeout: soon.timeout });
      await page.locator('main').evaluate((main) => main.scrollTo({ top: 0 }));
      expect(await page.evaluate("getComputedStyle(document.body).backgroundColor")).toBe('rgb(20, 22, 26)');
      await page.screenshot({ path: join(screenshots, 'interviews-dark.png') });
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});

describe('exit interviews in Chromium, with no model server', () => {
  const offline = useOfflineApp('interviews-offline');
  let page: Page;
  beforeAll(() => {
    page = offline.page;
  });

  it('runs an anonymous interview on the guide alone, with no error for the employee, and analyses it with the lexicon', async () => {
    await openInterviews(page);
    await setUp(page, { department: 'Support', anonymous: true });
    expect(await page.getByTestId('interview-detail').getByRole('heading', { level: 2 }).first().textContent()).toBe('Anonymous employee');
    await page.getByTestId('interview-handover').click();
    await handover(page).waitFor();

    await answer(page, 'The workload was far too heavy and nobody helped.');
    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'follow-up', source: 'script' });
    await answer(page, 'Weekends were spent catching up on tickets every month.');
    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'follow-up', source: 'script' });
    await answer(page, 'No');
    await expect.poll(() => lastQuestion(page), soon).toMatchObject({ kind: 'question', source: 'script' });
    expect(await turns(page, '[data-source="llm"]').count()).toBe(0);
    expect(await page.getByTestId('handover-error').count()).toBe(0);
    expect(await handover(page).getByRole('alert').count()).toBe(0);

    await page.getByTestId('handover-end').click();
    await page.getByRole('dialog', { name: 'End the interview now?' }).getByRole('button', { name: 'End the interview' }).click();
    await page.getByTestId('handover-hand-back').click();
    const primary = page.getByTestId('analysis-primary');
    await expect.poll(() => primary.getAttribute('data-method'), soon).toBe('lexicon');
    expect(await primary.getByTestId('label-method').textContent()).toBe('lexicon');
    expect(await page.getByTestId('analysis-made-by').textContent()).toMatch(/lexicon/);
  });

  it('keeps the typed answer when it cannot be taken, and says why in plain words', async () => {
    await setUp(page, { name: 'Robin Hale', department: 'Support' });
    const id = await page.getByTestId('interview-detail').getAttribute('data-id');
    await page.getByTestId('interview-handover').click();
    await handover(page).waitFor();
    await expect.poll(() => answerBox(page).isEnabled(), soon).toBe(true);
    // Paused from elsewhere (the analyst's other window) while the employee types.
    await page.evaluate(async (interviewId) => {
      await fetch('/api/interviews.pause', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: interviewId }) });
    }, id);
    await page.keyboard.type('Too many late shifts.');
    await page.keyboard.press('Enter');
    const paused = page.getByTestId('handover-paused');
    await paused.waitFor({ timeout: soon.timeout });
    expect(await paused.getByTestId('handover-error').textContent()).toBe('The interview is paused: resume it before answering');
    await paused.getByTestId('handover-resume').click();
    await expect.poll(() => answerBox(page).inputValue(), soon).toBe('Too many late shifts.');
    await page.keyboard.press('Enter');
    await expect.poll(() => turns(page, '[data-role="employee"]').last().textContent(), soon).toBe('You said: Too many late shifts.');
    expect(await page.getByTestId('handover-error').count()).toBe(0);
  });
});
