/**
 * Reproducible step from the raw reference files (../shared/data/raw, see its SOURCE.md) to the
 * lean files shipped in resources/pricing. Values are copied verbatim, BLS codes (`#`, `*`, `**`)
 * included; only rows and columns the product reads are kept.
 *
 *   npx tsx main/pricing/prepare-sources.ts ../shared/data/raw resources/pricing
 *
 * Not part of the app: the app reads resources/pricing (see build-catalogue.ts).
 */
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { tasksPerOccupation } from './sources/files';

type Row = Record<string, string>;

const readCsv = (path: string, delimiter: string): Row[] =>
  parse(readFileSync(path, 'utf8'), { columns: true, delimiter, bom: true, relax_quotes: true, skip_empty_lines: true }) as Row[];

/** Our shipped files are plain TSV: no quoting, so a field must never hold a tab or a new line. */
const clean = (value: string | undefined): string => (value ?? '').replace(/[\t\r\n]+/g, ' ').trim();
const tsv = (header: string[], rows: string[][]): string => [header, ...rows].map((cells) => cells.map(clean).join('\t')).join('\n') + '\n';

export const oewsColumns = [
  'OCC_CODE', 'OCC_TITLE', 'O_GROUP', 'TOT_EMP', 'A_MEAN', 'A_PCT10', 'A_PCT25', 'A_MEDIAN', 'A_PCT75', 'A_PCT90',
  'H_MEAN', 'H_PCT10', 'H_PCT25', 'H_MEDIAN', 'H_PCT75', 'H_PCT90', 'ANNUAL', 'HOURLY',
] as const;

const taskTypeOrder: Record<string, number> = { Core: 0, 'n/a': 1, Supplemental: 2 };

export function prepareSources(rawDir: string, outDir: string): Record<string, number> {
  const counts: Record<string, number> = {};

  // National wages: the detailed occupations (the level O*NET titles map to) and the all-occupations
  // total, whose median is the denominator of the state factors.
  const oews = readCsv(join(rawDir, 'oews_national_M2024_dl.csv'), ',').filter((row) => row.O_GROUP === 'detailed' || row.O_GROUP === 'total');
  writeFileSync(join(outDir, 'oews_national_M2024.tsv'), tsv([...oewsColumns], oews.map((row) => oewsColumns.map((column) => row[column] ?? ''))));
  counts.oews = oews.length;

  copyFileSync(join(rawDir, 'oews_state_M2024_all_occupations.csv'), join(outDir, 'oews_state_M2024_all_occupations.csv'));
  chmodSync(join(outDir, 'oews_state_M2024_all_occupations.csv'), 0o644); // the raw copy may be read-only

  const occupations = readCsv(join(rawDir, 'onet_occupation_data.tsv'), '\t');
  writeFileSync(join(outDir, 'onet_occupations.tsv'), tsv(['code', 'title', 'description'], occupations.map((row) => [row['O*NET-SOC Code']!, row.Title!, row.Description!])));
  counts.occupations = occupations.length;

  // Alternate titles without the repeated occupation title and the source-survey numbers; one
  // row per distinct (code, title), the short form kept where O*NET gives one.
  const seen = new Set<string>();
  const alternates: string[][] = [];
  for (const row of readCsv(join(rawDir, 'onet_alternate_titles.tsv'), '\t')) {
    const code = row['O*NET-SOC Code']!;
    const title = clean(row['Alternate Title']);
    const key = `${code}\t${title.toLowerCase()}`;
    if (title === '' || seen.has(key)) continue;
    seen.add(key);
    alternates.push([code, title, clean(row['Short Title'])]);
  }
  writeFileSync(join(outDir, 'onet_alternate_titles.tsv'), tsv(['code', 'alternate_title', 'short_title'], alternates));
  counts.alternates = alternates.length;

  // A few task statements per occupation (core ones first) enrich the description text.
  const byCode = new Map<string, Row[]>();
  for (const row of readCsv(join(rawDir, 'onet_task_statements.tsv'), '\t')) {
    const code = row['O*NET-SOC Code']!;
    byCode.set(code, [...(byCode.get(code) ?? []), row]);
  }
  const tasks: string[][] = [];
  for (const [code, rows] of byCode) {
    const ordered = [...rows].sort((a, b) => (taskTypeOrder[a['Task Type']!] ?? 3) - (taskTypeOrder[b['Task Type']!] ?? 3) || Number(a['Task ID']) - Number(b['Task ID']));
    for (const row of ordered.slice(0, tasksPerOccupation)) tasks.push([code, row.Task!]);
  }
  writeFileSync(join(outDir, 'onet_tasks.tsv'), tsv(['code', 'task'], tasks));
  counts.tasks = tasks.length;
  return counts;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')) {
  const [rawDir = '../shared/data/raw', outDir = 'resources/pricing'] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(prepareSources(rawDir, outDir))}\n`);
}
