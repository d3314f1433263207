import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { featureNames } from '../../../main/skills/features/catalogue';
import { explain, predict } from '../../../main/skills/model/evaluate';
import { parseBaseScore, readXgboostJson } from '../../../main/skills/model/xgboost-json';
import type { Assessment, ModelEntry } from '../../../main/skills/schema-results';
import { handTranscript } from './fixtures/transcripts';
import { useSkillRig } from './rig';

const rig = useSkillRig();
const modelPath = fileURLToPath(new URL('./fixtures/empathy-hand.model.json', import.meta.url));
const modelText = readFileSync(modelPath, 'utf8');

/**
 * The hand-made model (base score 3) splits on perspective_taking (feature 0) and
 * first_person_plural (feature 7):
 *   tree 0: pt < 0.5 (missing → left) ? 0.5 : (fpp < 0.3 (missing → right) ? −0.2 : 0.8)
 *   tree 1: fpp < 0.6 (missing → right) ? 0.1 : −0.1
 */
function row(pt: number, fpp: number): Float64Array {
  const values = new Float64Array(26).fill(Number.NaN);
  values[0] = pt;
  values[7] = fpp;
  return values;
}

describe('the XGBoost JSON evaluator, on a hand-made model', () => {
  const model = readXgboostJson(modelText);

  it('predicts what the trees give by hand, missing values and values on a threshold included', () => {
    expect(model.featureNames).toEqual(featureNames);
    expect(model.baseScore).toBe(3);
    expect(predict(model, row(0.2, 0.5))).toBeCloseTo(3 + 0.5 + 0.1, 6);
    expect(predict(model, row(0.7, 0.1))).toBeCloseTo(3 - 0.2 + 0.1, 6);
    expect(predict(model, row(0.7, 0.9))).toBeCloseTo(3 + 0.8 - 0.1, 6);
    expect(predict(model, row(Number.NaN, Number.NaN))).toBeCloseTo(3 + 0.5 - 0.1, 6);
    // value < threshold goes left; a value on the threshold goes right, compared in single precision as XGBoost does.
    expect(predict(model, row(0.5, 0.3))).toBeCloseTo(3 + 0.8 + 0.1, 6);
  });

  it('splits a prediction into a bias and a part per feature along the path (Saabas), which add up exactly', () => {
    // Expected values from sum_hessian: tree 0 node 2 = (20·−0.2 + 40·0.8)/60 = 0.4667, root = (40·0.5 + 60·0.4667)/100 = 0.48;
    // tree 1 root = (70·0.1 + 30·−0.1)/100 = 0.04. Bias = 3 + 0.48 + 0.04.
    const explained = explain(model, row(0.7, 0.1));
    expect(explained.bias).toBeCloseTo(3.52, 6);
    expect(explained.contributions[0]).toBeCloseTo(28 / 60 - 0.48, 6);
    expect(explained.contributions[7]).toBeCloseTo(-0.2 - 28 / 60 + (0.1 - 0.04), 6);
    expect(explained.value).toBeCloseTo(2.9, 6);
    expect(explained.contributions.filter((part, index) => index !== 0 && index !== 7 && part !== 0)).toHaveLength(0);
  });

  it('reads base_score as XGBoost writes it in every version', () => {
    expect(parseBaseScore('3E0')).toBe(3);
    expect(parseBaseScore('[3.0408163E0]')).toBeCloseTo(3.0408163, 7);
    expect(parseBaseScore(2.5)).toBe(2.5);
  });
});

const withNames = (names: string[]): string => {
  const json = JSON.parse(modelText) as { learner: { feature_names: string[]; learner_model_param: { num_feature: string } } };
  json.learner.feature_names = names;
  json.learner.learner_model_param.num_feature = String(names.length);
  return JSON.stringify(json);
};

