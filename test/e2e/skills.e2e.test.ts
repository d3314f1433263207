import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLabelledRows, labelledCsv } from '../../main/skills/sample/labelled';
import { screenshotsDir, useServedApp } from './support/served-app';

const soon = { timeout: 15_000, interval: 50 };

/** One call to the page's own server, authorised by the cookie the page holds (as the renderer calls it). */
async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ([name, payload]) => {
      const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, input] as const,
  );
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

const firstAnswers = [
  'I loved my team. When a colleague was struggling I listened to her and tried to see it from her point of view, and we solved it together step by step.',
  'The main problem was workload. We tested a few options, found the root cause in planning, and fixed it because the process led to constant rework.',
  'I felt frustrated at times, but I stayed calm, noticed what was happening, and learned to take a pause before reacting.',
  'After the reorganisation was a setback, we kept going, adapted, and I am going to use what I learned in my next role.',
];
const laterAnswers = [
  'Honestly I mostly worked alone. I did not really talk to the team much.',
  'There were problems but nobody fixed them. I never knew why.',
  'I was angry and stressed a lot, and it was awful.',
  'I am not sure what comes next. Maybe something different.',
];

/** An exit interview answered and ended through the API, so the page has finished interviews to read. */
async function finishedInterview(page: Page, answers: readonly string[], leavingDate: string): Promise<string> {
  const created = await api<{ id: string }>(page, 'interviews.create', { employeeName: 'Dana Whitfield', employeeRef: 'E-3001', department: 'Sales', role: 'Account executive', leavingDate });
  await api(page, 'interviews.start', { id: created.id });
  for (const [index, text] of answers.entries()) await api(page, 'interviews.answer', { id: created.id, text, typingMs: 20_000 + index * 7_000, revisions: index % 3 });
  await api(page, 'interviews.end', { id: created.id });
  return created.id;
}

const pastedTranscript = {
  person: { id: 'C-77', name: 'Robin Hale' },
  takenAt: '2026-03-02',
  turns: [
    { role: 'interviewer', text: 'Tell me about a time a project went wrong.' },
    { role: 'interviewee', text: 'Our launch slipped badly. We listened to the customers, found the root cause, fixed the tests and kept going.', latencyMs: 2400, typingMs: 21000, revisions: 1, pauses: 0 },
    { role: 'interviewer', text: 'How did you feel?' },
    { role: 'interviewee', text: 'Frustrated at first, then relieved. I learned to plan for the next release with the team.', latencyMs: 3100, typingMs: 17000, revisions: 0, pauses: 1 },
  ],
};

