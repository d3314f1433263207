/** Scores of a regression on held-out rows, and the seeded split that keeps them held out. */

import { createRandom } from '../../batch/sample-data/prng';

export function rmse(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < actual.length; index += 1) sum += (predicted[index]! - actual[index]!) ** 2;
  return Math.sqrt(sum / actual.length);
}

/** Pearson's r; null when either side does not vary (a constant predictor has no correlation). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const n = a.length;
  if (n < 2) return null;
  let meanA = 0;
  let meanB = 0;
  for (let index = 0; index < n; index += 1) {
    meanA += a[index]! / n;
    meanB += b[index]! / n;
  }
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let index = 0; index < n; index += 1) {
    covariance += (a[index]! - meanA) * (b[index]! - meanB);
    varianceA += (a[index]! - meanA) ** 2;
    varianceB += (b[index]! - meanB) ** 2;
  }
  if (varianceA < 1e-12 || varianceB < 1e-12) return null;
  return covariance / Math.sqrt(varianceA * varianceB);
}

/** Shuffles with a fixed seed (Fisher–Yates) and holds out the first `fraction`: the same file and seed always split the same way. */
export function holdoutSplit(rows: readonly number[], fraction: number, seed: number): { train: Int32Array; holdout: Int32Array } {
  const random = createRandom(seed);
  const shuffled = [...rows];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random.next() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  const held = Math.max(1, Math.round(shuffled.length * fraction));
  return { holdout: Int32Array.from(shuffled.slice(0, held)), train: Int32Array.from(shuffled.slice(held)) };
}

/** A bootstrap resample (with replacement) of the rows, the same size, from its own seed. */
export function bootstrapSample(rows: Int32Array, seed: number): Int32Array {
  const random = createRandom(seed);
  return Int32Array.from(rows, () => rows[Math.floor(random.next() * rows.length)]!);
}

export const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
