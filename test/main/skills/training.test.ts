import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../main/batch/sample-data/prng';
import { featureNames } from '../../../main/skills/features/catalogue';
import { predict } from '../../../main/skills/model/evaluate';
import { trainBoostedTrees } from '../../../main/skills/model/gbm';
import { holdoutSplit, pearson, rmse } from '../../../main/skills/model/metrics';
import { readXgboostJson } from '../../../main/skills/model/xgboost-json';
import { generateLabelledRows, labelledCsv } from '../../../main/skills/sample/labelled';
import { skillIds } from '../../../main/skills/schema';
import type { ModelEntry } from '../../../main/skills/schema-results';
import { useSkillRig } from './rig';

const rig = useSkillRig();
const quick = { rounds: 60, replicas: 2 };

describe('our gradient-boosting regressor', () => {
  it('learns a step, sends missing values the way the training rows with them went, and is deterministic', () => {
    const n = 200;
    const x = Float32Array.from({ length: n }, (_, index) => (index % 10 === 0 ? Number.NaN : Math.fround((index % 100) / 100)));
    const noise = Float32Array.from({ length: n }, (_, index) => Math.fround(((index * 7919) % 97) / 97));
    const target = Float64Array.from(x, (value) => (Number.isNaN(value) || value < 0.5 ? 4 : 2));
    const data = { featureNames: ['step', 'noise'], columns: [x, noise], target };
    const rows = Int32Array.from({ length: n }, (_, index) => index);
    const options = { rounds: 40, maxDepth: 2, learningRate: 0.3, minChildWeight: 2, lambda: 1 };
    const model = trainBoostedTrees(data, rows, options);
    expect(model.baseScore).toBeCloseTo(target.reduce((sum, value) => sum + value, 0) / n, 5);
    expect(predict(model, [0.2, 0.5])).toBeCloseTo(4, 1);
    expect(predict(model, [0.8, 0.5])).toBeCloseTo(2, 1);
    expect(predict(model, [Number.NaN, 0.5])).toBeCloseTo(4, 1);
    expect(trainBoostedTrees(data, rows, options).trees.map((tree) => Array.from(tree.condition))).toEqual(model.trees.map((tree) => Array.from(tree.condition)));
  });

  it('holds out a seeded share of the rows that never overlaps the training rows', () => {
    const rows = Array.from({ length: 100 }, (_, index) => index);
    const { train, holdout } = holdoutSplit(rows, 0.2, 42);
    expect(holdout).toHaveLength(20);
    expect(new Set([...train, ...holdout]).size).toBe(100);
    expect(holdoutSplit(rows, 0.2, 42).holdout).toEqual(holdout);
    expect(holdoutSplit(rows, 0.2, 43).holdout).not.toEqual(holdout);
    expect(rmse([1, 2, 3], [1, 2, 5])).toBeCloseTo(Math.sqrt(4 / 3), 9);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 9);
    expect(pearson([3, 3, 3], [1, 2, 3])).toBeNull();
  });
});

describe('training from a labelled CSV, through the contract', () => {
  it('beats the mean baseline on rows it never saw, exports XGBoost JSON that reloads, and activates the model', async () => {
    const r = rig({ host: null });
    const csv = labelledCsv(generateLabelledRows(400, 11));
    const { models } = await r.call<{ models: ModelEntry[] }>('skills.trainModel', { csv, options: quick, note: 'generated' });
    expect(models.map((model) => model.skill)).toEqual([...skillIds]);
    for (const model of models) {
      expect(model).toMatchObject({ source: 'trained', version: 1, active: true, trees: 60, replicas: 2, features: featureNames, note: 'generated' });
      const metrics = model.metrics!;
      expect(metrics).toMatchObject({ rows: 400, trainRows: 320, holdoutRows: 80, beatsBaseline: true });
      expect(metrics.holdoutRmse).toBeLessThan(metrics.baselineRmse * 0.85);
      expect(metrics.holdoutPearson).toBeGreaterThan(0.5);
      expect(metrics.trainRmse).toBeLessThan(metrics.holdoutRmse);
    }
    // The stored file is XGBoost's shape and reads back through the one evaluator.
    const stored = r.db.prepare(`SELECT model_json FROM skill_models WHERE skill = 'empathy'`).pluck().get() as string;
    const json = JSON.parse(stored) as { learner: { gradient_booster: { name: string; model: { trees: Array<Record<string, unknown>> } }; learner_model_param: { base_score: string }; objective: { name: string } } };
    expect(json.learner.gradient_booster.name).toBe('gbtree');
    expect(json.learner.objective.name).toBe('reg:squarederror');
    expect(json.learner.learner_model_param.base_score).toMatch(/^\d\.\d+E0$/);
    expect(Object.keys(json.learner.gradient_booster.model.trees[0]!)).toEqual(expect.arrayContaining(['split_indices', 'split_conditions', 'left_children', 'right_children', 'default_left', 'base_weights', 'sum_hessian']));
    const reread = readXgboostJson(stored);
    expect(reread.trees).toHaveLength(60);

    // Same file, same seed: the same model, byte for byte.
    const again = await r.call<{ models: ModelEntry[] }>('skills.trainModel', { csv, skills: ['empathy'], options: quick, activate: 'never' });
    expect(again.models[0]).toMatchObject({ version: 2, active: false, checksum: models[0]!.checksum });
  });

  it('keeps a model that does not beat the baseline out of use when asked to activate only if better', async () => {
    const r = rig({ host: null });
    // Ratings shuffled across people: no feature can predict them.
    const rows = generateLabelledRows(200, 5);
    const random = createRandom(9);
    const ratings = rows.map((row) => row.ratings).sort(() => random.next() - 0.5);
    const csv = labelledCsv(rows.map((row, index) => ({ ...row, ratings: ratings[index]! })));
    const { models } = await r.call<{ models: ModelEntry[] }>('skills.trainModel', { csv, skills: ['resilience'], options: quick });
    expect(models[0]!.metrics!.beatsBaseline).toBe(false);
    expect(models[0]!.active).toBe(false);
  });

  it('says what is wrong with a training file', async () => {
    const r = rig({ host: null });
    const csv = labelledCsv(generateLabelledRows(40, 3));
    const withoutColumn = csv.replace('coping_words,', 'coping,');
    await expect(r.call('skills.trainModel', { csv: withoutColumn })).rejects.toMatchObject({ code: 'invalid_input', message: 'The training file lacks feature columns: coping_words' });
    const [header, first, ...rest] = csv.trim().split('\n');
    const badRating = [header, first!.replace(/,\d$/, ',7'), ...rest].join('\n');
    await expect(r.call('skills.trainModel', { csv: badRating })).rejects.toMatchObject({ message: /Line 2, resilience: a rating is a number from 1 to 5, not "7"/ });
    const short = [header, ...rest.slice(0, 20)].join('\n');
    await expect(r.call('skills.trainModel', { csv: short })).rejects.toMatchObject({ message: /needs at least 30 rated rows; the file has 20/ });
    await expect(r.call('skills.trainModel', { csv, csvPath: '/tmp/x.csv' })).rejects.toMatchObject({ field: 'csvPath' });
  });
});
