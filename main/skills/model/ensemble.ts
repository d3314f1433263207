/**
 * A boosted tree ensemble as the evaluator walks it, read from (or written to) XGBoost's JSON.
 * Thresholds are single precision, as XGBoost keeps them, and features are rounded to single
 * precision before each comparison, so a value on a threshold goes the way XGBoost sends it.
 */
export interface Tree {
  /** -1 where the node is a leaf. */
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  /** Split thresholds for internal nodes (go left when value < threshold); leaf values for leaves. */
  condition: Float64Array;
  defaultLeft: Uint8Array;
  /** The training weight (hessian) that reached each node; 1 per leaf when the file has none. */
  cover: Float64Array;
  /** The loss reduction of each split (0 at leaves); kept for export and inspection only. */
  gain: Float64Array;
  /** The cover-weighted mean of the leaves below each node: what the tree predicts knowing only the path so far. */
  expected: Float64Array;
}

export interface TreeEnsemble {
  featureNames: readonly string[];
  baseScore: number;
  objective: string;
  trees: readonly Tree[];
  /** 1 per tree, except DART models, whose trees carry their weight_drop. */
  treeWeights: readonly number[];
}

export const isLeaf = (tree: Tree, node: number): boolean => tree.left[node] === -1;

/** Fills `expected` from the leaves up; children always follow their parents in XGBoost's node order, but not necessarily, so this recurses. */
export function computeExpected(tree: Tree): void {
  const visit = (node: number): { sum: number; weight: number } => {
    if (isLeaf(tree, node)) {
      const weight = tree.cover[node]! > 0 ? tree.cover[node]! : 1;
      tree.expected[node] = tree.condition[node]!;
      return { sum: tree.condition[node]! * weight, weight };
    }
    const left = visit(tree.left[node]!);
    const right = visit(tree.right[node]!);
    const weight = left.weight + right.weight;
    tree.expected[node] = (left.sum + right.sum) / weight;
    return { sum: left.sum + right.sum, weight };
  };
  visit(0);
}

export function newTree(nodes: number): Tree {
  return {
    left: new Int32Array(nodes),
    right: new Int32Array(nodes),
    feature: new Int32Array(nodes),
    condition: new Float64Array(nodes),
    defaultLeft: new Uint8Array(nodes),
    cover: new Float64Array(nodes),
    gain: new Float64Array(nodes),
    expected: new Float64Array(nodes),
  };
}
