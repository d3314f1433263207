import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { locationKey } from '../math/location';
import { readCsvFile } from './csv';
import type { ImportProblem } from './mapping';

export const locationMappingSchema = z
  .object({
    location: z.string().min(1).default('location'),
    factor: z.string().min(1).default('factor'),
    kind: z.string().min(1).optional(),
    jobFamily: z.string().min(1).optional(),
  })
  .strict();
export type LocationMapping = z.output<typeof locationMappingSchema>;

const kinds = ['state', 'metro', 'country', 'other'] as const;
type Kind = (typeof kinds)[number];

/** "CA" or "California" a state, "Austin, TX" a metro, anything else "other" unless a kind column says. */
const guessKind = (location: string): Kind => (/^[A-Za-z]{2}$/.test(location.trim()) ? 'state' : location.includes(',') ? 'metro' : 'other');

/**
 * The analyst's own location factors (state, metro or country → factor, optionally per SOC job
 * family). They take precedence over the BLS state factors. A source name's rows are replaced
 * as a whole; a file with problems imports nothing.
 */
export function importLocationFactors(db: Database, path: string, sourceName: string, given: LocationMapping, now: number): { imported: number; problems: ImportProblem[] } {
  const { header, records } = readCsvFile(path);
  const named = (...names: string[]): string | undefined => header.find((column) => names.includes(column.toLowerCase().replace(/[^a-z]/g, '')));
  const mapping: LocationMapping = { ...given, kind: given.kind ?? named('kind', 'type'), jobFamily: given.jobFamily ?? named('jobfamily', 'family', 'soc') };
  const problems: ImportProblem[] = [];
  for (const column of [mapping.location, mapping.factor, mapping.kind, mapping.jobFamily]) {
    if (column !== undefined && !header.includes(column)) problems.push({ row: 1, column, message: `No column "${column}" in the header (it has: ${header.join(', ')})` });
  }
  if (problems.length > 0) return { imported: 0, problems };
  const rows: Array<{ location: string; key: string; kind: Kind; jobFamily: string; factor: number }> = [];
  const seen = new Map<string, number>();
  for (const { line, values } of records) {
    const location = (values[mapping.location] ?? '').trim();
    const factor = Number((values[mapping.factor] ?? '').trim());
    const kindText = mapping.kind === undefined ? '' : (values[mapping.kind] ?? '').trim().toLowerCase();
    const jobFamily = mapping.jobFamily === undefined ? '' : (values[mapping.jobFamily] ?? '').trim();
    const before = problems.length;
    if (location === '') problems.push({ row: line, column: mapping.location, message: 'The location is empty' });
    if (!Number.isFinite(factor) || factor <= 0 || factor > 10) problems.push({ row: line, column: mapping.factor, message: `"${values[mapping.factor] ?? ''}" is not a factor (a number such as 1.12)` });
    if (kindText !== '' && !(kinds as readonly string[]).includes(kindText)) problems.push({ row: line, column: mapping.kind ?? null, message: `"${kindText}" is not one of ${kinds.join(', ')}` });
    if (jobFamily !== '' && !/^\d{2}(-\d{1,4})?$/.test(jobFamily)) problems.push({ row: line, column: mapping.jobFamily ?? null, message: `"${jobFamily}" is not a SOC job family such as 15 or 15-12` });
    const key = `${locationKey(location)}\t${jobFamily}`;
    if (problems.length === before && seen.has(key)) problems.push({ row: line, column: mapping.location, message: `${location} appears twice (also line ${seen.get(key)})` });
    if (problems.length > before) continue;
    seen.set(key, line);
    rows.push({ location, key: locationKey(location), kind: (kindText as Kind) || guessKind(location), jobFamily, factor });
  }
  if (records.length === 0) problems.push({ row: 1, column: null, message: 'The file has a header but no data rows' });
  if (problems.length > 0) return { imported: 0, problems };
  db.transaction(() => {
    db.prepare('DELETE FROM pricing_location_factors WHERE source_name = ?').run(sourceName);
    const insert = db.prepare(`INSERT INTO pricing_location_factors (source_name, location, location_key, kind, job_family, factor, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (location_key, job_family) DO UPDATE SET source_name = excluded.source_name, location = excluded.location, kind = excluded.kind, factor = excluded.factor, imported_at = excluded.imported_at`);
    for (const row of rows) insert.run(sourceName, row.location, row.key, row.kind, row.jobFamily, row.factor, now);
  })();
  return { imported: rows.length, problems: [] };
}
