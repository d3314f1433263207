import { isLeaf, type Tree, type TreeEnsemble } from './ensemble';

/** The child a row goes to at an internal node: left when value < threshold (both single precision), the default way when missing. */
function childOf(tree: Tree, node: number, row: ArrayLike<number>): number {
  const value = row[tree.feature[node]!]!;
  if (Number.isNaN(value)) return tree.defaultLeft[node] === 1 ? tree.left[node]! : tree.right[node]!;
  return Math.fround(value) < tree.condition[node]! ? tree.left[node]! : tree.right[node]!;
}

export function leafOf(tree: Tree, row: ArrayLike<number>): number {
  let node = 0;
  while (!isLeaf(tree, node)) node = childOf(tree, node, row);
  return node;
}

/** The model's output for one row given in the model's own feature order (NaN = missing). */
export function predict(ensemble: TreeEnsemble, row: ArrayLike<number>): number {
  let sum = ensemble.baseScore;
  for (const [index, tree] of ensemble.trees.entries()) sum += ensemble.treeWeights[index]! * tree.condition[leafOf(tree, row)]!;
  return sum;
}

export interface Explained {
  value: number;
  /** What the model predicts before reading any feature: base score plus each tree's root expectation. */
  bias: number;
  /** Per feature of the model: how much the path through each tree moved the prediction at that feature's splits. */
  contributions: Float64Array;
}

/**
 * The prediction split into one part per feature by following each tree's path (Saabas, 2014; the
 * same as XGBoost's `pred_contribs` with approx_contribs): at each split, the change in the node's
 * expected value goes to the feature split on. Bias plus the parts equals the prediction exactly.
 */
export function explain(ensemble: TreeEnsemble, row: ArrayLike<number>): Explained {
  const contributions = new Float64Array(ensemble.featureNames.length);
  let bias = ensemble.baseScore;
  for (const [index, tree] of ensemble.trees.entries()) {
    const weight = ensemble.treeWeights[index]!;
    bias += weight * tree.expected[0]!;
    let node = 0;
    while (!isLeaf(tree, node)) {
      const next = childOf(tree, node, row);
      contributions[tree.feature[node]!]! += weight * (tree.expected[next]! - tree.expected[node]!);
      node = next;
    }
  }
  const value = contributions.reduce((sum, part) => sum + part, bias);
  return { value, bias, contributions };
}

/** Builds a row in the model's feature order from values by name; a name we do not have reads as missing. */
export function rowFor(ensemble: TreeEnsemble, values: ReadonlyMap<string, number>): Float64Array {
  return Float64Array.from(ensemble.featureNames, (name) => values.get(name) ?? Number.NaN);
}
