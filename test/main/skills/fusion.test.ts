import { describe, expect, it } from 'vitest';
import { featureSpecs } from '../../../main/skills/features/catalogue';
import { confidenceOf } from '../../../main/skills/fusion/confidence';
import { fuseSkill } from '../../../main/skills/fusion/fuse';
import { defaultWeights } from '../../../main/skills/fusion/weights';
import type { FeatureSet } from '../../../main/skills/schema';
import type { Assessment } from '../../../main/skills/schema-results';
import { handTranscript } from './fixtures/transcripts';
import { useSkillRig } from './rig';

const rig = useSkillRig();

/** Every feature at 0.5 (the middle, moving nothing) except those given. */
function featuresWith(values: Record<string, number | null>, words = 300): FeatureSet {
  return {
    source: 'transcript',
    answers: 5,
    words,
    lexicon: { id: 'skills-lexicon', version: '1' },
    features: featureSpecs.map((spec) => {
      const value = spec.name in values ? values[spec.name]! : 0.5;
      return { name: spec.name, group: spec.group, label: spec.label, unit: spec.unit, raw: value, value, missing: value === null ? 'not recorded' : null, quotes: [{ seq: 2, text: `${spec.name} quote` }] };
    }),
  };
}

describe('fusion arithmetic', () => {
  it('without a model: shares its weight out in proportion, and the score follows the formula worked by hand', () => {
    const fused = fuseSkill({ skill: 'empathy', features: featuresWith({ perspective_taking: 1, first_person_singular: 1 }), weights: defaultWeights.empathy, model: null, modelNote: 'No active model for Empathy' });
    // Linguistic rubric (weights 3,2,2,2,1,1,1 = 12): (3·1 + 2·.5 + 2·.5 + 2·.5 + 1·.5 + 1·(1 − 1) + 1·.5) / 12 = 7/12 → 1 + 4·7/12.
    expect(fused.fusion.linguistic.score).toBeCloseTo(1 + (4 * 7) / 12, 3);
    expect(fused.fusion.behavioural.score).toBe(3);
    // Model 0.5 gone: linguistic 0.3/0.5, behavioural 0.1/0.5, adjustment 0.1/0.5.
    expect(fused.fusion.ml).toMatchObject({ score: null, weight: 0.5, effectiveWeight: 0, note: 'No active model for Empathy' });
    expect(fused.fusion.linguistic.effectiveWeight).toBeCloseTo(0.6, 9);
    expect(fused.fusion.behavioural.effectiveWeight).toBeCloseTo(0.2, 9);
    expect(fused.fusion.confidenceAdjustment.effectiveWeight).toBeCloseTo(0.2, 9);
    expect(fused.fusion.redistributed).toBe('Empathy was inferred without a model: its weight (model 0.5) was shared in proportion among the rest, now linguistic 0.6, behavioural 0.2, confidence adjustment 0.2');
    // mean = (0.6 · 3.3333 + 0.2 · 3) / 0.8 = 3.25.
    expect(fused.fusion.evidenceMean).toBeCloseTo(3.25, 4);
    // Confidence: agreement 1 − 0.3333/4 = 0.917, extremity 1 − 0.5·(0.25/2)² = 0.992, completeness 1; no model spread.
    expect(fused.confidence.components.agreement.value).toBe(0.917);
    expect(fused.confidence.components.extremity.value).toBe(0.992);
    expect(fused.confidence.components.completeness.value).toBe(1);
    expect(fused.confidence.components.modelSpread).toMatchObject({ value: null, weight: 0 });
    expect(fused.confidence.value).toBe(0.97);
    // score = 0.8 · 3.25 + 0.2 · (3 + 0.97 · 0.25) = 3.2485.
    expect(fused.inferred).toBe(3.25);
    expect(fused.fusion.confidenceAdjustment.pull).toBeCloseTo(3.2485 - 3.25, 4);
    // Evidence: perspective-taking moved it most: 4·3·0.5/12 = 0.5 in the rubric, × 0.75 of the evidence × (1 − 0.2·0.03).
    expect(fused.evidence[0]).toMatchObject({ feature: 'perspective_taking', sources: { ml: null, behavioural: null }, quotes: [{ seq: 2, text: 'perspective_taking quote' }] });
    expect(fused.evidence[0]!.contribution).toBeCloseTo(0.5 * 0.75 * 0.994, 3);
    expect(fused.evidence[1]).toMatchObject({ feature: 'first_person_singular' });
    expect(fused.evidence[1]!.contribution).toBeCloseTo((-1 / 6) * 0.75 * 0.994, 3);
    expect(fused.evidence).toHaveLength(2); // every other feature sits at the middle and moves nothing
  });

  it('leaves unmeasured features out of a rubric rather than reading them as zero', () => {
    const fused = fuseSkill({ skill: 'self-regulation', features: featuresWith({ time_variability: null, length_variability: null, revision_rate: null, pause_rate: null, negative_affect: 0 }), weights: defaultWeights['self-regulation'], model: null, modelNote: 'none' });
    expect(fused.fusion.behavioural).toMatchObject({ score: null, effectiveWeight: 0, note: 'None of its features was measured' });
    // negative_affect 0 read reversed (1), weight 3 of 8: (3 + 5·0.5)/8 → 1 + 4 · 0.6875.
    expect(fused.fusion.linguistic.score).toBeCloseTo(3.75, 6);
    expect(fused.fusion.linguistic.effectiveWeight).toBeCloseTo(0.2 / 0.3, 4);
    expect(fused.fusion.redistributed).toMatch(/model 0.45 and behavioural 0.25/);
    expect(fused.confidence.components.completeness.value).toBeCloseTo(22 / 26, 3);
  });

  it('combines the confidence components by their weights, renormalised over those measured', () => {
    // Spread: sd of 3, 3.3, 2.7 = √0.06 → 1/(1 + 0.06/0.09) = 0.6. Agreement 1 − 1/4. Extremity at 4: 1 − 0.5·0.25. Completeness 13/26 · 75/150.
    const confidence = confidenceOf({ modelPredictions: [3, 3.3, 2.7], modelNote: '', sourceScores: [3, 4], evidenceMean: 4, measuredFeatures: 13, totalFeatures: 26, words: 75 });
    expect(confidence.components).toMatchObject({
      modelSpread: { value: 0.6, weight: 0.4 },
      agreement: { value: 0.75, weight: 0.2 },
      extremity: { value: 0.875, weight: 0.2 },
      completeness: { value: 0.25, weight: 0.2 },
    });
    expect(confidence.value).toBeCloseTo(0.4 * 0.6 + 0.2 * 0.75 + 0.2 * 0.875 + 0.2 * 0.25, 3);
    const alone = confidenceOf({ modelPredictions: null, modelNote: 'No model', sourceScores: [3], evidenceMean: 3, measuredFeatures: 26, totalFeatures: 26, words: 300 });
    expect(alone.components.agreement).toMatchObject({ value: null, detail: 'Only one source of evidence' });
    expect(alone.components.extremity.weight).toBe(0.5);
    expect(alone.value).toBe(1);
  });
});

