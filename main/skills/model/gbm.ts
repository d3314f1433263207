import { computeExpected, newTree, type Tree, type TreeEnsemble } from './ensemble';
import { featureOrder, type FeatureOrder } from './feature-order';

/**
 * A small gradient-boosting regressor of our own: squared error, depth-limited trees grown level
 * by level with exact greedy splits, L2-regularised leaf weights (−G / (H + λ)), a learning rate,
 * a minimum hessian per child, and XGBoost's sparsity-aware default direction for missing values
 * (each split tries sending them left and right). The trees it grows read and export exactly as
 * XGBoost's do, so one evaluator serves both.
 */

export interface BoostOptions {
  rounds: number;
  maxDepth: number;
  learningRate: number;
  /** Minimum hessian (for squared error: rows) in each child of a split. */
  minChildWeight: number;
  /** L2 penalty on leaf weights. */
  lambda: number;
}

/** Features by column (NaN = missing), already single precision as the evaluator compares them. */
export interface TrainingColumns {
  featureNames: readonly string[];
  columns: readonly Float32Array[];
  target: Float64Array;
}

interface GrowingNode {
  g: number;
  h: number;
  feature: number;
  threshold: number;
  defaultLeft: boolean;
  gain: number;
  left: number;
  right: number;
}

interface SplitChoice {
  gain: number;
  feature: number;
  threshold: number;
  defaultLeft: boolean;
}

const newLeaf = (): GrowingNode => ({ g: 0, h: 0, feature: -1, threshold: 0, defaultLeft: true, gain: 0, left: -1, right: -1 });

const score = (g: number, h: number, lambda: number): number => (g * g) / (h + lambda);

/** Grows one tree on gradients `grad` (hessian 1 per row) over local rows 0..n-1; returns it and each row's leaf. */
function growTree(data: TrainingColumns, rows: Int32Array, order: FeatureOrder, grad: Float64Array, options: BoostOptions): { tree: Tree; leafOfRow: Int32Array } {
  const n = rows.length;
  const nodes: GrowingNode[] = [{ ...newLeaf(), g: grad.reduce((sum, value) => sum + value, 0), h: n }];
  const nodeOf = new Int32Array(n);
  let level = [0];
  for (let depth = 0; depth < options.maxDepth && level.length > 0; depth += 1) {
    const choices = bestSplits(data, rows, order, grad, nodeOf, level, nodes, options);
    const next: number[] = [];
    for (const id of level) {
      const choice = choices.get(id);
      if (choice === undefined) continue;
      const node = nodes[id]!;
      Object.assign(node, { feature: choice.feature, threshold: choice.threshold, defaultLeft: choice.defaultLeft, gain: choice.gain, left: nodes.length, right: nodes.length + 1 });
      nodes.push(newLeaf(), newLeaf());
      next.push(node.left, node.right);
    }
    for (let local = 0; local < n; local += 1) {
      const node = nodes[nodeOf[local]!]!;
      if (node.left === -1) continue;
      const value = data.columns[node.feature]![rows[local]!]!;
      const child = Number.isNaN(value) ? (node.defaultLeft ? node.left : node.right) : value < node.threshold ? node.left : node.right;
      nodeOf[local] = child;
      const target = nodes[child]!;
      target.g += grad[local]!;
      target.h += 1;
    }
    level = next;
  }
  return { tree: toTree(nodes, options), leafOfRow: nodeOf };
}

/**
 * For each node of the level, the best split over every feature, if any gains. Per-node sums live
 * in small typed arrays indexed by node id; the inner loop allocates nothing (it runs rows ×
 * features × levels × rounds times).
 */
