import { afterEach, describe, expect, it } from 'vitest';
import { readCalls } from '../../../../main/engine/client/index';
import { kitMessages } from '../../../../main/interviews/kits/llm';
import type { KitConfig, KitDetail } from '../../../../main/interviews/kits/schema';
import { startOllamaStandin, type OllamaStandin, type StandinOptions } from '../../../support/ollama/index';
import { dataEngineerCv, seniorDataEngineerJd } from './fixtures';
import { useKitRig } from './rig';

const rig = useKitRig();
const standins: OllamaStandin[] = [];
afterEach(async () => {
  for (const standin of standins.splice(0)) await standin.close();
});

async function standin(options: StandinOptions = {}): Promise<OllamaStandin> {
  const started = await startOllamaStandin({ port: 0, numParallel: 4, ...options });
  standins.push(started);
  return started;
}

const documents = { cv: { text: dataEngineerCv }, jd: { text: seniorDataEngineerJd } };

describe('a kit generated on the Ollama stand-in', () => {
  it('writes a question per gap with the model, and at threshold 1.0 refines every one exactly twice, keeping each draft and score', async () => {
    const engine = await standin();
    const r = rig(() => engine.url);
    expect(await r.call<KitConfig>('kits.setConfig', { threshold: 1 })).toMatchObject({ threshold: 1, maxRefinements: 2 });
    const kit = await r.call<KitDetail>('kits.create', { ...documents, title: 'Senior Data Engineer', language: 'French', wait: true });

    expect(kit).toMatchObject({ status: 'ready', active: false, language: 'French', title: 'Senior Data Engineer' });
    // The stand-in's words are not the job description's, so its requirements fail the quote check and the heuristic finds the gaps.
    expect(kit.gapAnalysis).toMatchObject({ method: 'heuristic', note: expect.stringMatching(/could be found word for word/) });
    expect(kit.gapList.map((gap) => gap.skill)).toContain('Apache Kafka');
    expect(kit.questions).toHaveLength(kit.gapList.length);
    for (const question of kit.questions) {
      expect(question).toMatchObject({ status: 'done', source: 'llm', model: 'llama3.1:8b', refinements: 2, language: 'French', notice: null });
      expect(question.history.map((draft) => draft.kind)).toEqual(['draft', 'refinement', 'refinement']);
      expect(question.history.map((draft) => draft.template.id)).toEqual(['kit-question', 'kit-refine', 'kit-refine']);
      for (const draft of question.history) {
        expect(draft.quality).toMatchObject({ model: 'llama3.1:8b', template: { id: 'kit-quality', version: '1' } });
        expect(draft.quality?.score).toBeLessThan(1);
        expect(draft.options).toMatchObject({ temperature: 0.3, num_predict: 900, format: 'json-schema' });
        expect(draft.content.rubric).toHaveLength(5);
      }
      // The version in use is the best-scoring one (the latest of equals).
      const best = Math.max(...question.history.map((draft) => draft.quality?.score ?? 0));
      expect(question.quality?.score).toBe(best);
      expect(question.history.findLast((draft) => draft.quality?.score === best)?.content).toEqual(question.content);
    }
    const calls = readCalls(r.db, { feature: 'interviews' });
    const byTemplate = (id: string) => calls.filter((call) => call.templateId === id && call.outcome === 'ok').length;
    const n = kit.questions.length;
    expect([byTemplate('kit-question'), byTemplate('kit-quality'), byTemplate('kit-refine')]).toEqual([n, 3 * n, 2 * n]);
    expect(byTemplate('kit-requirements')).toBe(1);

    const last = r.progress.at(-1);
    expect(last).toEqual({ kitId: kit.id, stage: 'ready', done: n, total: n, seq: null });
    const finished = r.progress.filter((event) => event.stage === 'questions' && event.seq !== null);
    expect(finished.map((event) => event.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(kit.questions.map((question) => question.seq));
    expect(finished.map((event) => event.done)).toEqual(finished.map((_, index) => index + 1));
  });

  it('refines nothing at threshold 0, and at the default never more than twice and only while under the threshold', async () => {
    const engine = await standin();
    const r = rig(() => engine.url);
    await r.call('kits.setConfig', { threshold: 0 });
    const lax = await r.call<KitDetail>('kits.create', { ...documents, wait: true });
    for (const question of lax.questions) expect(question.history.map((draft) => draft.kind)).toEqual(['draft']);

    const config = await r.call<KitConfig>('kits.setConfig', { threshold: 0.7 });
    expect(config.threshold).toBe(0.7);
    const usual = await r.call<KitDetail>('kits.create', { ...documents, wait: true });
    for (const question of usual.questions) {
      expect(question.refinements).toBeLessThanOrEqual(2);
      expect(question.history).toHaveLength(question.refinements + 1);
      question.history.forEach((draft, index) => {
        const last = index === question.history.length - 1;
        // Every draft but the last scored under the threshold; the last is over it or the second refinement.
        if (!last) expect(draft.quality?.score).toBeLessThan(0.7);
        else expect((draft.quality?.score ?? 0) >= 0.7 || question.refinements === 2).toBe(true);
      });
    }
  });

  it('never has more requests at the engine than the parallel slots, and fills them', async () => {
    const engine = await standin({ numParallel: 8, tokenLatencyMs: 1 });
    for (const slots of [2, 4]) {
      const r = rig(() => engine.url, { slots });
      await r.call('kits.setConfig', { threshold: 0 });
      let peak = 0;
      const sampler = setInterval(() => {
        const state = engine.state();
        peak = Math.max(peak, state.activeRequests + state.queuedRequests);
      }, 2);
      const kit = await r.call<KitDetail>('kits.create', { ...documents, wait: true });
      clearInterval(sampler);
      expect(kit.questions.length).toBeGreaterThan(slots);
      expect(peak).toBe(slots);
    }
  });

  it('sends the same system prompt bytes for every gap and language, the gap and language going in the user message', () => {
    const values = (skill: string, language: string) => ({ language, skill, priority: 'critical', requirement: `${skill} is required.`, evidence: 'nothing about it', rationale: 'Not in the CV.' });
    for (const name of ['kit-question.v1', 'kit-quality.v1', 'kit-refine.v1'] as const) {
      const fill = (skill: string, language: string) => kitMessages(name, { ...values(skill, language), question: '{}', scores: '{}', feedback: 'x' });
      const [kafka, airflow] = [fill('Apache Kafka', 'English'), fill('Apache Airflow', 'German')];
      expect(kafka[0]?.content).toBe(airflow[0]?.content);
      expect(kafka[1]?.content).not.toBe(airflow[1]?.content);
      expect(airflow[1]?.content).toContain('German');
      expect(kafka[0]?.content).not.toMatch(/Kafka|English/);
    }
  });

  it('takes questions from the bundled bank when the model is not installed, saying the bank is in English', async () => {
    const engine = await standin({ installed: [] });
    const r = rig(() => engine.url);
    const kit = await r.call<KitDetail>('kits.create', { ...documents, language: 'German', wait: true });
    expect(kit.gapAnalysis).toMatchObject({ method: 'heuristic', model: null, note: null });
    for (const question of kit.questions) {
      expect(question).toMatchObject({ source: 'bank', model: null, quality: null, refinements: 0, template: { id: 'kit-bank', version: '1' } });
      expect(question.notice).toMatch(/in English.*German/);
      expect(question.content?.question).toContain(question.skill);
    }
    expect(engine.state().requests.filter((request) => request.path === '/api/chat')).toHaveLength(0);
  });
});
