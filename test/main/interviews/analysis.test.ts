import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelOf, lexiconSentiment, overallSentiment, reasonScores } from '../../../main/interviews/analysis/lexicon';
import { verifiedThemes } from '../../../main/interviews/analysis/analyse';
import { loadBundledGuide } from '../../../main/interviews/guide-store';
import { analysisSchema, type Aggregate, type Analysis, type InterviewDetail, type InterviewSummary, type Turn } from '../../../main/interviews/schema';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useInterviewRig, type InterviewRig } from './rig';

const rig = useInterviewRig();
let engine: OllamaStandin;
beforeAll(async () => {
  engine = await startOllamaStandin();
});
afterAll(async () => {
  await engine.close();
});

const answer = (seq: number, area: Turn['area'], text: string): Turn => ({
  seq, role: 'employee', kind: 'answer', area, text, source: 'employee', model: null, template: null, at: new Date(0).toISOString(), typingMs: null, revisions: null,
});

describe('the lexicon', () => {
  it('reads negative, positive and neutral answers, with negation', () => {
    expect(lexiconSentiment('My manager never listened, I felt ignored and undervalued, and the pressure was awful.')).toMatchObject({ label: 'negative' });
    expect(lexiconSentiment('The team was great, supportive and kind; I loved the projects.')).toMatchObject({ label: 'positive' });
    expect(lexiconSentiment('I worked on the reporting pipeline in the finance team.')).toEqual({ label: 'neutral', score: 0 });
    // Naming a topic is not a feeling about it.
    expect(lexiconSentiment('I never got a promotion and nobody talked about my growth or benefits.').score).toBeLessThanOrEqual(0);
    const plain = lexiconSentiment('I was happy with the pay.');
    const negated = lexiconSentiment('I was not happy with the pay.');
    expect(plain.score).toBeGreaterThan(0);
    expect(negated.score).toBeLessThan(0);
  });

  it('weights the overall tone by how much was said', () => {
    const long = { text: 'word '.repeat(30), sentiment: { label: 'negative' as const, score: -0.6 } };
    const short = { text: 'fine', sentiment: { label: 'positive' as const, score: 0.6 } };
    const overall = overallSentiment([long, short]);
    expect(overall.label).toBe('negative');
    expect(overall.score).toBeCloseTo((-0.6 * 30 + 0.6) / 31, 3);
  });

  it('finds pay as the primary reason and the manager as the secondary from keywords and negative answers', () => {
    const guide = loadBundledGuide();
    const answers = [
      answer(3, 'career-growth', 'Growth was fine, I learned a lot.'),
      answer(5, 'pay-benefits', 'The salary was far below market and my bonus was cut; the new offer pays much more.'),
      answer(7, 'manager', 'My manager cancelled our one to ones and never gave feedback.'),
    ];
    const sentiments = new Map(answers.map((entry) => [entry.seq, lexiconSentiment(entry.text)]));
    const scores = reasonScores(guide, answers, sentiments);
    expect(scores.primary).toBe('pay-benefits');
    expect(scores.secondary).toBe('manager');
  });

  it('reads an answer by what it says, not by the question it answered', () => {
    const guide = loadBundledGuide();
    const answers = [answer(2, 'career-growth', 'I was underpaid compared with my peers elsewhere.')];
    const sentiments = new Map(answers.map((entry) => [entry.seq, lexiconSentiment(entry.text)]));
    expect(sentiments.get(2)?.label).toBe('negative');
    expect(reasonScores(guide, answers, sentiments).primary).toBe('pay-benefits');
  });

  it('keeps only quotes the employee really said, moving one to the answer it came from', () => {
    const answers = [answer(3, 'pay-benefits', 'The salary was far below market.'), answer(5, 'manager', 'My manager never gave feedback.')];
    const themes = verifiedThemes(
      [
        { reason: 'pay-benefits', label: 'Pay', quotes: [{ answer: 3, text: 'salary was far below market' }, { answer: 3, text: 'I was paid peanuts' }] },
        { reason: 'manager', label: 'Manager', quotes: [{ answer: 3, text: '“never gave feedback”' }] },
        { reason: 'recognition', label: 'Invented', quotes: [{ answer: 5, text: 'nobody thanked me' }] },
      ],
      answers,
    );
    expect(themes).toEqual([
      { reason: 'pay-benefits', label: 'Pay', quotes: [{ seq: 3, text: 'salary was far below market' }] },
      { reason: 'manager', label: 'Manager', quotes: [{ seq: 5, text: '“never gave feedback”' }] },
    ]);
  });
});

