import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ApiError } from '../../api/errors';
import { skillIds, skillTitles, type SkillId } from '../schema';

/**
 * Fusion weights per skill: how much the model, the linguistic rubric and the behavioural rubric
 * count, and how much of the score is pulled toward the scale's middle in proportion to doubt
 * (confidenceAdjustment). They must sum to 1. Every change is a new numbered version; each
 * assessment keeps the version it was fused with.
 */

export const weightKeys = ['ml', 'linguistic', 'behavioural', 'confidenceAdjustment'] as const;
export type WeightKey = (typeof weightKeys)[number];

const share = z.number().min(0, 'A weight cannot be negative').max(1, 'A weight is at most 1');
export const skillWeightsSchema = z.object({ ml: share, linguistic: share, behavioural: share, confidenceAdjustment: share }).strict();
export type SkillWeights = z.output<typeof skillWeightsSchema>;
export type WeightSet = Record<SkillId, SkillWeights>;

/**
 * Our defaults, not fitted: the model leads where one is trained; empathy is mostly in what is
 * said, self-regulation shows more in how steadily one answers.
 */
export const defaultWeights: Readonly<WeightSet> = {
  empathy: { ml: 0.5, linguistic: 0.3, behavioural: 0.1, confidenceAdjustment: 0.1 },
  'problem-solving': { ml: 0.5, linguistic: 0.25, behavioural: 0.15, confidenceAdjustment: 0.1 },
  'self-regulation': { ml: 0.45, linguistic: 0.2, behavioural: 0.25, confidenceAdjustment: 0.1 },
  resilience: { ml: 0.5, linguistic: 0.25, behavioural: 0.15, confidenceAdjustment: 0.1 },
};

const tolerance = 1e-6;

/** Throws a message naming the skill, the sum and each weight when they do not add up to 1. */
export function validateWeights(skill: SkillId, weights: SkillWeights): void {
  const sum = weightKeys.reduce((total, key) => total + weights[key], 0);
  if (Math.abs(sum - 1) > tolerance) {
    const parts = weightKeys.map((key) => `${key} ${weights[key]}`).join(' + ');
    throw new ApiError('invalid_input', `${skillTitles[skill]} weights sum to ${Math.round(sum * 1e6) / 1e6}; they must sum to 1 (${parts})`, `weights.${skill}`);
  }
}

export interface WeightVersion {
  version: number;
  weights: WeightSet;
  note: string | null;
  createdAt: string;
}

interface WeightRow {
  version: number;
  weights_json: string;
  note: string | null;
  created_at: number;
}

const toVersion = (row: WeightRow): WeightVersion => ({ version: row.version, weights: JSON.parse(row.weights_json) as WeightSet, note: row.note, createdAt: new Date(row.created_at).toISOString() });

export class WeightStore {
  constructor(private readonly db: Database) {}

  /** The newest version; the defaults are stored as version 1 the first time weights are needed, so every assessment names a stored row. */
  current(now: number): WeightVersion {
    const row = this.db.prepare('SELECT * FROM skill_weight_versions ORDER BY version DESC LIMIT 1').get() as WeightRow | undefined;
    if (row !== undefined) return toVersion(row);
    this.insert(defaultWeights, 'Defaults', now);
    return this.current(now);
  }

  get(version: number): WeightVersion {
    const row = this.db.prepare('SELECT * FROM skill_weight_versions WHERE version = ?').get(version) as WeightRow | undefined;
    if (row === undefined) throw new ApiError('not_found', `No weights version ${version}`, 'version');
    return toVersion(row);
  }

  history(): WeightVersion[] {
    return (this.db.prepare('SELECT * FROM skill_weight_versions ORDER BY version').all() as WeightRow[]).map(toVersion);
  }

  /** A new version: the skills given take their new weights, the others keep the current ones. */
  update(changes: Partial<Record<SkillId, SkillWeights>>, note: string | null, now: number): WeightVersion {
    for (const skill of skillIds) {
      const weights = changes[skill];
      if (weights !== undefined) validateWeights(skill, weights);
    }
    const next = { ...this.current(now).weights, ...changes } as WeightSet;
    this.insert(next, note, now);
    return this.current(now);
  }

  private insert(weights: WeightSet, note: string | null, now: number): void {
    this.db.prepare('INSERT INTO skill_weight_versions (weights_json, note, created_at) VALUES (?, ?, ?)').run(JSON.stringify(weights), note, now);
  }
}
