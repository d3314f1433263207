import { z } from 'zod';
import { ApiError } from '../../api/errors';
import { computeExpected, newTree, type Tree, type TreeEnsemble } from './ensemble';

/**
 * Reads the JSON that XGBoost's `Booster.save_model('model.json')` writes (gbtree or dart,
 * one regression target): learner.gradient_booster.model.trees[] with left_children,
 * right_children, split_indices, split_conditions (the leaf value at a leaf), default_left,
 * sum_hessian and base_weights; learner.learner_model_param.base_score; learner.feature_names.
 * Anything we cannot evaluate faithfully is refused with a reason, never half-read.
 */

/** Objectives whose output is the margin itself, so a rating predicted is base_score plus the leaves. */
const identityObjectives = ['reg:squarederror', 'reg:linear', 'reg:pseudohubererror', 'reg:absoluteerror'];

const numberArray = z.array(z.number());
const treeSchema = z.object({
  left_children: z.array(z.number().int()),
  right_children: z.array(z.number().int()),
  split_indices: z.array(z.number().int().min(0)),
  split_conditions: numberArray,
  default_left: z.array(z.union([z.boolean(), z.number()])),
  sum_hessian: numberArray.optional(),
  loss_changes: numberArray.optional(),
  base_weights: numberArray.optional(),
  split_type: z.array(z.number()).optional(),
});
type TreeJson = z.output<typeof treeSchema>;

const treesSchema = z.object({ trees: z.array(treeSchema), tree_info: z.array(z.number()).optional() });

const fileSchema = z.object({
  learner: z.object({
    feature_names: z.array(z.string()).optional(),
    learner_model_param: z.object({
      base_score: z.union([z.string(), z.number()]),
      num_feature: z.union([z.string(), z.number()]).optional(),
      num_class: z.union([z.string(), z.number()]).optional(),
      num_target: z.union([z.string(), z.number()]).optional(),
    }),
    gradient_booster: z.object({
      name: z.string(),
      model: treesSchema.optional(),
      gbtree: z.object({ model: treesSchema }).optional(),
      weight_drop: numberArray.optional(),
    }),
    objective: z.object({ name: z.string() }),
  }),
});

const bad = (message: string): ApiError => new ApiError('invalid_input', `This is not a model we can read: ${message}`, 'model');

/** base_score is written as "3E0", "3.0408E0" or, since XGBoost 3.1, "[3.0408E0]". */
export function parseBaseScore(value: string | number): number {
  const text = String(value).replace(/^\s*\[|\]\s*$/g, '').split(',')[0]!.trim();
  const parsed = Number(text);
  if (text === '' || !Number.isFinite(parsed)) throw bad(`base_score "${String(value)}" is not a number`);
  return parsed;
}

function readTree(json: TreeJson, index: number, featureCount: number): Tree {
  const nodes = json.left_children.length;
  const lengths = [json.right_children.length, json.split_indices.length, json.split_conditions.length, json.default_left.length];
  if (nodes === 0 || lengths.some((length) => length !== nodes)) throw bad(`tree ${index} has node arrays of different lengths`);
  if (json.split_type?.some((type) => type !== 0)) throw bad(`tree ${index} has categorical splits, which are not supported`);
  const tree = newTree(nodes);
  for (let node = 0; node < nodes; node += 1) {
    const left = json.left_children[node]!;
    const right = json.right_children[node]!;
    const leaf = left === -1;
    if (leaf !== (right === -1) || (!leaf && (left <= 0 || right <= 0 || left >= nodes || right >= nodes))) throw bad(`tree ${index} node ${node} has broken children`);
    if (!leaf && json.split_indices[node]! >= featureCount) throw bad(`tree ${index} node ${node} splits on feature ${json.split_indices[node]}, beyond the model's ${featureCount}`);
    tree.left[node] = left;
    tree.right[node] = right;
    tree.feature[node] = json.split_indices[node]!;
    // Thresholds are single precision in XGBoost; leaves keep their value as written.
    tree.condition[node] = leaf ? json.split_conditions[node]! : Math.fround(json.split_conditions[node]!);
    const defaultLeft = json.default_left[node];
    tree.defaultLeft[node] = defaultLeft === true || defaultLeft === 1 ? 1 : 0;
    tree.cover[node] = json.sum_hessian?.[node] ?? 0;
    tree.gain[node] = json.loss_changes?.[node] ?? 0;
  }
  assertReachableOnce(tree, index);
  computeExpected(tree);
  return tree;
}

/** Every node reached exactly once from the root: no cycles, no shared children, no orphans. */
function assertReachableOnce(tree: Tree, index: number): void {
  const seen = new Uint8Array(tree.left.length);
  const stack = [0];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen[node] === 1) throw bad(`tree ${index} reaches node ${node} twice`);
    seen[node] = 1;
    if (tree.left[node] !== -1) stack.push(tree.left[node]!, tree.right[node]!);
  }
  if (seen.includes(0)) throw bad(`tree ${index} has nodes the root never reaches`);
}

const count = (value: string | number | undefined): number => (value === undefined ? 0 : Number(value));

export function readXgboostJson(text: string): TreeEnsemble {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw bad(`it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bad(`${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'unexpected shape'} (save it with Booster.save_model('model.json'))`);
  }
  const learner = parsed.data.learner;
  if (!identityObjectives.includes(learner.objective.name)) {
    throw bad(`its objective is ${learner.objective.name}; a skill model predicts the 1–5 rating by regression (${identityObjectives.join(', ')})`);
  }
  if (count(learner.learner_model_param.num_class) > 0 || count(learner.learner_model_param.num_target) > 1) throw bad('it predicts more than one output; a skill model predicts one rating');
  const booster = learner.gradient_booster;
  const model = booster.name === 'dart' ? booster.gbtree?.model : booster.name === 'gbtree' ? booster.model : undefined;
  if (model === undefined) throw bad(`its booster is ${booster.name}; only tree models (gbtree, dart) are supported`);
  const featureNames = learner.feature_names ?? [];
  const featureCount = learner.learner_model_param.num_feature === undefined ? featureNames.length : count(learner.learner_model_param.num_feature);
  if (featureNames.length === 0) throw bad(`it has no feature names, so its ${featureCount} features cannot be matched to ours (train it on a DataFrame with our column names)`);
  if (featureNames.length !== featureCount) throw bad(`it names ${featureNames.length} features but says it has ${featureCount}`);
  if (model.tree_info?.some((group) => group !== 0)) throw bad('its trees belong to more than one output group');
  const trees = model.trees.map((tree, index) => readTree(tree, index, featureCount));
  const treeWeights = booster.name === 'dart' ? (booster.weight_drop ?? trees.map(() => 1)) : trees.map(() => 1);
  if (treeWeights.length !== trees.length) throw bad('its DART weights do not match its trees');
  return { featureNames, baseScore: parseBaseScore(learner.learner_model_param.base_score), objective: learner.objective.name, trees, treeWeights };
}