async function finishedInterview(r: InterviewRig, overrides: Record<string, unknown> = {}): Promise<InterviewDetail> {
  const { id } = await r.call<InterviewSummary>('interviews.create', { employeeName: 'Sam Reyes', department: 'Sales', tenureMonths: 18, voluntary: true, ...overrides });
  await r.call('interviews.start', { id });
  await r.call('interviews.answer', { id, text: 'The pay was far below market and I was underpaid for years; the new offer is much better.' });
  await r.call('interviews.answer', { id, text: 'My bonus was cut twice and nobody explained why.' });
  return r.call<InterviewDetail>('interviews.end', { id });
}

describe('the analysis, through the contract', () => {
  it('without a model: lexicon labels, themes quoting the answers, a suggested flag and a summary that names no one', async () => {
    const r = rig(() => null);
    const detail = await finishedInterview(r);
    const analysis = await r.call<Analysis>('interviews.analyse', { id: detail.id });
    expect(analysisSchema.parse(analysis)).toEqual(analysis);
    expect(analysis).toMatchObject({ method: 'lexicon', model: null, template: { id: 'exit-analysis-lexicon', version: '1' } });
    expect(analysis.primaryReason).toMatchObject({ value: 'pay-benefits', suggested: 'pay-benefits', method: 'lexicon', correctedAt: null });
    expect(analysis.overall.value.label).toBe('negative');
    expect(analysis.regretted.value).toBe(true);
    expect(analysis.regrettedBasis).toMatch(/voluntary/i);
    expect(analysis.summary.value).toMatch(/Left voluntarily after 1 year 6 months in Sales/);
    expect(analysis.summary.value).not.toMatch(/Sam|Reyes/);
    const answers = detail.turns.filter((turn) => turn.role === 'employee');
    expect(analysis.answers.map((entry) => entry.seq)).toEqual(answers.map((turn) => turn.seq));
    expect(analysis.themes[0]?.reason).toBe('pay-benefits');
    expect(analysis.themes.flatMap((theme) => theme.quotes).every((quote) => quote.text.split(' ').length >= 4)).toBe(true);
    for (const quote of analysis.themes.flatMap((theme) => theme.quotes)) expect(answers.find((turn) => turn.seq === quote.seq)?.text).toContain(quote.text);
  });

  it('by the model on the stand-in: labels from a schema-validated answer, traced to the model and prompt version, quotes checked', async () => {
    const r = rig(() => engine.url);
    const detail = await finishedInterview(r);
    const analysis = await r.call<Analysis>('interviews.analyse', { id: detail.id });
    expect(analysis).toMatchObject({ method: 'llm', model: 'llama3.1:8b', template: { id: 'exit-analysis', version: '1' } });
    expect(analysis.primaryReason.method).toBe('llm');
    expect(analysis.secondaryReason.value).not.toBe(analysis.primaryReason.value);
    // The stand-in's quotes are made-up words: none can be verified, so the lexicon's true quotes stand in.
    const answers = detail.turns.filter((turn) => turn.role === 'employee');
    for (const quote of analysis.themes.flatMap((theme) => theme.quotes)) expect(answers.find((turn) => turn.seq === quote.seq)?.text).toContain(quote.text);
    expect(analysis.summary.value.length).toBeGreaterThan(0);
    // Answer numbers are held to the transcript's by the schema, so the model's sentiment reaches every answer.
    expect(analysis.answers.some((entry) => entry.sentiment.method === 'llm')).toBe(true);
    // However the model labelled them, each sentiment's label agrees with its score.
    for (const sentiment of [analysis.overall.value, ...analysis.answers.map((entry) => entry.sentiment.value)]) expect(labelOf(sentiment.score)).toBe(sentiment.label);
    const row = r.db.prepare('SELECT method, model, template_id, template_version, options_json FROM exit_analyses WHERE interview_id = ?').get(detail.id);
    expect(row).toMatchObject({ method: 'llm', model: 'llama3.1:8b', template_id: 'exit-analysis', template_version: '1' });
  });

  it("lets the analyst correct a label: the correction wins, survives a re-analysis, and can be undone", async () => {
    const r = rig(() => null);
    const { id } = await finishedInterview(r);
    await expect(r.call('interviews.correct', { id, field: 'primaryReason', value: 'manager' })).rejects.toMatchObject({ code: 'conflict', message: /Analyse/ });
    const first = await r.call<Analysis>('interviews.analyse', { id });
    const corrected = await r.call<Analysis>('interviews.correct', { id, field: 'primaryReason', value: 'manager', note: 'Told me in person' });
    expect(corrected.primaryReason).toMatchObject({ value: 'manager', suggested: first.primaryReason.suggested, note: 'Told me in person' });
    expect(corrected.primaryReason.correctedAt).not.toBeNull();
    const seq = first.answers[0]!.seq;
    const answerFixed = await r.call<Analysis>('interviews.correct', { id, field: `answer:${seq}`, value: 'neutral' });
    expect(answerFixed.answers[0]?.sentiment.value).toEqual({ label: 'neutral', score: 0 });
    await expect(r.call('interviews.correct', { id, field: 'primaryReason', value: 'boredom' })).rejects.toMatchObject({ code: 'invalid_input', field: 'value' });
    await expect(r.call('interviews.correct', { id, field: 'answer:999', value: 'neutral' })).rejects.toMatchObject({ code: 'invalid_input', field: 'field' });
    await expect(r.call('interviews.correct', { id, field: 'mood', value: 'x' })).rejects.toMatchObject({ code: 'invalid_input', field: 'field' });

    const again = await r.call<Analysis>('interviews.analyse', { id });
    expect(again.primaryReason.value).toBe('manager');
    const summary = await r.call<InterviewSummary[]>('interviews.list', {}).then((list) => (list as unknown as { items: InterviewSummary[] }).items[0]);
    expect(summary).toMatchObject({ primaryReason: 'manager', analysed: true });
    const undone = await r.call<Analysis>('interviews.correct', { id, field: 'primaryReason', clear: true });
    expect(undone.primaryReason).toMatchObject({ value: first.primaryReason.suggested, correctedAt: null });
  });
});

