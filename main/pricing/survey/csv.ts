import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { ApiError } from '../../api/errors';
import type { SurveyRecord } from './validate';

/** A CSV file's header and records, each record with the file line it ends on. */
export function readCsvFile(path: string, delimiter?: string): { header: string[]; records: SurveyRecord[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ApiError('not_found', `Could not read ${path}: ${error instanceof Error ? error.message : String(error)}`, 'path');
  }
  const guessed = delimiter ?? (/^[^\n]*\t/.test(text) ? '\t' : /^[^\n,]*;/.test(text) ? ';' : ',');
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, { bom: true, delimiter: guessed, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof rows;
  } catch (error) {
    throw new ApiError('invalid_input', `${path} is not a readable CSV: ${error instanceof Error ? error.message : String(error)}`, 'path');
  }
  const [head, ...body] = rows;
  if (head === undefined) throw new ApiError('invalid_input', `${path} is empty: it needs a header row and data rows`, 'path');
  const header = head.record.map((name) => name.trim());
  return {
    header,
    records: body.map(({ record, info }) => ({ line: info.lines, values: Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])) })),
  };
}
