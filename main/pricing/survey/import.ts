import type { Database } from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../api/errors';
import { insertBenchmarks, type NewBenchmark } from '../store/benchmarks';
import { indexSurveyBenchmarks, unindexSurveyBenchmarks } from '../store/vectors';
import type { HashedTfidfEmbedder } from '../text/embedder';
import { readCsvFile } from './csv';
import type { ImportProblem, SurveyMapping } from './mapping';
import { checkHeader, validateSurveyRows, type ValidSurveyRow } from './validate';

export interface SurveyImportResult {
  sources: Array<{ id: string; name: string; rows: number }>;
  imported: number;
  skipped: number;
  problems: ImportProblem[];
}

export interface SurveyImportOptions {
  /** Import the valid rows even when some rows have problems (default: all or nothing). */
  allowPartial?: boolean;
  /** Replace a source of the same name (default: refuse). */
  replace?: boolean;
  now: number;
}

/** Deletes a survey source, its rows and their index entries. The bundled BLS source stays. */
export function deleteSurveySource(db: Database, id: string): boolean {
  const source = db.prepare('SELECT kind FROM pricing_sources WHERE id = ?').get(id) as { kind: string } | undefined;
  if (source === undefined) return false;
  if (source.kind !== 'survey') throw new ApiError('invalid_input', 'The bundled BLS data cannot be deleted; only imported surveys can', 'id');
  db.transaction(() => {
    const ids = (db.prepare('SELECT id FROM pricing_benchmarks WHERE source_id = ?').raw().all(id) as Array<[number]>).map(([rowId]) => rowId);
    unindexSurveyBenchmarks(db, ids);
    db.prepare('DELETE FROM pricing_sources WHERE id = ?').run(id);
  })();
  return true;
}

function writeSource(db: Database, name: string, rows: ValidSurveyRow[], mapping: SurveyMapping, file: { name: string; sha256: string }, now: number): { id: string; ids: number[] } {
  const id = `survey-${randomUUID()}`;
  const dates = rows.map((row) => row.effectiveDate).sort();
  db.prepare(`INSERT INTO pricing_sources (id, name, kind, publisher, currency, effective_date, file_name, sha256, mapping_json, row_count, imported_at)
    VALUES (?, ?, 'survey', ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, name, mapping.publisher ?? null, [...new Set(rows.map((row) => row.currency))].join(','), dates[dates.length - 1] ?? null, file.name, file.sha256, JSON.stringify(mapping), rows.length, now,
  );
  const benchmarks: NewBenchmark[] = rows.map((row) => ({
    sourceId: id,
    jobCode: row.jobCode,
    title: row.title,
    description: row.description,
    level: row.level,
    location: row.location,
    currency: row.currency,
    payBasis: mapping.payBasis,
    percentiles: row.percentiles,
    sample: row.incumbents,
    companies: row.companies,
    effectiveDate: row.effectiveDate,
    sourceRow: row.line,
  }));
  return { id, ids: insertBenchmarks(db, benchmarks) };
}

/**
 * Imports an analyst's survey CSV. Every row is checked first; problems come back by line and
 * column. By default a file with any problem imports nothing (fix and import again);
 * `allowPartial` imports the valid rows. One file may hold several sources (a source column).
 */
export function importSurvey(db: Database, embedder: HashedTfidfEmbedder, path: string, mapping: SurveyMapping, options: SurveyImportOptions): SurveyImportResult {
  const { header, records } = readCsvFile(path, mapping.delimiter);
  const headerProblems = checkHeader(header, mapping);
  if (headerProblems.length > 0) return { sources: [], imported: 0, skipped: records.length, problems: headerProblems };
  const { rows, problems } = validateSurveyRows(records, mapping);
  if (records.length === 0) problems.push({ row: 1, column: null, message: 'The file has a header but no data rows' });
  if ((problems.length > 0 && !options.allowPartial) || rows.length === 0) return { sources: [], imported: 0, skipped: records.length, problems };

  const bySource = new Map<string, ValidSurveyRow[]>();
  for (const row of rows) bySource.set(row.sourceName, [...(bySource.get(row.sourceName) ?? []), row]);
  const file = { name: basename(path), sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
  return db.transaction(() => {
    const sources: SurveyImportResult['sources'] = [];
    for (const [name, sourceRows] of bySource) {
      const existing = db.prepare('SELECT id, kind FROM pricing_sources WHERE name = ?').get(name) as { id: string; kind: string } | undefined;
      if (existing !== undefined && (!options.replace || existing.kind !== 'survey')) {
        throw new ApiError('conflict', `A source named "${name}" already exists: delete it first, or import with replace`, 'sourceName');
      }
      if (existing !== undefined) deleteSurveySource(db, existing.id);
      const written = writeSource(db, name, sourceRows, mapping, file, options.now);
      indexSurveyBenchmarks(db, embedder, written.ids);
      sources.push({ id: written.id, name, rows: sourceRows.length });
    }
    return { sources, imported: rows.length, skipped: records.length - rows.length, problems };
  })();
}