describe('the aggregate, through the contract', () => {
  it('counts the period, hides departments under the minimum group size, and suppresses a period that is too small', async () => {
    const r = rig(() => null);
    const departments = ['Sales', 'Sales', 'Sales', 'Sales', 'Sales', 'Sales', 'Finance', 'Finance', 'Finance', 'Finance', 'Finance', 'Legal', 'Legal'];
    for (const department of departments) {
      const { id } = await finishedInterview(r, { department });
      await r.call('interviews.analyse', { id });
    }
    await finishedInterview(r, { department: 'Legal' }); // ended, never analysed
    const today = new Date().toISOString().slice(0, 10);
    const aggregate = await r.call<Aggregate>('interviews.aggregate', { from: today, to: today });
    expect(aggregate).toMatchObject({ interviews: 13, notAnalysed: 1, suppressed: false, minGroupSize: 5 });
    expect(aggregate.departments.groups.map((group) => group.key)).not.toContain('Legal');
    for (const breakdown of [aggregate.departments, aggregate.managers, aggregate.tenureBands, aggregate.reasons]) {
      for (const group of breakdown.groups) expect(group.count).toBeGreaterThanOrEqual(5);
      if (breakdown.hiddenInterviews > 0) expect(breakdown.hiddenInterviews).toBeGreaterThanOrEqual(5);
    }
    const strict = await r.call<Aggregate>('interviews.aggregate', { from: today, to: today, minGroupSize: 20 });
    expect(strict).toMatchObject({ suppressed: true, departments: { groups: [] }, reasons: { groups: [] } });
    const csv = await r.call<{ content: string; fileName: string }>('interviews.aggregateCsv', { from: today, to: today });
    expect(csv.fileName).toBe(`exit-interviews-${today}-to-${today}.csv`);
    expect(csv.content).not.toMatch(/Legal/);
    expect(csv.content).toMatch(/Sales/);
    await expect(r.call('interviews.aggregate', { from: today, to: '2000-01-01' })).rejects.toMatchObject({ code: 'invalid_input', field: 'to' });
  });
});
