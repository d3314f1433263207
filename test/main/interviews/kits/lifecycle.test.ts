import { afterEach, describe, expect, it } from 'vitest';
import { readCalls } from '../../../../main/engine/client/index';
import type { KitDetail, KitQuestion, KitSummary } from '../../../../main/interviews/kits/schema';
import { startOllamaStandin, type OllamaStandin } from '../../../support/ollama/index';
import { dataEngineerCv, seniorDataEngineerJd } from './fixtures';
import { useKitRig, type KitRig } from './rig';

const rig = useKitRig();
const standins: OllamaStandin[] = [];
afterEach(async () => {
  for (const standin of standins.splice(0)) await standin.close();
});

const documents = { cv: { text: dataEngineerCv }, jd: { text: seniorDataEngineerJd } };
const dayMs = 86_400_000;

/**
 * A stand-in slow enough (a few ms a token) that a kit is still generating when the test steps in.
 * It has more slots than the kit uses (2) because the stand-in can keep the slot of a request its
 * client dropped mid-stream (apparently awaiting a write to the closed response that never completes).
 */
async function slowStandin(): Promise<OllamaStandin> {
  const started = await startOllamaStandin({ port: 0, numParallel: 8, tokenLatencyMs: 4 });
  standins.push(started);
  return started;
}

async function questionsFinished(r: KitRig, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (r.progress.filter((event) => event.stage === 'questions' && event.seq !== null).length < count) {
    if (Date.now() > deadline) throw new Error('The kit did not get that far');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a kit survives a restart and a cancel', () => {
  it('after a restart mid-generation, resumes only the questions not yet done', async () => {
    const engine = await slowStandin();
    const first = rig(() => engine.url, { slots: 2 });
    await first.call('kits.setConfig', { threshold: 0 });
    const { id } = await first.call<KitDetail>('kits.create', documents);
    await questionsFinished(first, 2);
    await first.service.close(); // the process dies: nothing more is written

    const callsBefore = readCalls(first.db, { feature: 'interviews' }).filter((call) => call.templateId === 'kit-question').length;
    const again = rig(() => engine.url, { dataDir: first.dataDir, slots: 2 });
    const cut = await again.call<KitDetail>('kits.get', { id });
    expect(cut).toMatchObject({ status: 'generating', active: false });
    const done = cut.questions.filter((question) => question.status === 'done');
    const left = cut.questions.filter((question) => question.status !== 'done');
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((question) => question.status === 'pending')).toBe(true);

    engine.configure({ tokenLatencyMs: 0 });
    const resumed = await again.call<KitDetail>('kits.resume', { id, wait: true });
    expect(resumed).toMatchObject({ status: 'ready', active: false, questionsDone: cut.questions.length });
    // What was done before the restart is untouched; only the rest was written, once each.
    for (const before of done) expect(resumed.questions.find((question) => question.seq === before.seq)).toEqual(before);
    const callsAfter = readCalls(again.db, { feature: 'interviews' }).filter((call) => call.templateId === 'kit-question').length;
    expect(callsAfter - callsBefore).toBe(left.length);
    expect(again.progress.at(-1)).toMatchObject({ stage: 'ready', done: cut.questions.length });
  });

  it('cancels at once, keeps the questions done, and resumes the rest', async () => {
    const engine = await slowStandin();
    const r = rig(() => engine.url, { slots: 2 });
    await r.call('kits.setConfig', { threshold: 0 });
    const { id } = await r.call<KitDetail>('kits.create', documents);
    await questionsFinished(r, 1);
    const cancelled = await r.call<KitDetail>('kits.cancel', { id });
    expect(cancelled).toMatchObject({ status: 'cancelled', active: false });
    expect(cancelled.questions.some((question) => question.status === 'done')).toBe(true);
    expect(cancelled.questions.filter((question) => question.status !== 'done').every((question) => question.status === 'pending')).toBe(true);
    expect(r.progress.at(-1)).toMatchObject({ stage: 'cancelled', done: cancelled.questionsDone });

    engine.configure({ tokenLatencyMs: 0 });
    const resumed = await r.call<KitDetail>('kits.resume', { id, wait: true });
    expect(resumed.status).toBe('ready');
    expect(resumed.questions.every((question) => question.status === 'done' && question.history.length === 1)).toBe(true);
  });
});

