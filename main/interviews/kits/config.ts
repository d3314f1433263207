import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { defaultKitConfig, kitLanguages, maxRefinements, type KitConfig } from './schema';

/** The analyst's kit settings, one row per key in kit_config; what is not stored has its default. */

export const kitConfigPatchSchema = z
  .object({
    threshold: z.number().min(0, 'The threshold is a score from 0 to 1').max(1, 'The threshold is a score from 0 to 1').optional(),
    expiryDays: z.number().int('Whole days').min(1, 'Keep kits at least a day').max(3650, 'At most 3650 days (ten years)').optional(),
  })
  .strict();
export type KitConfigPatch = z.output<typeof kitConfigPatchSchema>;

const storedSchema = z.object({
  threshold: z.number().min(0).max(1).catch(defaultKitConfig.threshold),
  expiryDays: z.number().int().min(1).max(3650).catch(defaultKitConfig.expiryDays),
});

export class KitConfigStore {
  constructor(private readonly db: Database) {}

  get(): KitConfig {
    const rows = this.db.prepare('SELECT key, value_json FROM kit_config').all() as Array<{ key: string; value_json: string }>;
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value_json) as unknown]));
    const values = storedSchema.parse({ ...defaultKitConfig, ...stored });
    return { ...values, maxRefinements, languages: [...kitLanguages] };
  }

  set(patch: KitConfigPatch): KitConfig {
    const upsert = this.db.prepare('INSERT INTO kit_config (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json');
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
    })();
    return this.get();
  }
}
