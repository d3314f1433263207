import { afterEach, describe, expect, it } from 'vitest';
import { readCalls } from '../../../main/engine/client/index';
import { loadBundledGuide } from '../../../main/interviews/guide-store';
import type { InterviewDetail, InterviewSummary, ReasonId, Turn } from '../../../main/interviews/schema';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { freePort } from '../../support/harness';
import { answerUntilClosed, useInterviewRig } from './rig';

const rig = useInterviewRig();
const standins: OllamaStandin[] = [];
afterEach(async () => {
  for (const standin of standins.splice(0)) await standin.close();
});

async function standin(port = 0): Promise<OllamaStandin> {
  const started = await startOllamaStandin({ port });
  standins.push(started);
  return started;
}

const said: Record<ReasonId, string> = {
  'career-growth': 'I asked twice for a promotion path and nothing came of it, so I felt stuck in the same role for three years.',
  'pay-benefits': 'The salary was well below market; my new offer pays twenty percent more and the bonus here was cut.',
  manager: 'My manager never listened in our one to ones and cancelled most of them.',
  'team-culture': 'The team itself was lovely and supportive, I will miss my colleagues.',
  'workload-balance': 'Late nights before every release wore me out; the pressure was constant.',
  'the-work': 'The work was interesting, especially the data projects.',
  recognition: 'Nobody said thank you when we shipped the migration on time.',
  'relocation-personal': 'No, nothing personal.',
  other: 'Nothing else.',
};

/** A substantive answer to each area's question; follow-ups get more detail once, then a short "no". */
function employee(detail: InterviewDetail): string {
  const asked = detail.turns.at(-1) as Turn;
  if (asked.kind === 'follow-up') {
    const followUps = detail.turns.filter((turn) => turn.kind === 'follow-up' && turn.area === asked.area).length;
    if (asked.area === 'the-work') return 'No, not really.';
    return followUps === 1 ? `One example: in March it happened again and I raised it in writing, with no answer.` : 'No, that is all.';
  }
  return said[asked.area ?? 'other'];
}

const setup = { employeeName: 'Dana Whitfield', department: 'Finance', role: 'Data Analyst', tenureMonths: 40, manager: 'R. Okafor', voluntary: true };

