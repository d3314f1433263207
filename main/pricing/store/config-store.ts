import type { Database } from 'better-sqlite3';
import { pricingConfigSchema, type PricingConfig } from '../config';

export function readConfig(db: Database, warn: (message: string) => void = () => {}): PricingConfig {
  const row = db.prepare('SELECT config_json FROM pricing_config WHERE id = 1').get() as { config_json: string } | undefined;
  if (row === undefined) return pricingConfigSchema.parse({});
  const parsed = pricingConfigSchema.safeParse(JSON.parse(row.config_json));
  if (parsed.success) return parsed.data;
  warn(`The stored pricing settings are not valid (${parsed.error.issues[0]?.message ?? 'unknown'}); the defaults are used.`);
  return pricingConfigSchema.parse({});
}

export function writeConfig(db: Database, config: PricingConfig, now: number): PricingConfig {
  const valid = pricingConfigSchema.parse(config);
  db.prepare(`INSERT INTO pricing_config (id, config_json, updated_at) VALUES (1, ?, ?)
    ON CONFLICT (id) DO UPDATE SET config_json = excluded.config_json, updated_at = excluded.updated_at`).run(JSON.stringify(valid), now);
  return valid;
}
