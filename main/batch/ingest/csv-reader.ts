import { isUtf8 } from 'node:buffer';
import { parse, type CsvError } from 'csv-parse';
import { applyCsvMapping, suggestCsvMapping, uniqueHeaders } from './csv-mapping';
import { isBlankRecord, splitCsvRecords } from './csv-records';
import { mib } from './jsonl-reader';
import type { CsvMapping, IngestProblem } from './types';

type CsvProblem = { kind: 'problem'; problem: IngestProblem; fatal?: boolean };
export type CsvPiece = { kind: 'row'; line: number; raw: Record<string, unknown>; extra: Record<string, unknown> } | CsvProblem;

export interface CsvReadContext {
  file: string;
  delimiter: string;
  mapping?: CsvMapping;
  maxLineBytes: number;
  maxDepth: number;
}

type Parsed = { cells: string[] } | { error: CsvError };

/**
 * CSV with a header row. Records are cut by `splitCsvRecords` and parsed one at a time by a
 * single csv-parse instance; its callbacks fire in input order, so each output is matched to
 * the line its record started on (csv-parse holds a record back until the next one arrives).
 */
export async function* readCsv(chunks: AsyncIterable<Buffer>, context: CsvReadContext): AsyncGenerator<CsvPiece> {
  const outputs: Parsed[] = [];
  const parser = parse({
    delimiter: context.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: context.maxLineBytes + 1024,
    on_record: (cells: string[]) => {
      outputs.push({ cells });
      return null;
    },
    on_skip: (error) => {
      if (error) outputs.push({ error });
      return undefined;
    },
  });
  let parserError: Error | undefined;
  parser.on('error', (error: Error) => (parserError = error));
  const pendingLines: number[] = [];
  let headers: string[] | undefined;
  let mapping: CsvMapping | undefined;
  const problem = (line: number, code: IngestProblem['code'], message: string, field?: string): CsvProblem => ({
    kind: 'problem',
    problem: { file: context.file, line, ...(field === undefined ? {} : { field }), code, severity: 'error', message },
  });

  function* drain(): Generator<CsvPiece> {
    for (let output = outputs.shift(); output !== undefined; output = outputs.shift()) {
      const line = pendingLines.shift() ?? 0;
      if ('error' in output) {
        const message =
          output.error.code === 'CSV_QUOTE_NOT_CLOSED'
            ? `Row ${line} opens a quote that is never closed, so the rest of the file (from line ${line}) cannot be read: close the quote, or export the file again.`
            : `Row ${line} cannot be read as CSV (${output.error.message.replace(/ at line \d+.*$/s, '')}); it is skipped.`;
        yield { ...problem(line, 'malformed-csv', message), fatal: headers === undefined };
        continue;
      }
      if (headers === undefined) {
        headers = uniqueHeaders(output.cells);
        mapping = context.mapping ?? suggestCsvMapping(headers);
        continue;
      }
      yield* rowPieces(line, output.cells, headers, mapping!);
    }
  }

  function* rowPieces(line: number, cells: string[], header: string[], columns: CsvMapping): Generator<CsvPiece> {
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== header.length) {
      yield {
        kind: 'problem',
        problem: { file: context.file, line, code: 'column-count', severity: 'warning', message: `Row ${line} has ${cells.length} fields where the header has ${header.length}; it is read as far as it goes.` },
      };
    }
    const extraHeaders = cells.length > header.length ? [...header, ...cells.slice(header.length).map((_, index) => `column_${header.length + index + 1}`)] : header;
    const { raw, extra, jsonProblem } = applyCsvMapping(extraHeaders, cells, columns, context.maxDepth);
    if (jsonProblem !== undefined) {
      yield problem(line, 'too-deep', `Row ${line}: the ${jsonProblem.field} column ${jsonProblem.message}; the row is skipped.`, jsonProblem.field);
      return;
    }
    yield { kind: 'row', line, raw, extra };
  }

  for await (const record of splitCsvRecords(chunks, context.delimiter, context.maxLineBytes)) {
    if ('oversize' in record) {
      const tooLarge = problem(record.line, 'too-large', `Row ${record.line} is ${mib(record.oversize)}, over the ${mib(context.maxLineBytes)} limit for one record; it is skipped.`);
      // Without a header nothing after it can be read.
      yield pendingLines.length === 0 && headers === undefined ? { ...tooLarge, fatal: true } : tooLarge;
      continue;
    }
    if (isBlankRecord(record.bytes)) continue;
    if (record.bytes.indexOf(0) !== -1) {
      yield problem(record.line, 'binary-data', `Row ${record.line} holds binary data (NUL bytes), not text; it is skipped.`);
      continue;
    }
    if (!isUtf8(record.bytes)) {
      yield problem(record.line, 'not-utf8', `Row ${record.line} holds bytes that are not UTF-8 (save the file as UTF-8); it is skipped.`);
      continue;
    }
    pendingLines.push(record.line);
    parser.write(record.bytes);
    if (parserError !== undefined) break;
    yield* drain();
  }
  if (parserError === undefined) await new Promise<void>((resolve) => parser.end(resolve));
  yield* drain();
  if (parserError !== undefined) yield { ...problem(pendingLines[0] ?? 0, 'malformed-csv', `The CSV cannot be read on from here: ${parserError.message}`), fatal: true };
}