describe('an exit interview through the contract, on the Ollama stand-in', () => {
  it('opens, asks every area of the guide, follows up with the model, respects a "no", and closes', async () => {
    const engine = await standin();
    const r = rig(() => engine.url);
    const created = await r.call<InterviewSummary>('interviews.create', setup);
    expect(created).toMatchObject({ status: 'ready', guideVersion: '1', model: 'llama3.1:8b', answers: 0 });

    const opened = await r.call<InterviewDetail>('interviews.start', { id: created.id });
    expect(opened.status).toBe('in-progress');
    expect(opened.turns.map((turn) => turn.kind)).toEqual(['opening', 'question']);
    expect(opened.turns[1]).toMatchObject({ area: 'career-growth', source: 'script' });

    const done = await answerUntilClosed(r, created.id, employee);
    expect(done.status).toBe('completed');
    expect(done.endedAt).not.toBeNull();
    expect(done.turns.at(-1)).toMatchObject({ kind: 'closing', role: 'interviewer' });

    const guide = loadBundledGuide();
    const questions = done.turns.filter((turn) => turn.kind === 'question').map((turn) => turn.area);
    expect(questions).toEqual(guide.areas.map((area) => area.id));
    // Substantive answers were followed up, by the model, at most as often as the guide allows.
    for (const area of guide.areas) {
      const followUps = done.turns.filter((turn) => turn.kind === 'follow-up' && turn.area === area.id);
      expect(followUps.length).toBeLessThanOrEqual(area.maxFollowUps);
      for (const turn of followUps) expect(turn).toMatchObject({ source: 'llm', model: 'llama3.1:8b', template: { id: 'exit-follow-up', version: '1' } });
    }
    // A detailed answer to a follow-up earns a second; a "no" ends the area at once.
    expect(done.turns.filter((turn) => turn.kind === 'follow-up' && turn.area === 'pay-benefits')).toHaveLength(2);
    expect(done.turns.filter((turn) => turn.kind === 'follow-up' && turn.area === 'the-work')).toHaveLength(1);
    // "No, nothing personal." is not probed.
    expect(done.turns.filter((turn) => turn.kind === 'follow-up' && turn.area === 'relocation-personal')).toHaveLength(0);
    // Every model-written question ends as a question and was streamed word by word as it was written.
    for (const turn of done.turns.filter((entry) => entry.source === 'llm')) {
      expect(turn.text).toMatch(/\?$/);
      const streamed = r.tokens.filter((event) => event.seq === turn.seq && !event.reset).map((event) => event.token).join('');
      expect(streamed.trim().length).toBeGreaterThan(0);
      expect(turn.text.startsWith(streamed.trim().slice(0, 10))).toBe(true);
    }
    // Answers keep how they were typed; seqs run 1..n without gaps.
    expect(done.turns.map((turn) => turn.seq)).toEqual(done.turns.map((_, index) => index + 1));
    const answers = done.turns.filter((turn) => turn.role === 'employee');
    expect(answers.every((turn) => turn.typingMs !== null && turn.typingMs >= 4000)).toBe(true);
    expect(done.answers).toBe(answers.length);

    const calls = readCalls(r.db, { feature: 'interviews' } as never);
    expect(calls.length).toBeGreaterThan(0);
  });

  it('carries on from the guide when the engine dies mid-way, without an error, and follows up with the model again once it is back', async () => {
    const port = await freePort();
    let engine: OllamaStandin | null = await standin(port);
    const r = rig(() => `http://127.0.0.1:${port}`);
    const { id } = await r.call<InterviewSummary>('interviews.create', setup);
    await r.call('interviews.start', { id });

    let detail = await r.call<InterviewDetail>('interviews.answer', { id, text: said['career-growth'] });
    expect(detail.turns.at(-1)).toMatchObject({ kind: 'follow-up', source: 'llm' });

    await engine.close();
    standins.length = 0;
    engine = null;
    detail = await r.call<InterviewDetail>('interviews.answer', { id, text: 'Yes, my manager promised a senior title in my review and then hired someone from outside for it.' });
    const scripted = detail.turns.at(-1) as Turn;
    expect(scripted).toMatchObject({ kind: 'follow-up', source: 'script', model: null });
    expect(loadBundledGuide().areas[0]?.probes).toContain(scripted.text);
    // The conversation is whole: nothing said was lost while the engine was away.
    expect(detail.turns.filter((turn) => turn.role === 'employee')).toHaveLength(2);

    detail = await r.call<InterviewDetail>('interviews.answer', { id, text: 'No, that is all.' });
    detail = await r.call<InterviewDetail>('interviews.answer', { id, text: said['pay-benefits'] });
    expect(detail.turns.at(-1)).toMatchObject({ kind: 'follow-up', area: 'pay-benefits', source: 'script' });

    engine = await standin(port);
    await new Promise((resolve) => setTimeout(resolve, 350)); // the breaker's cool-down
    detail = await r.call<InterviewDetail>('interviews.answer', { id, text: 'They said the budget was frozen for a year and that was the end of it.' });
    expect(detail.turns.at(-1)).toMatchObject({ kind: 'follow-up', area: 'pay-benefits', source: 'llm' });
  });

  it('with no model at all, runs the whole interview from the scripted guide', async () => {
    const r = rig(() => null);
    const { id } = await r.call<InterviewSummary>('interviews.create', { ...setup, employeeName: null });
    await r.call('interviews.start', { id });
    const done = await answerUntilClosed(r, id, employee);
    expect(done.status).toBe('completed');
    const interviewer = done.turns.filter((turn) => turn.role === 'interviewer');
    expect(interviewer.every((turn) => turn.source === 'script')).toBe(true);
    expect(done.turns.some((turn) => turn.kind === 'follow-up')).toBe(true);
  });
});

describe('nothing typed is lost', () => {
  it('keeps the draft, and after a restart between an answer and the next question, asks the owed question on resume', async () => {
    const first = rig(() => null);
    const { id } = await first.call<InterviewSummary>('interviews.create', setup);
    await first.call('interviews.start', { id });
    await first.call('interviews.saveDraft', { id, text: 'I was about to say that the' });
    // The answer is committed, then the process "dies" before the next question is written.
    first.service.store.append(id, [{ role: 'employee', kind: 'answer', area: 'career-growth', text: said['career-growth'], source: 'employee' }], { clearDraft: true }, Date.now());

    const again = rig(() => null, first.dataDir);
    const before = await again.call<InterviewDetail>('interviews.get', { id });
    expect(before.turns.at(-1)).toMatchObject({ role: 'employee', text: said['career-growth'] });
    const resumed = await again.call<InterviewDetail>('interviews.start', { id });
    expect(resumed.turns.at(-1)).toMatchObject({ role: 'interviewer', kind: 'follow-up', area: 'career-growth' });
    expect(resumed.turns.filter((turn) => turn.role === 'employee')).toHaveLength(1);
  });

  it('restores an unsent draft after a restart', async () => {
    const first = rig(() => null);
    const { id } = await first.call<InterviewSummary>('interviews.create', setup);
    await first.call('interviews.start', { id });
    await first.call('interviews.saveDraft', { id, text: 'Half a thought about my manager' });
    const again = rig(() => null, first.dataDir);
    expect((await again.call<InterviewDetail>('interviews.get', { id })).draft).toBe('Half a thought about my manager');
    const answered = await again.call<InterviewDetail>('interviews.answer', { id, text: 'Half a thought about my manager, finished now.' });
    expect(answered.draft).toBe('');
  });
});

