import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { resourcePath } from '../resources';
import { exitGuideSchema, type ExitGuide, type StoredGuide } from './schema';

interface GuideRow {
  version: string;
  body_json: string;
  source: 'bundled' | 'edited';
  created_at: number;
}

const guideId = 'exit-guide';

export function loadBundledGuide(): ExitGuide {
  return exitGuideSchema.parse(JSON.parse(readFileSync(resourcePath('interviews', 'exit-guide.v1.json'), 'utf8')));
}

const toStored = (row: GuideRow): StoredGuide => ({
  ...exitGuideSchema.parse(JSON.parse(row.body_json)),
  source: row.source,
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * The exit-interview guide's versions, kept in `prompt_templates`: the bundled one, recorded once
 * so every interview can be traced to the words it used, and the analyst's edits, each a new
 * version never changed afterwards. An interview keeps the version it started with.
 */
export class GuideStore {
  constructor(private readonly db: Database) {}

  list(now: number): StoredGuide[] {
    const bundled = loadBundledGuide();
    this.db
      .prepare(`INSERT OR IGNORE INTO prompt_templates (id, version, body_json, source, created_at) VALUES (?, ?, ?, 'bundled', ?)`)
      .run(guideId, bundled.version, JSON.stringify(bundled), now);
    const rows = this.db.prepare('SELECT version, body_json, source, created_at FROM prompt_templates WHERE id = ?').all(guideId) as GuideRow[];
    return rows.sort((a, b) => Number(a.version) - Number(b.version)).map(toStored);
  }

  /** A named version, or the newest. */
  get(version: string | undefined, now: number): StoredGuide {
    const all = this.list(now);
    const found = version === undefined ? all.at(-1) : all.find((guide) => guide.version === version);
    if (found === undefined) throw new ApiError('not_found', `No guide version ${version ?? ''}: the versions are ${all.map((guide) => guide.version).join(', ')}`, 'version');
    return found;
  }

  save(edit: Omit<ExitGuide, 'id' | 'version'>, now: number): StoredGuide {
    const next = String(Math.max(...this.list(now).map((guide) => Number(guide.version) || 0)) + 1);
    const parsed = exitGuideSchema.safeParse({ ...edit, id: guideId, version: next });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError('invalid_input', issue?.message ?? 'The guide is not valid', issue?.path.map(String).join('.'));
    }
    this.db.prepare(`INSERT INTO prompt_templates (id, version, body_json, source, created_at) VALUES (?, ?, ?, 'edited', ?)`).run(guideId, next, JSON.stringify(parsed.data), now);
    return this.get(next, now);
  }
}
