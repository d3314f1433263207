import { parseJsonBytes, stripBom } from './json-value';
import type { IngestProblem } from './types';

/** One record's worth of JSON: the value, or the problem that kept it from being read. */
export type JsonPiece =
  | { kind: 'value'; line: number; fileLine?: number; value: unknown }
  | { kind: 'problem'; problem: IngestProblem };

export interface JsonReadContext {
  file: string;
  maxLineBytes: number;
  maxDepth: number;
}

type RawLine = { line: number; bytes: Buffer } | { line: number; oversize: number };

/**
 * Splits bytes into lines (LF or CRLF) without ever holding more than one line: a line that
 * outgrows `maxLineBytes` stops being kept and is only measured until its end.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<RawLine> {
  let line = 1;
  let parts: Buffer[] = [];
  let size = 0;
  let oversize = false;
  const finish = (): RawLine => {
    if (oversize) return { line, oversize: size };
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    return { line, bytes: bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes };
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      const segment = chunk.subarray(start, newline === -1 ? chunk.length : newline);
      if (!oversize && size + segment.length > maxLineBytes) {
        oversize = true;
        parts = [];
      }
      if (!oversize && segment.length > 0) parts.push(segment);
      size += segment.length;
      if (newline === -1) break;
      yield finish();
      line += 1;
      parts = [];
      size = 0;
      oversize = false;
      start = newline + 1;
    }
  }
  if (size > 0) yield finish();
}

export const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** JSONL: one value per non-blank line; a bad line is a problem and the next line is read. */
export async function* readJsonLines(chunks: AsyncIterable<Buffer>, context: JsonReadContext): AsyncGenerator<JsonPiece> {
  for await (const raw of splitLines(chunks, context.maxLineBytes)) {
    const problem = (code: IngestProblem['code'], message: string, column?: number): JsonPiece => ({
      kind: 'problem',
      problem: { file: context.file, line: raw.line, ...(column === undefined ? {} : { column }), code, severity: 'error', message: `Line ${raw.line} ${message}; it is skipped.` },
    });
    if ('oversize' in raw) {
      yield problem('too-large', `is ${mib(raw.oversize)}, over the ${mib(context.maxLineBytes)} limit for one record`);
      continue;
    }
    const bytes = raw.line === 1 ? stripBom(raw.bytes) : raw.bytes;
    if (isBlank(bytes)) continue;
    const parsed = parseJsonBytes(bytes, { maxDepth: context.maxDepth });
    if (parsed.ok) yield { kind: 'value', line: raw.line, value: parsed.value };
    else yield problem(parsed.code, parsed.message, parsed.column);
  }
}

function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}