describe('pause, resume and end', () => {
  it('refuses answers while paused, resumes where it stopped, and ends with the closing words', async () => {
    const r = rig(() => null);
    const { id } = await r.call<InterviewSummary>('interviews.create', setup);
    await expect(r.call('interviews.answer', { id, text: 'too early' })).rejects.toMatchObject({ code: 'conflict', message: /not started/ });
    await r.call('interviews.start', { id });
    await r.call('interviews.answer', { id, text: said['career-growth'] });
    const paused = await r.call<InterviewDetail>('interviews.pause', { id });
    expect(paused.status).toBe('paused');
    await expect(r.call('interviews.answer', { id, text: 'more' })).rejects.toMatchObject({ code: 'conflict', message: /paused/ });
    const resumed = await r.call<InterviewDetail>('interviews.start', { id });
    expect(resumed.status).toBe('in-progress');
    expect(resumed.turns).toHaveLength(paused.turns.length);
    const ended = await r.call<InterviewDetail>('interviews.end', { id });
    expect(ended).toMatchObject({ status: 'ended' });
    // Ended in the first area: the progress says so, not the whole guide.
    expect(ended.progress).toEqual({ area: null, areaIndex: 1, areas: loadBundledGuide().areas.length });
    expect(ended.turns.at(-1)).toMatchObject({ kind: 'closing', text: loadBundledGuide().closing });
    await expect(r.call('interviews.answer', { id, text: 'after the end' })).rejects.toMatchObject({ code: 'conflict', message: /ended/ });
  });

  it('answers bad input with the field named', async () => {
    const r = rig(() => null);
    await expect(r.call('interviews.create', { tenureMonths: -3 })).rejects.toMatchObject({ code: 'invalid_input', field: 'tenureMonths' });
    await expect(r.call('interviews.create', { nickname: 'x' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(r.call('interviews.get', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found', field: 'id' });
    const { id } = await r.call<InterviewSummary>('interviews.create', setup);
    await r.call('interviews.start', { id });
    await expect(r.call('interviews.answer', { id, text: '   ' })).rejects.toMatchObject({ code: 'invalid_input', field: 'text' });
    await expect(r.call('interviews.answer', { id, text: 'x'.repeat(8001) })).rejects.toMatchObject({ code: 'invalid_input', field: 'text' });
  });

  it('never stores the name or id of an anonymous interview', async () => {
    const r = rig(() => null);
    const created = await r.call<InterviewSummary>('interviews.create', { ...setup, anonymous: true, employeeRef: 'E-1042' });
    expect(created.setup).toMatchObject({ anonymous: true, employeeName: null, employeeRef: null });
    const row = r.db.prepare('SELECT * FROM exit_interviews WHERE id = ?').get(created.id) as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toMatch(/Dana|E-1042/);
  });
});

describe('the guide', () => {
  it('saves an edit as the next version; new interviews use it and older ones keep theirs', async () => {
    const r = rig(() => null);
    const old = await r.call<InterviewSummary>('interviews.create', setup);
    const bundled = loadBundledGuide();
    const edited = { description: 'Shorter', opening: bundled.opening, closing: 'Thanks, and good luck.', areas: bundled.areas.slice(0, 2).map((area) => ({ ...area, maxFollowUps: 0 })) };
    const saved = await r.call<{ version: string; source: string }>('interviews.saveGuide', edited);
    expect(saved).toMatchObject({ version: '2', source: 'edited' });
    await expect(r.call('interviews.saveGuide', { ...edited, areas: [] })).rejects.toMatchObject({ code: 'invalid_input', field: 'areas' });

    const fresh = await r.call<InterviewSummary>('interviews.create', setup);
    expect(fresh.guideVersion).toBe('2');
    await r.call('interviews.start', { id: fresh.id });
    const done = await answerUntilClosed(r, fresh.id, employee);
    expect(done.turns.filter((turn) => turn.kind === 'question')).toHaveLength(2);
    expect(done.turns.some((turn) => turn.kind === 'follow-up')).toBe(false);
    expect(done.turns.at(-1)?.text).toBe('Thanks, and good luck.');

    await r.call('interviews.start', { id: old.id });
    const oldDone = await answerUntilClosed(r, old.id, employee);
    expect(oldDone.turns.filter((turn) => turn.kind === 'question')).toHaveLength(bundled.areas.length);
  });
});
