import type { Tree, TreeEnsemble } from './ensemble';

/**
 * Writes an ensemble in the shape of XGBoost 2.x's `save_model('model.json')` for a gbtree
 * regression model, so a trained model can be read by our evaluator, kept as a file, and
 * compared with imported ones. XGBoost itself could not be installed on the build machines, so
 * loading these files into XGBoost is untested; every field it writes is written.
 */

/** XGBoost writes parameters as strings and base_score in scientific notation ("3.04E0"). */
const scientific = (value: number): string => value.toExponential().replace('e+', 'E').replace('e-', 'E-');

const parentsOf = (tree: Tree): number[] => {
  const parents = Array.from(tree.left, () => 2147483647);
  tree.left.forEach((left, node) => {
    if (left !== -1) {
      parents[left] = node;
      parents[tree.right[node]!] = node;
    }
  });
  return parents;
};

function treeJson(tree: Tree, id: number, featureCount: number): Record<string, unknown> {
  const nodes = tree.left.length;
  const leaf = (node: number): boolean => tree.left[node] === -1;
  return {
    base_weights: Array.from({ length: nodes }, (_, node) => (leaf(node) ? tree.condition[node]! : tree.expected[node]!)),
    categories: [],
    categories_nodes: [],
    categories_segments: [],
    categories_sizes: [],
    default_left: Array.from(tree.defaultLeft),
    id,
    left_children: Array.from(tree.left),
    loss_changes: Array.from(tree.gain),
    parents: parentsOf(tree),
    right_children: Array.from(tree.right),
    split_conditions: Array.from(tree.condition),
    split_indices: Array.from({ length: nodes }, (_, node) => (leaf(node) ? 0 : tree.feature[node]!)),
    split_type: Array.from({ length: nodes }, () => 0),
    sum_hessian: Array.from(tree.cover),
    tree_param: { num_deleted: '0', num_feature: String(featureCount), num_nodes: String(nodes), size_leaf_vector: '1' },
  };
}

export function toXgboostJson(ensemble: TreeEnsemble, attributes: Readonly<Record<string, string>> = {}): string {
  const featureCount = ensemble.featureNames.length;
  const trees = ensemble.trees.map((tree, id) => treeJson(tree, id, featureCount));
  return JSON.stringify({
    learner: {
      attributes,
      feature_names: [...ensemble.featureNames],
      feature_types: ensemble.featureNames.map(() => 'float'),
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: '1', num_trees: String(trees.length) },
          iteration_indptr: Array.from({ length: trees.length + 1 }, (_, index) => index),
          tree_info: trees.map(() => 0),
          trees,
        },
        name: 'gbtree',
      },
      learner_model_param: { base_score: scientific(ensemble.baseScore), boost_from_average: '1', num_class: '0', num_feature: String(featureCount), num_target: '1' },
      objective: { name: 'reg:squarederror', reg_loss_param: { scale_pos_weight: '1' } },
    },
    version: [2, 1, 0],
  });
}
