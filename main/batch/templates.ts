import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { evaluationTemplateSchema, loadBundledTemplate, type EvaluationTemplate } from './evaluation';

export interface StoredTemplate extends EvaluationTemplate {
  source: 'bundled' | 'edited';
  createdAt: string;
}

interface TemplateRow {
  version: string;
  body_json: string;
  source: 'bundled' | 'edited';
  created_at: number;
}

const toStored = (row: TemplateRow): StoredTemplate => ({
  ...evaluationTemplateSchema.parse(JSON.parse(row.body_json)),
  source: row.source,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Versions sort as numbers where they are numbers: 2 after 1, 10 after 9. */
const byVersion = (a: TemplateRow, b: TemplateRow): number => Number(a.version) - Number(b.version) || a.version.localeCompare(b.version);

/**
 * The evaluation template's versions: the bundled one (recorded once, so every result can be traced
 * to its text) and the analyst's edits, each a new version that is never changed afterwards.
 */
export class TemplateStore {
  constructor(private readonly db: Database) {}

  private ensureBundled(now: number): EvaluationTemplate {
    const bundled = loadBundledTemplate();
    this.db
      .prepare(`INSERT OR IGNORE INTO prompt_templates (id, version, body_json, source, created_at) VALUES (?, ?, ?, 'bundled', ?)`)
      .run(bundled.id, bundled.version, JSON.stringify(bundled), now);
    return bundled;
  }

  list(now: number): StoredTemplate[] {
    const { id } = this.ensureBundled(now);
    const rows = this.db.prepare('SELECT version, body_json, source, created_at FROM prompt_templates WHERE id = ?').all(id) as TemplateRow[];
    return rows.sort(byVersion).map(toStored);
  }

  /** A named version, or the newest when none is named. */
  get(version: string | undefined, now: number): StoredTemplate {
    const all = this.list(now);
    const found = version === undefined ? all[all.length - 1] : all.find((template) => template.version === version);
    if (!found) throw new ApiError('not_found', `No evaluation template version ${version ?? ''}: versions are ${all.map((template) => template.version).join(', ')}`, 'templateVersion');
    return found;
  }

  /** Saves an edited system and user prompt as the next version. */
  saveVersion(edit: { system: string; user: string; description?: string }, now: number): StoredTemplate {
    const latest = this.get(undefined, now);
    const next = String(Math.max(...this.list(now).map((template) => Number(template.version) || 0)) + 1);
    const parsed = evaluationTemplateSchema.safeParse({ id: latest.id, version: next, description: edit.description ?? latest.description, system: edit.system, user: edit.user });
    if (!parsed.success) throw new ApiError('invalid_input', parsed.error.issues[0]?.message ?? 'Invalid template', String(parsed.error.issues[0]?.path[0] ?? ''));
    this.db.prepare(`INSERT INTO prompt_templates (id, version, body_json, source, created_at) VALUES (?, ?, ?, 'edited', ?)`).run(latest.id, next, JSON.stringify(parsed.data), now);
    return this.get(next, now);
  }
}
