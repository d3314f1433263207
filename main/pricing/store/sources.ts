import type { Database } from 'better-sqlite3';

export interface SourceRow {
  id: string;
  name: string;
  kind: 'bundled' | 'survey';
  publisher: string | null;
  licence: string | null;
  currency: string | null;
  effectiveDate: string | null;
  fileName: string | null;
  rows: number;
  importedAt: number;
}

/** Data sources, the bundled BLS figures first, then surveys by name. */
export function listSources(db: Database): SourceRow[] {
  return db
    .prepare(`SELECT id, name, kind, publisher, licence, currency, effective_date AS effectiveDate, file_name AS fileName, row_count AS rows, imported_at AS importedAt
      FROM pricing_sources ORDER BY kind = 'survey', name`)
    .all() as SourceRow[];
}
