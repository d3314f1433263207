import type { Database, Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { CachePolicy, Operation } from './types';

export const defaultCachePolicy: CachePolicy = { maxEntries: 5_000, maxBytes: 64 * 1024 * 1024 };

/** JSON with object keys sorted, so equal requests hash equally whatever order keys were built in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The key of a request as sent: operation, model, messages or prompt or input, format and options. */
export function cacheKeyOf(operation: Operation, wireBody: Record<string, unknown>): string {
  const { stream: _stream, keep_alive: _keepAlive, ...rest } = wireBody;
  return createHash('sha256').update(`${operation}\n${canonicalJson(rest)}`).digest('hex');
}

interface CacheRow {
  response_json: string;
}

/**
 * Responses in SQLite: a row past its expiry is a miss; past the cap (entries or bytes), the
 * least recently used rows go first. Eviction runs on each write, after expired rows are purged.
 * The cache is an optimisation: a failure to read or write it is logged and the call goes on.
 */
export class ResponseCache {
  private readonly select: Statement<[string, number], CacheRow>;
  private readonly touch: Statement<[number, string]>;
  private readonly upsert: Statement<[string, string, string, string, number, number, number, number]>;
  private readonly purgeExpired: Statement<[number]>;
  private readonly totals: Statement<[], { entries: number; bytes: number }>;
  private readonly oldest: Statement<[number], { key: string; size_bytes: number }>;
  private readonly remove: Statement<[string]>;

  constructor(private readonly db: Database, private readonly policy: CachePolicy, private readonly warn: (message: string) => void) {
    this.select = db.prepare('SELECT response_json FROM llm_cache WHERE key = ? AND expires_at > ?');
    this.touch = db.prepare('UPDATE llm_cache SET last_used_at = ? WHERE key = ?');
    this.upsert = db.prepare(`
      INSERT INTO llm_cache (key, operation, model, response_json, size_bytes, created_at, expires_at, last_used_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET response_json = excluded.response_json, size_bytes = excluded.size_bytes,
        created_at = excluded.created_at, expires_at = excluded.expires_at, last_used_at = excluded.last_used_at`);
    this.purgeExpired = db.prepare('DELETE FROM llm_cache WHERE expires_at <= ?');
    this.totals = db.prepare('SELECT COUNT(*) AS entries, COALESCE(SUM(size_bytes), 0) AS bytes FROM llm_cache');
    this.oldest = db.prepare('SELECT key, size_bytes FROM llm_cache ORDER BY last_used_at, rowid LIMIT ?');
    this.remove = db.prepare('DELETE FROM llm_cache WHERE key = ?');
  }

  get<T>(key: string, now: number): T | undefined {
    try {
      const row = this.select.get(key, now);
      if (!row) return undefined;
      this.touch.run(now, key);
      return JSON.parse(row.response_json) as T;
    } catch (error) {
      this.warn(`The LLM response cache could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  set(key: string, operation: Operation, model: string, response: unknown, ttlMs: number, now: number): void {
    const json = JSON.stringify(response);
    const size = Buffer.byteLength(json);
    if (size > this.policy.maxBytes || ttlMs <= 0) return;
    try {
      this.db.transaction(() => {
        this.upsert.run(key, operation, model, json, size, now, now + ttlMs, now);
        this.evict(now);
      })();
    } catch (error) {
      this.warn(`The LLM response cache could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Deletes every row; returns how many there were. */
  clear(): number {
    return this.db.prepare('DELETE FROM llm_cache').run().changes;
  }

  private evict(now: number): void {
    this.purgeExpired.run(now);
    let { entries, bytes } = this.totals.get()!;
    if (entries <= this.policy.maxEntries && bytes <= this.policy.maxBytes) return;
    for (const row of this.oldest.all(entries)) {
      if (entries <= this.policy.maxEntries && bytes <= this.policy.maxBytes) break;
      this.remove.run(row.key);
      entries -= 1;
      bytes -= row.size_bytes;
    }
  }
}
