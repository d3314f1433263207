import { ApiError } from '../api/errors';
import type { PriceInput, PricingResult } from './schema';
import { percentileKeys } from './types';

/** Header names a bulk file may use for each field, compared without case, spaces or punctuation. */
const aliases: Record<'title' | 'description' | 'location' | 'level', string[]> = {
  title: ['title', 'jobtitle', 'job', 'position', 'positiontitle', 'role'],
  description: ['description', 'jobdescription', 'summary', 'posting'],
  location: ['location', 'city', 'state', 'worklocation', 'site'],
  level: ['level', 'grade', 'seniority'],
};
const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export type BulkColumns = Partial<Record<keyof typeof aliases, string>> & { title: string };

export function bulkColumns(header: readonly string[]): BulkColumns {
  const find = (field: keyof typeof aliases): string | undefined => header.find((name) => aliases[field].includes(squash(name)));
  const title = find('title');
  if (title === undefined) throw new ApiError('invalid_input', `The file needs a title column (one of: ${aliases.title.join(', ')}); its header is: ${header.join(', ')}`, 'inputPath');
  return { title, description: find('description'), location: find('location'), level: find('level') };
}

export function bulkInput(values: Record<string, string>, columns: BulkColumns): PriceInput | Error {
  const title = (values[columns.title] ?? '').trim();
  if (title === '') return new Error(`empty ${columns.title}`);
  const text = (column: string | undefined): string | undefined => {
    const value = column === undefined ? '' : (values[column] ?? '').trim();
    return value === '' ? undefined : value;
  };
  return { title: title.slice(0, 300), description: text(columns.description), location: text(columns.location), level: text(columns.level)?.slice(0, 60) };
}

export const bulkOutputColumns = [
  'matched_code', 'matched_title', 'match_score', 'currency', 'pay_basis',
  ...percentileKeys, 'top_coded', 'conservative', 'market', 'competitive', 'premium',
  'confidence', 'location_factor', 'notes', 'error',
] as const;

const quote = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV line: the input's own cells, then the result (numbers plain; top-coding listed apart). */
export function bulkLine(inputCells: readonly string[], result: PricingResult | null, error: string | null): string {
  const scenario = (name: string) => result?.scenarios.find((item) => item.name === name)?.value ?? null;
  const top = result?.matches[0];
  const cells = [
    top?.code ?? null, top?.title ?? null, top?.score ?? null, result?.currency ?? null, result?.payBasis ?? null,
    ...percentileKeys.map((key) => result?.percentiles[key]?.value ?? null),
    result === null ? null : percentileKeys.filter((key) => result.percentiles[key]?.topCoded).join(';'),
    scenario('conservative'), scenario('market'), scenario('competitive'), scenario('premium'),
    result?.confidence.score ?? null, result?.location.factor ?? null, result?.notes.join(' | ') ?? null, error,
  ];
  return [...inputCells, ...cells].map(quote).join(',');
}

export const csvHeaderLine = (header: readonly string[]): string => [...header, ...bulkOutputColumns].map(quote).join(',');