describe('importing a model, through the contract', () => {
  it('keeps it whole with its checksum, uses it for the skill, and traces every score to it', async () => {
    const r = rig({ host: null });
    const entry = await r.call<ModelEntry>('skills.importModel', { skill: 'empathy', json: modelText, note: 'hand-made' });
    expect(entry).toMatchObject({ skill: 'empathy', version: 1, source: 'imported', trees: 2, replicas: 0, active: true, metrics: null, note: 'hand-made' });
    expect(entry.checksum).toBe(createHash('sha256').update(modelText).digest('hex'));
    expect(entry.features).toEqual(featureNames);
    // The same file again is the same version; by path it is the same file.
    expect(await r.call<ModelEntry>('skills.importModel', { skill: 'empathy', path: modelPath })).toMatchObject({ version: 1 });

    const assessment = await r.call<Assessment>('skills.infer', { transcript: handTranscript, reasoning: 'template' });
    const empathy = assessment.results.find((result) => result.skill === 'empathy')!;
    // perspective_taking 0 → 0.5; first_person_plural 1 → −0.1: the model says 3.4.
    expect(empathy.fusion.ml).toMatchObject({ score: 3.4, effectiveWeight: 0.5, note: null });
    expect(empathy.fusion.redistributed).toBeNull();
    expect(empathy.provenance.model).toEqual({ id: entry.id, version: 1, checksum: entry.checksum, source: 'imported' });
    expect(empathy.confidence.components.modelSpread).toMatchObject({ value: null, weight: 0, detail: expect.stringMatching(/no bootstrap replicas/) });
    // perspective_taking at 0: the model's path gives +0.02 (0.5 − 0.48, its share of the evidence 0.5/0.9); the rubric reads it down.
    const perspective = empathy.evidence.find((item) => item.feature === 'perspective_taking')!;
    const scale = 1 - 0.1 * (1 - empathy.confidence.value);
    expect(perspective.sources.ml).toBeCloseTo(0.02 * (0.5 / 0.9) * scale, 3);
    expect(perspective.sources.linguistic).toBeLessThan(0);
    expect(perspective.contribution).toBeCloseTo(perspective.sources.ml! + perspective.sources.linguistic!, 3);
    // The other skills had no model and say so.
    const resilience = assessment.results.find((result) => result.skill === 'resilience')!;
    expect(resilience.provenance.model).toBeNull();
    expect(resilience.fusion.redistributed).toMatch(/Resilience was inferred without a model/);

    await r.call('skills.activateModel', { skill: 'empathy', version: null });
    const without = await r.call<Assessment>('skills.infer', { transcript: handTranscript, reasoning: 'template' });
    expect(without.results[0]!.provenance.modelNote).toMatch(/No active model for Empathy/);
    expect((await r.call<ModelEntry[]>('skills.models', { skill: 'empathy' }))[0]).toMatchObject({ version: 1, active: false });
  });

  it('fails fast on a feature-shape mismatch, naming the missing and the extra features', async () => {
    const r = rig({ host: null });
    const renamed = withNames([...featureNames.slice(0, 24), 'tone_score', 'pitch']);
    const error = await r.call('skills.importModel', { skill: 'resilience', json: renamed }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'model' });
    expect((error as Error).message).toMatch(/The Resilience model does not fit/);
    expect((error as Error).message).toMatch(/missing from the model: elaboration, engagement_index/);
    expect((error as Error).message).toMatch(/not ours: tone_score, pitch/);
    // A model saved from a bare matrix has no names: its columns cannot be matched to ours.
    await expect(r.call('skills.importModel', { skill: 'resilience', json: withNames([]) })).rejects.toMatchObject({ message: /no feature names/ });
    const fewer = withNames(featureNames.slice(0, 25));
    await expect(r.call('skills.importModel', { skill: 'resilience', json: fewer })).rejects.toMatchObject({ message: /has 25 features, we have 26; missing from the model: engagement_index/ });
    expect(await r.call<ModelEntry[]>('skills.models', {})).toEqual([]);
  });

  it('refuses what it cannot evaluate faithfully, and says why', async () => {
    const r = rig({ host: null });
    const logistic = modelText.replace('"reg:squarederror"', '"binary:logistic"');
    await expect(r.call('skills.importModel', { skill: 'empathy', json: logistic })).rejects.toMatchObject({ message: /objective is binary:logistic/ });
    await expect(r.call('skills.importModel', { skill: 'empathy', json: '{"learner": 1}' })).rejects.toMatchObject({ message: /not a model we can read/ });
    await expect(r.call('skills.importModel', { skill: 'empathy', json: 'nope' })).rejects.toMatchObject({ message: /not JSON/ });
    const broken = JSON.parse(modelText) as { learner: { gradient_booster: { model: { trees: Array<{ left_children: number[] }> } } } };
    broken.learner.gradient_booster.model.trees[0]!.left_children[2] = 0;
    const cyclic = JSON.stringify(broken);
    await expect(r.call('skills.importModel', { skill: 'empathy', json: cyclic })).rejects.toMatchObject({ message: /broken children|twice/ });
    await expect(r.call('skills.importModel', { skill: 'empathy', path: 'relative.json' })).rejects.toMatchObject({ code: 'invalid_input', field: 'path' });
  });
});
