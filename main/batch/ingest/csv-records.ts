/**
 * Cuts CSV bytes into whole records (a quoted field may hold new lines) before csv-parse sees
 * them, so that each record's first line is known and an oversized record is measured and
 * dropped without being held: csv-parse's own max_record_size stops the whole parse instead.
 * Quotes follow RFC 4180 as csv-parse reads them: a field is quoted only when it starts with
 * a quote, and a doubled quote inside it is a literal one.
 */
export type CsvRawRecord = { line: number; bytes: Buffer } | { line: number; oversize: number };

const quote = 0x22;
const newline = 0x0a;
const carriageReturn = 0x0d;

export async function* splitCsvRecords(chunks: AsyncIterable<Buffer>, delimiter: string, maxBytes: number): AsyncGenerator<CsvRawRecord> {
  const separator = delimiter.charCodeAt(0);
  let line = 1;
  let recordLine = 1;
  let parts: Buffer[] = [];
  let size = 0;
  let oversize = false;
  let quoted = false;
  let fieldStart = true;
  let quotePending = false;
  const keep = (chunk: Buffer, from: number, to: number): void => {
    size += to - from;
    if (!oversize && size > maxBytes) {
      oversize = true;
      parts = [];
    }
    if (!oversize && to > from) parts.push(chunk.subarray(from, to));
  };
  const take = (): CsvRawRecord => {
    const record: CsvRawRecord = oversize ? { line: recordLine, oversize: size } : { line: recordLine, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size) };
    parts = [];
    size = 0;
    oversize = false;
    fieldStart = true;
    return record;
  };
  for await (const chunk of chunks) {
    let start = 0;
    let index = 0;
    while (index < chunk.length) {
      const byte = chunk[index]!;
      if (quotePending) {
        // The quote before this byte closed the field unless this byte is a second quote.
        quotePending = false;
        if (byte === quote) {
          index += 1;
          continue;
        }
        quoted = false;
      }
      if (quoted) {
        const next = chunk.indexOf(quote, index);
        const end = next === -1 ? chunk.length : next;
        for (let found = chunk.indexOf(newline, index); found !== -1 && found < end; found = chunk.indexOf(newline, found + 1)) line += 1;
        if (next === -1) {
          index = chunk.length;
          break;
        }
        quotePending = true;
        index = next + 1;
        continue;
      }
      if (byte === newline) {
        keep(chunk, start, index + 1);
        start = index + 1;
        line += 1;
        yield take();
        recordLine = line;
      } else if (byte === quote && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else {
        fieldStart = byte === separator;
      }
      index += 1;
    }
    keep(chunk, start, chunk.length);
  }
  if (size > 0) yield take();
}

/** True for a record of nothing but a line ending (blank lines are skipped, not errors). */
export function isBlankRecord(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== newline && byte !== carriageReturn && byte !== 0x20 && byte !== 0x09) return false;
  return true;
}