describe('fusion weights, through the contract', () => {
  it('validates that each set sums to 1, keeps every version, and stamps assessments with the version used', async () => {
    const r = rig({ host: null });
    const start = await r.call<{ current: { version: number; weights: typeof defaultWeights }; defaults: typeof defaultWeights }>('skills.getWeights', {});
    expect(start.current).toMatchObject({ version: 1, weights: defaultWeights, note: 'Defaults' });
    await expect(r.call('skills.setWeights', { weights: { empathy: { ml: 0.5, linguistic: 0.25, behavioural: 0.1, confidenceAdjustment: 0.1 } } })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'weights.empathy',
      message: 'Empathy weights sum to 0.95; they must sum to 1 (ml 0.5 + linguistic 0.25 + behavioural 0.1 + confidenceAdjustment 0.1)',
    });
    await expect(r.call('skills.setWeights', { weights: { empathy: { ml: -0.1, linguistic: 0.6, behavioural: 0.4, confidenceAdjustment: 0.1 } } })).rejects.toMatchObject({ message: /cannot be negative/ });
    const next = await r.call<{ version: number; weights: typeof defaultWeights }>('skills.setWeights', { weights: { resilience: { ml: 0, linguistic: 0.7, behavioural: 0.3, confidenceAdjustment: 0 } }, note: 'no model yet' });
    expect(next.version).toBe(2);
    expect(next.weights.resilience).toEqual({ ml: 0, linguistic: 0.7, behavioural: 0.3, confidenceAdjustment: 0 });
    expect(next.weights.empathy).toEqual(defaultWeights.empathy);
    expect(await r.call<unknown[]>('skills.weightHistory', {})).toHaveLength(2);

    const assessment = await r.call<Assessment>('skills.infer', { transcript: handTranscript, reasoning: 'template' });
    const resilience = assessment.results.find((result) => result.skill === 'resilience')!;
    expect(resilience.provenance.weightsVersion).toBe(2);
    // A model weight of 0 means nothing was lost without a model: nothing to share out.
    expect(resilience.fusion.redistributed).toBeNull();
    expect(resilience.inferred).toBeCloseTo(0.7 * resilience.fusion.linguistic.score! + 0.3 * resilience.fusion.behavioural.score!, 1);
  });
});
