import { percentileKeys, type PercentileSet } from '../types';
import type { ImportProblem, SurveyMapping } from './mapping';

export interface SurveyRecord {
  line: number;
  values: Record<string, string>;
}

export interface ValidSurveyRow {
  line: number;
  sourceName: string;
  jobCode: string;
  title: string;
  description: string | null;
  level: string | null;
  location: string | null;
  currency: string;
  percentiles: PercentileSet;
  incumbents: number | null;
  companies: number | null;
  effectiveDate: string;
}

/** "$123,400", "123400.00", "€ 98.000" (no: ambiguous) → a number; empty → null; else an error. */
export function parseAmount(text: string): number | null | Error {
  const cleaned = text.trim().replace(/^[A-Z]{3}\s*/, '').replace(/[$€£¥\s]/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (cleaned === '' || cleaned === '-') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) && value > 0 ? value : new Error(`"${text}" is not an amount`);
}

function parseCount(text: string): number | null | Error {
  const cleaned = text.trim().replace(/,/g, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isInteger(value) && value >= 0 ? value : new Error(`"${text}" is not a whole number`);
}

/** YYYY-MM-DD, YYYY-MM (first of the month), M/D/YYYY (U.S. order) → YYYY-MM-DD. */
export function parseDate(text: string): string | Error {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(value);
  const parts = match ? [match[1]!, match[2]!, match[3] ?? '1'] : (match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value)) ? [match[3]!, match[1]!, match[2]!] : null;
  if (parts === null) return new Error(`"${text}" is not a date (use YYYY-MM-DD)`);
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return new Error(`"${text}" is not a real date`);
  return date.toISOString().slice(0, 10);
}

/** The mapped columns must exist in the header. */
export function checkHeader(header: readonly string[], mapping: SurveyMapping): ImportProblem[] {
  return Object.entries(mapping.columns)
    .filter(([, name]) => name !== undefined && !header.includes(name))
    .map(([field, name]) => ({ row: 1, column: name!, message: `The mapping names column "${name}" for ${field}, but the header has no such column (it has: ${header.join(', ')})` }));
}

/** Every row checked, every problem named by line and column; valid rows returned beside them. */
export function validateSurveyRows(records: readonly SurveyRecord[], mapping: SurveyMapping): { rows: ValidSurveyRow[]; problems: ImportProblem[] } {
  const rows: ValidSurveyRow[] = [];
  const problems: ImportProblem[] = [];
  const { columns, defaults } = mapping;
  for (const { line, values } of records) {
    const before = problems.length;
    const cell = (name: string | undefined): string => (name === undefined ? '' : (values[name] ?? '').trim());
    const fail = (name: string | undefined, message: string): void => void problems.push({ row: line, column: name ?? null, message });
    const title = cell(columns.title);
    if (title === '') fail(columns.title, 'The job title is empty');
    const sourceName = cell(columns.sourceName) || mapping.sourceName || '';
    if (sourceName === '') fail(columns.sourceName, 'No source name in this row and none in the mapping');
    const currency = (cell(columns.currency) || defaults.currency || '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) fail(columns.currency, currency === '' ? 'No currency: map a currency column or give defaults.currency' : `"${currency}" is not a three-letter currency code`);
    const dateText = cell(columns.effectiveDate) || defaults.effectiveDate || '';
    const effectiveDate = dateText === '' ? new Error('No effective date: map an effectiveDate column or give defaults.effectiveDate') : parseDate(dateText);
    if (effectiveDate instanceof Error) fail(columns.effectiveDate, effectiveDate.message);
    const percentiles = {} as PercentileSet;
    let previous: { key: string; value: number } | null = null;
    for (const key of percentileKeys) {
      const amount = parseAmount(cell(columns[key]));
      if (amount instanceof Error) fail(columns[key], amount.message);
      const value = amount instanceof Error ? null : amount;
      percentiles[key] = value === null ? null : { value, topCoded: false };
      if (value !== null && previous !== null && value < previous.value) fail(columns[key], `${key.toUpperCase()} (${value}) is below ${previous.key.toUpperCase()} (${previous.value}): percentiles must rise`);
      if (value !== null) previous = { key, value };
    }
    if (percentileKeys.every((key) => percentiles[key] === null) && !problems.slice(before).some((problem) => percentileKeys.some((key) => problem.column === columns[key]))) {
      fail(columns.p50 ?? columns.p25 ?? columns.p75 ?? columns.p10 ?? columns.p90, 'No percentile in this row');
    }
    const incumbents = parseCount(cell(columns.incumbents));
    if (incumbents instanceof Error) fail(columns.incumbents, incumbents.message);
    const companies = parseCount(cell(columns.companies));
    if (companies instanceof Error) fail(columns.companies, companies.message);
    if (problems.length > before || effectiveDate instanceof Error) continue;
    rows.push({
      line,
      sourceName,
      jobCode: cell(columns.jobCode) || title,
      title,
      description: cell(columns.description) || null,
      level: cell(columns.level) || defaults.level || null,
      location: cell(columns.location) || defaults.location || null,
      currency,
      percentiles,
      incumbents: incumbents instanceof Error ? null : incumbents,
      companies: companies instanceof Error ? null : companies,
      effectiveDate,
    });
  }
  return { rows, problems };
}