describe('kits expire', () => {
  it('refuses and deletes a kit left untouched past the expiry, counting from its last change', async () => {
    let clock = Date.parse('2026-03-01T09:00:00Z');
    const r = rig(() => null, { now: () => clock });
    const kit = await r.call<KitDetail>('kits.create', { ...documents, wait: true });
    expect(kit.expiresAt).toBe('2026-03-31T09:00:00.000Z');
    clock += 29 * dayMs;
    await r.call('kits.rate', { id: kit.id, seq: 1, notes: 'Asked about Kafka; no production use.', by: 'Sam Lee' });
    clock += 29 * dayMs;
    expect((await r.call<KitDetail>('kits.get', { id: kit.id })).expiresAt).toBe('2026-04-29T09:00:00.000Z');
    clock += 2 * dayMs;
    await expect(r.call('kits.get', { id: kit.id })).rejects.toMatchObject({ code: 'not_found', message: /expired on 2026-04-29: kits are kept 30 days/ });
    await expect(r.call('kits.get', { id: kit.id })).rejects.toMatchObject({ code: 'not_found', message: `No interview kit ${kit.id}` });
  });

  it('purges expired kits on list and at start-up, and follows a changed expiry', async () => {
    let clock = Date.parse('2026-03-01T09:00:00Z');
    const r = rig(() => null, { now: () => clock });
    const old = await r.call<KitDetail>('kits.create', { ...documents, title: 'Old', wait: true });
    clock += 20 * dayMs;
    await r.call<KitDetail>('kits.create', { ...documents, title: 'Recent', wait: true });
    clock += 15 * dayMs;
    await r.call('kits.setConfig', { expiryDays: 60 });
    expect((await r.call<{ total: number }>('kits.list', {})).total).toBe(2);
    await r.call('kits.setConfig', { expiryDays: 30 });
    const listed = await r.call<{ total: number; items: KitSummary[] }>('kits.list', {});
    expect(listed.items.map((item) => item.title)).toEqual(['Recent']);
    expect(r.db.prepare('SELECT count(*) FROM kit_gaps WHERE kit_id = ?').pluck().get(old.id)).toBe(0);

    const later = rig(() => null, { dataDir: r.dataDir, now: () => clock + 20 * dayMs });
    expect(later.db.prepare('SELECT count(*) FROM kits').pluck().get()).toBe(0);
  });
});

describe("the interviewer's ratings and notes", () => {
  it('saves them as they go, with who and when, through a restart', async () => {
    const clock = Date.parse('2026-05-04T10:30:00Z');
    const r = rig(() => null, { now: () => clock });
    const { id } = await r.call<KitDetail>('kits.create', { ...documents, wait: true });
    const noted = await r.call<KitQuestion>('kits.rate', { id, seq: 1, notes: 'Streams: only batch so far.', by: 'Sam Lee' });
    expect(noted).toMatchObject({ rating: null, notes: 'Streams: only batch so far.', ratedBy: 'Sam Lee', notesAt: '2026-05-04T10:30:00.000Z' });
    const rated = await r.call<KitQuestion>('kits.rate', { id, seq: 1, rating: 2, by: 'Sam Lee' });
    expect(rated).toMatchObject({ rating: 2, notes: 'Streams: only batch so far.', ratedAt: '2026-05-04T10:30:00.000Z' });

    const again = rig(() => null, { dataDir: r.dataDir, now: () => clock });
    const kit = await again.call<KitDetail>('kits.get', { id });
    expect(kit.questions[0]).toMatchObject({ rating: 2, ratedBy: 'Sam Lee', notes: 'Streams: only batch so far.' });
    expect(kit.rated).toBe(1);
    expect((await again.call<KitQuestion>('kits.rate', { id, seq: 1, rating: null, by: 'Sam Lee' })).rating).toBeNull();
  });

  it('refuses ratings out of the scale, empty changes and unknown questions, naming the field', async () => {
    const r = rig(() => null);
    const { id } = await r.call<KitDetail>('kits.create', { ...documents, wait: true });
    await expect(r.call('kits.rate', { id, seq: 1, rating: 6, by: 'Sam' })).rejects.toMatchObject({ code: 'invalid_input', field: 'rating' });
    await expect(r.call('kits.rate', { id, seq: 1, rating: 3.5, by: 'Sam' })).rejects.toMatchObject({ code: 'invalid_input', field: 'rating' });
    await expect(r.call('kits.rate', { id, seq: 1, rating: 3, by: ' ' })).rejects.toMatchObject({ code: 'invalid_input', field: 'by' });
    await expect(r.call('kits.rate', { id, seq: 1, by: 'Sam' })).rejects.toMatchObject({ code: 'invalid_input', message: /rating, notes/ });
    await expect(r.call('kits.rate', { id, seq: 99, rating: 3, by: 'Sam' })).rejects.toMatchObject({ code: 'not_found', field: 'seq' });
  });

  it('writes a question again keeping its history, but not over a rating', async () => {
    const r = rig(() => null);
    const { id } = await r.call<KitDetail>('kits.create', { ...documents, wait: true });
    await r.call('kits.rate', { id, seq: 2, rating: 4, by: 'Sam' });
    await expect(r.call('kits.regenerateQuestion', { id, seq: 2 })).rejects.toMatchObject({ code: 'conflict', message: /has a rating/ });
    await r.call('kits.rate', { id, seq: 2, rating: null, by: 'Sam' });
    const again = await r.call<KitDetail>('kits.regenerateQuestion', { id, seq: 2 });
    expect(again.status).toBe('ready');
    expect(again.questions[1]?.history.map((draft) => draft.attempt)).toEqual([1, 2]);
  });

  it('deletes a kit with everything in it', async () => {
    const r = rig(() => null);
    const { id } = await r.call<KitDetail>('kits.create', { ...documents, wait: true });
    await r.call('kits.rate', { id, seq: 1, rating: 3, by: 'Sam' });
    expect(await r.call('kits.delete', { id })).toEqual({ deleted: true });
    for (const table of ['kits', 'kit_gaps', 'kit_questions', 'kit_drafts']) expect(r.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    expect(await r.call('kits.delete', { id })).toEqual({ deleted: false });
  });
});
