import type { Database } from 'better-sqlite3';
import type { HistoryItem, PriceInput, PricingResult } from '../schema';

/** Every pricing request, kept with its input, its whole result and the data versions it used. */
export function saveRequest(db: Database, input: PriceInput, result: PricingResult): void {
  db.prepare(`INSERT INTO pricing_requests (id, created_at, title, description, location, level, input_json, result_json, data_versions_json,
      top_code, top_title, p50, currency, pay_basis, confidence, rerun_of)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    result.id,
    result.createdAt,
    result.request.title,
    result.request.description,
    result.request.location,
    result.request.level,
    JSON.stringify(input),
    JSON.stringify(result),
    JSON.stringify(result.dataVersions),
    result.matches[0]?.code ?? null,
    result.matches[0]?.title ?? null,
    result.percentiles.p50?.value ?? null,
    result.currency,
    result.payBasis,
    result.confidence.score,
    result.rerunOf,
  );
}

interface HistoryRow {
  id: string;
  created_at: number;
  title: string;
  location: string | null;
  level: string | null;
  top_code: string | null;
  top_title: string | null;
  p50: number | null;
  currency: string;
  pay_basis: 'annual' | 'hourly';
  confidence: number;
  rerun_of: string | null;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Newest first; `search` looks in the title, description, location and the top match. */
export function listRequests(db: Database, search: string | undefined, offset: number, limit: number): { total: number; items: HistoryItem[] } {
  const words = (search ?? '').trim().split(/\s+/).filter((word) => word !== '');
  const where = words.map(() => "(title LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\' OR location LIKE ? ESCAPE '\\' OR top_title LIKE ? ESCAPE '\\' OR top_code LIKE ? ESCAPE '\\')");
  const params = words.flatMap((word) => Array<string>(5).fill(`%${escapeLike(word)}%`));
  const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const total = (db.prepare(`SELECT count(*) AS n FROM pricing_requests ${clause}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT id, created_at, title, location, level, top_code, top_title, p50, currency, pay_basis, confidence, rerun_of
      FROM pricing_requests ${clause} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as HistoryRow[];
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at,
      title: row.title,
      location: row.location,
      level: row.level,
      topCode: row.top_code,
      topTitle: row.top_title,
      p50: row.p50,
      currency: row.currency,
      payBasis: row.pay_basis,
      confidence: row.confidence,
      rerunOf: row.rerun_of,
    })),
  };
}

export function readRequest(db: Database, id: string): { input: PriceInput; result: PricingResult } | null {
  const row = db.prepare('SELECT input_json, result_json FROM pricing_requests WHERE id = ?').get(id) as { input_json: string; result_json: string } | undefined;
  return row === undefined ? null : { input: JSON.parse(row.input_json) as PriceInput, result: JSON.parse(row.result_json) as PricingResult };
}

export function deleteRequest(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM pricing_requests WHERE id = ?').run(id).changes > 0;
}
