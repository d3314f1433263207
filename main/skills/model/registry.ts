import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../api/errors';
import type { LoadedModel } from '../fusion/fuse';
import { skillIds, skillTitles, type SkillId } from '../schema';
import type { ModelEntry } from '../schema-results';
import { featureShapeProblem } from './shape';
import type { TrainingMetrics } from './train';
import { readXgboostJson } from './xgboost-json';

/** The model registry: every model imported or trained, by skill and version, at most one active per skill. */

interface ModelRow {
  id: number;
  skill: SkillId;
  version: number;
  checksum: string;
  source: 'imported' | 'trained';
  feature_names_json: string;
  trees: number;
  model_json: string;
  replicas_json: string;
  metrics_json: string | null;
  note: string | null;
  active: 0 | 1;
  created_at: number;
}

export interface NewModel {
  skill: SkillId;
  source: 'imported' | 'trained';
  /** The model file's text, stored and checksummed as given. */
  json: string;
  replicas: readonly string[];
  featureNames: readonly string[];
  trees: number;
  metrics: TrainingMetrics | null;
  note: string | null;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Everything but the model texts, which are read only to evaluate. */
const entryColumns = 'id, skill, version, checksum, source, feature_names_json, trees, json_array_length(replicas_json) AS replica_count, metrics_json, note, active, created_at';
type EntryRow = Omit<ModelRow, 'model_json' | 'replicas_json'> & { replica_count: number };

const entryOf = (row: EntryRow): ModelEntry => ({
  id: row.id,
  skill: row.skill,
  version: row.version,
  checksum: row.checksum,
  source: row.source,
  features: JSON.parse(row.feature_names_json) as string[],
  trees: row.trees,
  replicas: row.replica_count,
  metrics: row.metrics_json === null ? null : (JSON.parse(row.metrics_json) as ModelEntry['metrics']),
  note: row.note,
  active: row.active === 1,
  createdAt: new Date(row.created_at).toISOString(),
});

export class ModelRegistry {
  /** Parsed models by id: a model row never changes once written, so a parse is good for the process's life. */
  private readonly parsed = new Map<number, LoadedModel>();

  constructor(private readonly db: Database) {}

  list(skill?: SkillId): ModelEntry[] {
    const rows = (skill === undefined
      ? this.db.prepare(`SELECT ${entryColumns} FROM skill_models ORDER BY version DESC`).all()
      : this.db.prepare(`SELECT ${entryColumns} FROM skill_models WHERE skill = ? ORDER BY version DESC`).all(skill)) as EntryRow[];
    return rows.sort((a, b) => skillIds.indexOf(a.skill) - skillIds.indexOf(b.skill) || b.version - a.version).map(entryOf);
  }

  get(skill: SkillId, version: number): ModelEntry {
    const row = this.db.prepare(`SELECT ${entryColumns} FROM skill_models WHERE skill = ? AND version = ?`).get(skill, version) as EntryRow | undefined;
    if (row === undefined) throw new ApiError('not_found', `No ${skillTitles[skill]} model version ${version}`, 'version');
    return entryOf(row);
  }

  findByChecksum(skill: SkillId, checksum: string): ModelEntry | undefined {
    const row = this.db.prepare(`SELECT ${entryColumns} FROM skill_models WHERE skill = ? AND checksum = ?`).get(skill, checksum) as EntryRow | undefined;
    return row === undefined ? undefined : entryOf(row);
  }

  /** Stores a model as the skill's next version, active if asked (the previous active one steps down in the same transaction). */
  insert(model: NewModel, activate: boolean, now: number): ModelEntry {
    const version = this.db.transaction(() => {
      const next = (this.db.prepare('SELECT coalesce(max(version), 0) + 1 AS v FROM skill_models WHERE skill = ?').get(model.skill) as { v: number }).v;
      if (activate) this.db.prepare('UPDATE skill_models SET active = 0 WHERE skill = ? AND active = 1').run(model.skill);
      this.db
        .prepare(
          `INSERT INTO skill_models (skill, version, checksum, source, feature_names_json, trees, model_json, replicas_json, metrics_json, note, active, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(model.skill, next, sha256(model.json), model.source, JSON.stringify(model.featureNames), model.trees, model.json, JSON.stringify(model.replicas),
          model.metrics === null ? null : JSON.stringify(model.metrics), model.note, activate ? 1 : 0, now);
      return next;
    }).immediate();
    return this.get(model.skill, version);
  }

  /** Makes one version the skill's active model, or none (version null): the skill is then inferred without a model. */
  activate(skill: SkillId, version: number | null): ModelEntry | null {
    if (version !== null) this.get(skill, version);
    this.db.transaction(() => {
      this.db.prepare('UPDATE skill_models SET active = 0 WHERE skill = ? AND active = 1').run(skill);
      if (version !== null) this.db.prepare('UPDATE skill_models SET active = 1 WHERE skill = ? AND version = ?').run(skill, version);
    }).immediate();
    return version === null ? null : this.get(skill, version);
  }

  /**
   * The skill's active model ready to evaluate, or why there is none. A stored model whose
   * features no longer match ours (after an update of the feature set) is not used, and says so.
   */
  active(skill: SkillId): { model: LoadedModel; note: null } | { model: null; note: string } {
    // The id first: model texts run to megabytes, and a parse is cached for the model's life.
    const head = this.db.prepare('SELECT id FROM skill_models WHERE skill = ? AND active = 1').get(skill) as { id: number } | undefined;
    if (head === undefined) return { model: null, note: `No active model for ${skillTitles[skill]}: inferred from linguistic and behavioural evidence only` };
    const cached = this.parsed.get(head.id);
    if (cached !== undefined) return { model: cached, note: null };
    const row = this.db.prepare('SELECT * FROM skill_models WHERE id = ?').get(head.id) as ModelRow;
    const problem = featureShapeProblem(JSON.parse(row.feature_names_json) as string[]);
    if (problem !== null) return { model: null, note: `The active ${skillTitles[skill]} model (version ${row.version}) was not used: ${problem}` };
    const loaded: LoadedModel = {
      ref: { id: row.id, version: row.version, checksum: row.checksum, source: row.source },
      model: readXgboostJson(row.model_json),
      replicas: (JSON.parse(row.replicas_json) as string[]).map(readXgboostJson),
    };
    this.parsed.set(row.id, loaded);
    return { model: loaded, note: null };
  }
}