function bestSplits(data: TrainingColumns, rows: Int32Array, order: FeatureOrder, grad: Float64Array, nodeOf: Int32Array, level: readonly number[], nodes: readonly GrowingNode[], options: BoostOptions): Map<number, SplitChoice> {
  const size = nodes.length;
  const splittable = new Uint8Array(size);
  for (const id of level) if (nodes[id]!.h >= 2 * options.minChildWeight) splittable[id] = 1;
  const best = new Map<number, SplitChoice>();
  if (!splittable.includes(1)) return best;
  const { lambda, minChildWeight } = options;
  const totalG = Float64Array.from(nodes, (node) => node.g);
  const totalH = Float64Array.from(nodes, (node) => node.h);
  const parentScore = Float64Array.from(nodes, (node) => score(node.g, node.h, lambda));
  const bestGain = new Float64Array(size);
  const bestFeature = new Int32Array(size).fill(-1);
  const bestThreshold = new Float64Array(size);
  const bestMissingLeft = new Uint8Array(size);
  const leftG = new Float64Array(size);
  const leftH = new Float64Array(size);
  const missingG = new Float64Array(size);
  const missingH = new Float64Array(size);
  const last = new Float64Array(size);
  const consider = (id: number, feature: number, below: number, above: number, missingLeft: boolean): void => {
    const gl = leftG[id]! + (missingLeft ? missingG[id]! : 0);
    const hl = leftH[id]! + (missingLeft ? missingH[id]! : 0);
    const hr = totalH[id]! - hl;
    if (hl < minChildWeight || hr < minChildWeight) return;
    const gain = score(gl, hl, lambda) + score(totalG[id]! - gl, hr, lambda) - parentScore[id]!;
    if (gain <= 1e-9 || gain <= bestGain[id]!) return;
    let threshold = Math.fround((below + above) / 2);
    if (!(threshold > below)) threshold = above;
    bestGain[id] = gain;
    bestFeature[id] = feature;
    bestThreshold[id] = threshold;
    bestMissingLeft[id] = missingLeft ? 1 : 0;
  };
  for (let feature = 0; feature < data.columns.length; feature += 1) {
    const column = data.columns[feature]!;
    leftG.fill(0);
    leftH.fill(0);
    missingG.fill(0);
    missingH.fill(0);
    last.fill(Number.NaN);
    for (const local of order.missing[feature]!) {
      const id = nodeOf[local]!;
      missingG[id] = missingG[id]! + grad[local]!;
      missingH[id] = missingH[id]! + 1;
    }
    for (const local of order.sorted[feature]!) {
      const id = nodeOf[local]!;
      if (splittable[id] === 0) continue;
      const value = column[rows[local]!]!;
      const previous = last[id]!;
      if (value > previous) {
        if (missingH[id]! > 0) {
          consider(id, feature, previous, value, true);
          consider(id, feature, previous, value, false);
        } else {
          // With no missing rows here, missing values met later follow the larger side.
          consider(id, feature, previous, value, leftH[id]! >= totalH[id]! - leftH[id]!);
        }
      }
      leftG[id] = leftG[id]! + grad[local]!;
      leftH[id] = leftH[id]! + 1;
      last[id] = value;
    }
  }
  for (const id of level) {
    if (bestFeature[id]! >= 0) best.set(id, { gain: bestGain[id]!, feature: bestFeature[id]!, threshold: bestThreshold[id]!, defaultLeft: bestMissingLeft[id] === 1 });
  }
  return best;
}

function toTree(nodes: readonly GrowingNode[], options: BoostOptions): Tree {
  const tree = newTree(nodes.length);
  for (const [id, node] of nodes.entries()) {
    tree.left[id] = node.left;
    tree.right[id] = node.right;
    tree.feature[id] = node.left === -1 ? 0 : node.feature;
    tree.condition[id] = node.left === -1 ? Math.fround((-node.g / (node.h + options.lambda)) * options.learningRate) : node.threshold;
    tree.defaultLeft[id] = node.defaultLeft ? 1 : 0;
    tree.cover[id] = node.h;
    tree.gain[id] = node.gain;
  }
  computeExpected(tree);
  return tree;
}

/** Trains on the given rows; the base score is their mean, as XGBoost's boost_from_average does for squared error. */
export function trainBoostedTrees(data: TrainingColumns, rows: Int32Array, options: BoostOptions): TreeEnsemble {
  const n = rows.length;
  if (n === 0) throw new Error('No rows to train on');
  const target = Float64Array.from(rows, (row) => data.target[row]!);
  const baseScore = Math.fround(target.reduce((sum, value) => sum + value, 0) / n);
  const order = featureOrder(data, rows);
  const prediction = new Float64Array(n).fill(baseScore);
  const grad = new Float64Array(n);
  const trees: Tree[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    for (let local = 0; local < n; local += 1) grad[local] = prediction[local]! - target[local]!;
    const { tree, leafOfRow } = growTree(data, rows, order, grad, options);
    for (let local = 0; local < n; local += 1) prediction[local] = prediction[local]! + tree.condition[leafOfRow[local]!]!;
    trees.push(tree);
  }
  return { featureNames: data.featureNames, baseScore, objective: 'reg:squarederror', trees, treeWeights: trees.map(() => 1) };
}