/** The page scrolls inside <main>, so a taller window (not fullPage) shows more of it, from the top. */
async function screenshot(page: Page, name: string, height: number): Promise<void> {
  await page.setViewportSize({ width: 1280, height });
  await page.locator('main').evaluate((main) => main.scrollTo({ top: 0 }));
  await page.screenshot({ path: join(screenshotsDir, name) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const card = (page: Page, skill: string) => page.locator(`[data-testid="skill-card"][data-skill="${skill}"]`);

describe('skills in Chromium, with the local model (the Ollama stand-in)', () => {
  const app = useServedApp({ name: 'skills' });
  let page: Page;
  const interviews: string[] = [];
  beforeAll(async () => {
    page = app.page;
    interviews.push(await finishedInterview(page, firstAnswers, '2026-01-15'));
    interviews.push(await finishedInterview(page, laterAnswers, '2026-02-20'));
    await page.getByRole('navigation').getByRole('link', { name: 'Skills', exact: true }).click();
    await page.getByTestId('skills-page').waitFor();
  });

  it('assesses one exit interview: four skill cards with scores, confidence, quoted evidence and reasoning', async () => {
    await page.getByTestId('skills-view').getByRole('radio', { name: 'Assess' }).check();
    await page.locator(`[data-testid="skills-pick-interview"][data-id="${interviews[0]}"]`).getByRole('checkbox').check();
    await page.getByTestId('skills-infer').click();
    await expect.poll(() => page.getByTestId('skill-card').count(), soon).toBe(4);
    expect(await page.getByTestId('skills-view').getAttribute('data-value')).toBe('people');
    for (const skill of ['empathy', 'problem-solving', 'self-regulation', 'resilience']) {
      const score = Number(await card(page, skill).getAttribute('data-score'));
      expect(score).toBeGreaterThanOrEqual(1);
      expect(score).toBeLessThanOrEqual(5);
      expect(await card(page, skill).getByTestId('skill-confidence-component').count()).toBe(4);
      expect(await card(page, skill).getByTestId('skill-evidence').count()).toBeGreaterThan(0);
      expect((await card(page, skill).getByTestId('skill-reasoning').textContent())?.length).toBeGreaterThan(40);
      expect(await card(page, skill).getByTestId('skill-provenance').textContent()).toMatch(/no model: inferred from the other evidence · weights v1/);
    }
    expect(await page.getByTestId('skill-evidence-quote').count()).toBeGreaterThan(0);
    expect(await card(page, 'empathy').getByTestId('skill-evidence-meaning').first().textContent()).not.toBe('');
  });

  it("rates a skill, and the analyst's rating becomes the score that counts", async () => {
    const empathy = card(page, 'empathy');
    const inferred = await empathy.getByTestId('skill-inferred').textContent();
    await empathy.getByTestId('skill-rate-5').check({ force: true });
    await empathy.getByTestId('skill-rating-note').fill('Strong in the team interview as well');
    await empathy.getByTestId('skill-rating-save').click();
    await expect.poll(() => empathy.getAttribute('data-source'), soon).toBe('analyst');
    expect(await empathy.getByTestId('skill-score').textContent()).toBe('5.0');
    expect(await empathy.getByTestId('skill-inferred').textContent()).toBe(inferred);
  });

  it('refuses a malformed transcript at its field, then assesses an interview and a transcript as a job', async () => {
    await page.getByTestId('skills-view').getByRole('radio', { name: 'Assess' }).check();
    const bad = { ...pastedTranscript, turns: [{ role: 'manager', text: 'Hello' }, ...pastedTranscript.turns] };
    await page.getByTestId('skills-transcript-text').fill(JSON.stringify(bad, null, 2));
    await page.getByTestId('skills-infer').click();
    await expect.poll(() => page.getByTestId('skills-transcript-error').textContent(), soon).toMatch(/transcript\.turns\.0\.role.*interviewer or the interviewee/);

    await page.getByTestId('skills-transcript-text').fill(JSON.stringify(pastedTranscript, null, 2));
    await page.locator(`[data-testid="skills-pick-interview"][data-id="${interviews[1]}"]`).getByRole('checkbox').check();
    expect(await page.getByTestId('skills-infer').textContent()).toBe('Assess 2 as a job');
    await page.getByTestId('skills-infer').click();
    const job = page.getByTestId('skills-job');
    await expect.poll(() => job.getAttribute('data-status'), soon).toBe('completed');
    expect(await job.getAttribute('data-done')).toBe('2');
    expect(await job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  });

  it("opens a person with two assessments and compares them over time, then exports the person's CSV", async () => {
    await page.getByTestId('skills-view').getByRole('radio', { name: 'People' }).check();
    await expect.poll(() => page.getByTestId('skills-person-row').count(), soon).toBe(2);
    await page.locator('[data-testid="skills-person-row"][data-id="E-3001"] button').click();
    const comparison = page.getByTestId('skills-comparison');
    await expect.poll(() => comparison.getAttribute('data-assessments'), soon).toBe('2');
    expect(await comparison.getByTestId('skills-comparison-row').count()).toBe(4);
    expect(await comparison.locator('[data-skill="empathy"]').textContent()).toMatch(/5\.0rated/);
    // The first assessment in full, with the rating: the comparison above, the cards below.
    await comparison.getByRole('button', { name: /^#1/ }).click();
    await expect.poll(() => card(page, 'empathy').getAttribute('data-source'), soon).toBe('analyst');
    await screenshot(page, 'skills-person.png', 1600);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('skills-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    expect(lines.length).toBe(1 + 2 * 4);
    expect(lines.some((line) => line.includes('empathy') && line.includes('5'))).toBe(true);
  });

  it('trains models from a labelled CSV and shows the held-out RMSE beside the mean baseline', async () => {
    await page.getByTestId('skills-view').getByRole('radio', { name: 'Models' }).check();
    await page.getByTestId('skills-models').waitFor();
    const csv = labelledCsv(generateLabelledRows(240, 7));
    await page.getByTestId('skills-train-file').setInputFiles({ name: 'ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const results = page.getByTestId('skills-train-results');
    await results.waitFor({ timeout: 30_000 });
    expect(await results.getByTestId('skills-train-row').count()).toBe(4);
    const rmse = Number(await results.getByTestId('skills-train-rmse').first().textContent());
    const baseline = Number(await results.getByTestId('skills-train-baseline').first().textContent());
    expect(rmse).toBeGreaterThan(0);
    expect(baseline).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="skills-model-row"][data-active="true"]').count(), soon).toBeGreaterThan(0);

    // A model whose features are not ours is refused with the core's message, shown as is.
    const foreign = JSON.stringify({ learner: { feature_names: ['age', 'salary'], gradient_booster: {}, objective: { name: 'reg:squarederror' } }, version: [2, 0, 0] });
    await page.getByTestId('skills-import-file').setInputFiles({ name: 'foreign.json', mimeType: 'application/json', buffer: Buffer.from(foreign) });
    await expect.poll(() => page.getByTestId('skills-import-outcome').getAttribute('data-tone'), soon).toBe('error');
    await screenshot(page, 'skills-models.png', 1500);
  });

  it('refuses weights that do not sum to 1, then saves valid ones as the next version', async () => {
    await page.getByTestId('skills-view').getByRole('radio', { name: 'Weights' }).check();
    const empathy = page.locator('[data-testid="skills-weights-row"][data-skill="empathy"]');
    await empathy.getByTestId('skills-weight-ml').fill('0.6');
    expect(await page.getByTestId('skills-weights-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('skills-weights-refused').textContent()).toMatch(/Empathy \(They sum to 1\.1: 0\.1 too much\)/);
    await empathy.getByTestId('skills-weight-linguistic').fill('0.2');
    expect(await empathy.getAttribute('data-valid')).toBe('true');
    await page.getByTestId('skills-weights-note').fill('More trust in the trained model');
    await page.getByTestId('skills-weights-save').click();
    await expect.poll(() => page.getByTestId('skills-weights-outcome').textContent(), soon).toMatch(/version 2/);
    expect(await page.getByTestId('skills-weights-history').getAttribute('data-versions')).toBe('2');
    await screenshot(page, 'skills-weights.png', 1100);
  });

  it('reads well in the dark theme', async () => {
    await page.getByTestId('skills-view').getByRole('radio', { name: 'People' }).check();
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await page.setViewportSize({ width: 1280, height: 1200 });
      await page.getByTestId('skill-card').first().waitFor();
      expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(20, 22, 26)');
      await page.screenshot({ path: join(screenshotsDir, 'skills-dark.png') });
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
