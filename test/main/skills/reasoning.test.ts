import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateMessagesTokens, promptBudget } from '../../../main/engine/client/index';
import { featureSpecs } from '../../../main/skills/features/catalogue';
import { fuseSkill } from '../../../main/skills/fusion/fuse';
import { defaultWeights } from '../../../main/skills/fusion/weights';
import { fitReasoningPrompt, type SkillForPrompt } from '../../../main/skills/reasoning/fit';
import { loadSkillPrompt, reasoningOutputTokens } from '../../../main/skills/reasoning/prompt';
import { skillIds, type FeatureSet } from '../../../main/skills/schema';
import type { Assessment } from '../../../main/skills/schema-results';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { handTranscript } from './fixtures/transcripts';
import { useSkillRig } from './rig';

const rig = useSkillRig();
let engine: OllamaStandin;
beforeAll(async () => {
  engine = await startOllamaStandin();
});
afterAll(async () => {
  await engine.close();
});

/** Features far from the middle, each with two long quotes, so every skill has five heavy evidence items. */
function heavySkills(): SkillForPrompt[] {
  const long = (name: string, n: number): string => `${name} said at length, sentence ${n}: ${'and then we went over every part of it again together, '.repeat(4)}`.slice(0, 220);
  const features: FeatureSet = {
    source: 'transcript',
    answers: 6,
    words: 600,
    lexicon: { id: 'skills-lexicon', version: '1' },
    features: featureSpecs.map((spec, index) => ({
      name: spec.name, group: spec.group, label: spec.label, unit: spec.unit, raw: index % 2, value: index % 2, missing: null,
      quotes: [{ seq: 2, text: long(spec.name, 1) }, { seq: 4, text: long(spec.name, 2) }],
    })),
  };
  return skillIds.map((skill) => ({ fused: fuseSkill({ skill, features, weights: defaultWeights[skill], model: null, modelNote: 'No model' }), modelLabel: 'no model' }));
}

describe('fitting the evidence to the context, by the client\'s token estimate', () => {
  it('gives up quotes and weaker items as the context shrinks, always within the budget, and never touches the system prompt', () => {
    const skills = heavySkills();
    expect(skills.every((entry) => entry.fused.evidence.length === 5)).toBe(true);
    const roomy = fitReasoningPrompt(skills, 'a structured interview', 8192, reasoningOutputTokens)!;
    expect(roomy).toMatchObject({ itemsDropped: 0, quotesShortened: 0, budgetTokens: 8192 - reasoningOutputTokens });
    let previousDropped = 0;
    let previousEstimate = roomy.estimatedTokens;
    for (const numCtx of [4096, 3072, 2400, 1900, 1600]) {
      const fitted = fitReasoningPrompt(skills, 'a structured interview', numCtx, reasoningOutputTokens)!;
      expect(fitted.budgetTokens).toBe(promptBudget(numCtx, reasoningOutputTokens));
      expect(fitted.estimatedTokens).toBe(estimateMessagesTokens(fitted.messages));
      expect(fitted.estimatedTokens).toBeLessThanOrEqual(fitted.budgetTokens);
      expect(fitted.estimatedTokens).toBeLessThanOrEqual(previousEstimate);
      expect(fitted.itemsDropped).toBeGreaterThanOrEqual(previousDropped);
      expect(fitted.messages[0]).toEqual({ role: 'system', content: loadSkillPrompt().system });
      // Every skill keeps its score line, whatever else goes.
      for (const skill of ['Empathy', 'Problem-solving', 'Self-regulation', 'Resilience']) expect(fitted.messages[1]!.content).toContain(`## ${skill}: `);
      previousDropped = fitted.itemsDropped;
      previousEstimate = fitted.estimatedTokens;
    }
    expect(previousDropped).toBeGreaterThan(0);
    expect(fitReasoningPrompt(skills, 'a structured interview', 2400, reasoningOutputTokens)!.quotesShortened).toBeGreaterThan(0);
    // Not even the scores fit: the caller falls back to the template.
    expect(fitReasoningPrompt(skills, 'a structured interview', 1100, reasoningOutputTokens)).toBeNull();
  });
});

describe('the reasoning', () => {
  it('is written by the local model on the stand-in, schema-checked, and traced to the prompt version', async () => {
    const r = rig({ host: engine.url });
    const assessment = await r.call<Assessment>('skills.infer', { transcript: handTranscript });
    for (const result of assessment.results) {
      expect(result.reasoning).toMatchObject({ method: 'llm', model: 'llama3.1:8b', template: { id: 'skill-reasoning', version: '1' } });
      expect(result.reasoning.text.length).toBeGreaterThan(0);
      expect(result.reasoning.nextStep.length).toBeGreaterThan(0);
      expect(result.provenance.prompt).toEqual({ id: 'skill-reasoning', version: '1' });
    }
    expect(assessment.reasoningFit).toMatchObject({ budgetTokens: 8192 - reasoningOutputTokens, itemsDropped: 0 });
    const call = r.db.prepare(`SELECT feature, model, template_id, template_version, outcome FROM llm_calls ORDER BY id DESC LIMIT 1`).get();
    expect(call).toEqual({ feature: 'skills', model: 'llama3.1:8b', template_id: 'skill-reasoning', template_version: '1', outcome: 'ok' });
    const row = r.db.prepare('SELECT reasoning_method, reasoning_model, prompt_id, prompt_version FROM skill_assessments WHERE id = ?').get(assessment.id);
    expect(row).toEqual({ reasoning_method: 'llm', reasoning_model: 'llama3.1:8b', prompt_id: 'skill-reasoning', prompt_version: '1' });
  });

  it('falls back to the template with no engine, with the engine down, and when not even the scores fit the context', async () => {
    for (const r of [rig({ host: null }), rig({ host: 'http://127.0.0.1:9' })]) {
      const assessment = await r.call<Assessment>('skills.infer', { transcript: handTranscript });
      for (const result of assessment.results) {
        expect(result.reasoning).toMatchObject({ method: 'template', model: null, template: { id: 'skill-reasoning-template', version: '1' } });
        expect(result.reasoning.text).toMatch(/was inferred at \d\.\d of 5 with (high|moderate|low) confidence/);
      }
      expect(assessment.reasoningFit).toBeNull();
    }
    const cramped = rig({ host: engine.url, contextTokens: 1000 });
    const assessment = await cramped.call<Assessment>('skills.infer', { transcript: handTranscript });
    expect(assessment.results[0]!.reasoning.method).toBe('template');
    expect(cramped.logs.some((line) => /not even the scores fit a 1000-token context/.test(line))).toBe(true);
    // Asked for the template, the model is not called at all.
    const asked = rig({ host: engine.url });
    const templated = await asked.call<Assessment>('skills.infer', { transcript: handTranscript, reasoning: 'template' });
    expect(templated.results[0]!.reasoning.method).toBe('template');
    expect(asked.db.prepare('SELECT count(*) FROM llm_calls').pluck().get()).toBe(0);
  });
});
