import { isUtf8 } from 'node:buffer';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { uniqueHeaders } from './csv-mapping';
import { isBlankRecord, splitCsvRecords } from './csv-records';
import { detectFormat } from './detect-format';
import { FileSource } from './file-source';
import { defaultMaxLineBytes, type IngestProblem } from './types';

export type CsvPreview = { ok: true; headers: string[]; delimiter: string; sample: string[][] } | { ok: false; problem: IngestProblem };

/**
 * The header (as the reader will key it) and a few rows, for the mapping dialog: the analyst
 * sees `suggestCsvMapping(headers)` next to real values before confirming it. The file is read
 * as CSV whatever its name: call it once detectFormat (or the analyst) has said it is CSV.
 */
export async function readCsvHeaders(path: string, options: { fileLabel?: string; sampleRows?: number } = {}): Promise<CsvPreview> {
  const detection = await detectFormat(path, { ...(options.fileLabel === undefined ? {} : { fileLabel: options.fileLabel }), format: 'candidates-csv' });
  if (!detection.ok) return detection;
  const delimiter = detection.delimiter ?? ',';
  const wanted = 1 + (options.sampleRows ?? 5);
  const rows: string[][] = [];
  const source = new FileSource(path);
  try {
    for await (const record of splitCsvRecords(source.chunks(), delimiter, defaultMaxLineBytes)) {
      if ('oversize' in record || isBlankRecord(record.bytes) || !isUtf8(record.bytes)) continue;
      const cells = parse(record.bytes, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_records_with_error: true }) as string[][];
      if (cells[0] !== undefined) rows.push(cells[0]);
      if (rows.length >= wanted) break;
    }
  } finally {
    await source.close();
  }
  const [header, ...sample] = rows;
  if (header === undefined) {
    return { ok: false, problem: { file: options.fileLabel ?? basename(path), line: 1, code: 'malformed-csv', severity: 'error', message: 'The CSV has no header row that can be read.' } };
  }
  return { ok: true, headers: uniqueHeaders(header), delimiter, sample };
}
