import type { Database } from 'better-sqlite3';
import { describeZodError } from '../api/dispatch';
import { defaultSettings, type Settings, type SettingsPatch, settingsSchema } from './schema';

type SettingKey = keyof Settings;

/**
 * Settings live in the database, one row per key. Reading overlays stored values on the defaults;
 * a stored value that no longer validates (an older app wrote it, say) yields the default instead
 * of making the whole app unusable.
 */
export class SettingsStore {
  constructor(
    private readonly db: Database,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value_json FROM settings').all() as Array<{ key: string; value_json: string }>;
    const settings: Record<string, unknown> = { ...defaultSettings() };
    for (const row of rows) {
      if (!(row.key in settings)) continue; // A key from a newer app, or a removed setting.
      const candidate = { ...settings, [row.key]: JSON.parse(row.value_json) as unknown };
      const parsed = settingsSchema.safeParse(candidate);
      if (parsed.success) settings[row.key] = parsed.data[row.key as SettingKey];
      else this.warn(`Ignoring stored setting "${row.key}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    return settingsSchema.parse(settings);
  }

  update(patch: SettingsPatch): Settings {
    const current = this.get();
    const merged = { ...current, ...patch, models: { ...current.models, ...(patch.models ?? {}) } };
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) throw describeZodError(parsed.error);
    const next = parsed.data;
    const upsert = this.db.prepare(
      `INSERT INTO settings (key, value_json) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
    this.db.transaction(() => {
      for (const key of Object.keys(next) as SettingKey[]) {
        if (JSON.stringify(next[key]) !== JSON.stringify(current[key])) upsert.run(key, JSON.stringify(next[key]));
      }
    })();
    return next;
  }

  reset(): Settings {
    this.db.prepare('DELETE FROM settings').run();
    return this.get();
  }
}

