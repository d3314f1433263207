import { readFileSync, statSync } from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { ApiError } from '../../api/errors';
import { parseLabelledCsv, trainingColumns } from './csv';
import { toXgboostJson } from './export';
import { sha256, type ModelRegistry } from './registry';
import { assertFeatureShape } from './shape';
import { defaultTrainOptions, trainSkill, type TrainOptions } from './train';
import { readXgboostJson } from './xgboost-json';
import { skillIds, skillTitles, type SkillId } from '../schema';
import type { ModelEntry } from '../schema-results';

/** Files larger than this are not a skill model or a training set we should read into memory. */
const maxFileBytes = 64 * 1024 * 1024;

/** Reads a text given inline or by absolute path, with the field named in any complaint. */
export function textFrom(input: { path?: string; text?: string }, field: string): string {
  if (input.text !== undefined) return input.text;
  const path = input.path!;
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new ApiError('not_found', `Could not read ${path}: ${error instanceof Error ? error.message : String(error)}`, field);
  }
  if (size > maxFileBytes) throw new ApiError('payload_too_large', `${path} is ${Math.round(size / 1048576)} MiB; at most 64 MiB is read`, field);
  return readFileSync(path, 'utf8');
}

export type ActivatePolicy = 'always' | 'if-better' | 'never';

/**
 * Imports an XGBoost JSON model for a skill: read whole and evaluated-ready, its features checked
 * against ours before anything is stored. The same file imported twice is the same version.
 */
export function importModel(registry: ModelRegistry, skill: SkillId, json: string, note: string | null, activate: boolean, now: number): ModelEntry {
  const model = readXgboostJson(json);
  assertFeatureShape(skillTitles[skill], model.featureNames);
  const existing = registry.findByChecksum(skill, sha256(json));
  if (existing !== undefined) return activate && !existing.active ? (registry.activate(skill, existing.version) ?? existing) : existing;
  return registry.insert({ skill, source: 'imported', json, replicas: [], featureNames: model.featureNames, trees: model.trees.length, metrics: null, note }, activate, now);
}

/**
 * Trains a model per skill rated in the CSV (or the skills named), each stored as the skill's
 * next version with its held-out scores. With 'if-better' a model becomes active only when it
 * beats the mean baseline on the rows it never saw.
 */
export async function trainModels(registry: ModelRegistry, csv: string, skills: readonly SkillId[] | undefined, options: Partial<TrainOptions>, activate: ActivatePolicy, note: string | null, now: () => number): Promise<ModelEntry[]> {
  const set = parseLabelledCsv(csv);
  const wanted = skills ?? skillIds.filter((skill) => set.ratings.has(skill));
  const settings: TrainOptions = { ...defaultTrainOptions, ...options };
  const entries: ModelEntry[] = [];
  for (const skill of wanted) {
    await yieldToEvents(); // training holds the thread for a while per skill; let calls and events through between them
    const trained = trainSkill(trainingColumns(set, skill), skill, settings);
    const attributes = { skill, trained_by: 'talent-workstation' };
    const entry = registry.insert(
      {
        skill,
        source: 'trained',
        json: toXgboostJson(trained.model, attributes),
        replicas: trained.replicas.map((replica) => toXgboostJson(replica, { ...attributes, replica: 'bootstrap' })),
        featureNames: trained.model.featureNames,
        trees: trained.model.trees.length,
        metrics: trained.metrics,
        note,
      },
      activate === 'always' || (activate === 'if-better' && trained.metrics.beatsBaseline),
      now(),
    );
    entries.push(entry);
  }
  return entries;
}
