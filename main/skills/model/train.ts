import { performance } from 'node:perf_hooks';
import { ApiError } from '../../api/errors';
import { skillTitles, type SkillId } from '../schema';
import type { TreeEnsemble } from './ensemble';
import { predict } from './evaluate';
import { trainBoostedTrees, type BoostOptions, type TrainingColumns } from './gbm';
import { bootstrapSample, holdoutSplit, pearson, rmse, round4 } from './metrics';

export interface TrainOptions extends BoostOptions {
  /** Share of rated rows held out of training and scored at the end. */
  holdout: number;
  seed: number;
  /** Bootstrap replicas trained beside the model; their spread is the confidence's model component. */
  replicas: number;
}

export const defaultTrainOptions: TrainOptions = { rounds: 100, maxDepth: 3, learningRate: 0.1, minChildWeight: 5, lambda: 1, holdout: 0.2, seed: 42, replicas: 5 };

/** Fewer rated rows than this leave too little to train on and to hold out. */
export const minimumRows = 30;

export interface TrainingMetrics {
  rows: number;
  trainRows: number;
  holdoutRows: number;
  holdoutRmse: number;
  holdoutPearson: number | null;
  /** Predicting the training mean for every held-out row. */
  baselineRmse: number;
  trainRmse: number;
  beatsBaseline: boolean;
  /** 1 − holdoutRmse / baselineRmse: the share of the baseline's error the model removes. */
  improvement: number;
  replicas: number;
  trainingMs: number;
  options: TrainOptions;
}

export interface TrainedSkill {
  skill: SkillId;
  model: TreeEnsemble;
  replicas: TreeEnsemble[];
  metrics: TrainingMetrics;
}

function scoreRows(model: TreeEnsemble, data: TrainingColumns, rows: Int32Array): Float64Array {
  const row = new Float64Array(data.columns.length);
  return Float64Array.from(rows, (index) => {
    for (let feature = 0; feature < data.columns.length; feature += 1) row[feature] = data.columns[feature]![index]!;
    return predict(model, row);
  });
}

/**
 * Trains one skill's model on a seeded split and scores it on the rows it never saw, beside the
 * baseline of predicting the training mean. The model kept is the one trained on the training
 * split, so the scores reported are its own, not those of a refit on everything.
 */
export function trainSkill(data: TrainingColumns, skill: SkillId, options: TrainOptions): TrainedSkill {
  const started = performance.now();
  const rated = Array.from({ length: data.target.length }, (_, row) => row).filter((row) => !Number.isNaN(data.target[row]!));
  if (rated.length < minimumRows) {
    throw new ApiError('invalid_input', `Training the ${skillTitles[skill]} model needs at least ${minimumRows} rated rows; the file has ${rated.length}`, 'csv');
  }
  const { train, holdout } = holdoutSplit(rated, options.holdout, options.seed);
  const model = trainBoostedTrees(data, train, options);
  const replicas = Array.from({ length: options.replicas }, (_, index) => trainBoostedTrees(data, bootstrapSample(train, options.seed + 1 + index), options));

  const actualHeld = Float64Array.from(holdout, (row) => data.target[row]!);
  const predictedHeld = scoreRows(model, data, holdout);
  const trainMean = train.reduce((sum, row) => sum + data.target[row]!, 0) / train.length;
  const holdoutRmse = rmse(predictedHeld, actualHeld);
  const baselineRmse = rmse(new Float64Array(holdout.length).fill(trainMean), actualHeld);
  const trainRmse = rmse(scoreRows(model, data, train), Float64Array.from(train, (row) => data.target[row]!));
  const correlation = pearson(predictedHeld, actualHeld);
  return {
    skill,
    model,
    replicas,
    metrics: {
      rows: rated.length,
      trainRows: train.length,
      holdoutRows: holdout.length,
      holdoutRmse: round4(holdoutRmse),
      holdoutPearson: correlation === null ? null : round4(correlation),
      baselineRmse: round4(baselineRmse),
      trainRmse: round4(trainRmse),
      beatsBaseline: holdoutRmse < baselineRmse,
      improvement: round4(baselineRmse === 0 ? 0 : 1 - holdoutRmse / baselineRmse),
      replicas: replicas.length,
      trainingMs: Math.round(performance.now() - started),
      options,
    },
  };
}
