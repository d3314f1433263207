import { isUtf8 } from 'node:buffer';
import type { IngestProblemCode } from './types';

/**
 * Turns the bytes of one record (a JSONL line, a JSON array element, a JSON cell of a CSV row)
 * into a value, or says why not. JSON.parse itself copes with deep nesting, but whatever walks
 * the value afterwards (JSON.stringify included) recurses, so depth is checked first.
 */
export type ParsedJson =
  | { ok: true; value: unknown }
  | { ok: false; code: IngestProblemCode; message: string; lineOffset?: number; column?: number };

export interface ParseJsonOptions {
  maxDepth: number;
  /** Set when the caller already measured the depth while scanning. */
  depthChecked?: boolean;
}

const utf8Bom = [0xef, 0xbb, 0xbf] as const;

export function stripBom(bytes: Buffer): Buffer {
  return bytes.length >= 3 && bytes[0] === utf8Bom[0] && bytes[1] === utf8Bom[1] && bytes[2] === utf8Bom[2] ? bytes.subarray(3) : bytes;
}

export function parseJsonBytes(bytes: Buffer, options: ParseJsonOptions): ParsedJson {
  if (bytes.indexOf(0) !== -1) {
    return { ok: false, code: 'binary-data', message: 'holds binary data (NUL bytes), not JSON text' };
  }
  if (!isUtf8(bytes)) {
    return { ok: false, code: 'not-utf8', message: 'holds bytes that are not UTF-8: save the file as UTF-8' };
  }
  if (!options.depthChecked && nestingExceeds(bytes, options.maxDepth)) {
    return { ok: false, code: 'too-deep', message: `nests arrays or objects more than ${options.maxDepth} levels deep` };
  }
  return parseJsonText(bytes.toString('utf8'));
}

export function parseJsonText(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, code: 'malformed-json', ...describeJsonError(text, error) };
  }
}

/** V8's message with its "at position N" turned into a line offset and a column a person can find. */
function describeJsonError(text: string, error: unknown): { message: string; lineOffset?: number; column?: number } {
  const raw = error instanceof Error ? error.message : String(error);
  const match = /\s*(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(raw);
  const reason = (match ? raw.slice(0, match.index) + raw.slice(match.index + match[0].length) : raw).replace(/\s+in JSON$/, '').trim();
  const wording = reason === '' || /^Unexpected end of JSON input$/i.test(reason) ? 'ends before the JSON value is complete' : reason;
  if (!match) return { message: `is not valid JSON: ${wording}` };
  const position = Number(match[1]);
  let lineOffset = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < position; index = text.indexOf('\n', index + 1)) {
    lineOffset += 1;
    lineStart = index + 1;
  }
  return { message: `is not valid JSON: ${wording}`, lineOffset, column: position - lineStart + 1 };
}

/** True when arrays/objects nest deeper than `limit`, by a scan that never recurses. */
export function nestingExceeds(bytes: Buffer, limit: number): boolean {
  let depth = 0;
  let index = 0;
  const length = bytes.length;
  while (index < length) {
    const byte = bytes[index]!;
    if (byte === 0x22) {
      index = endOfString(bytes, index + 1);
      continue;
    }
    if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth -= 1;
    }
    index += 1;
  }
  return false;
}

/** Index just past the closing quote of a string whose body starts at `from`. */
function endOfString(bytes: Buffer, from: number): number {
  let index = from;
  for (;;) {
    const quote = bytes.indexOf(0x22, index);
    if (quote === -1) return bytes.length;
    let backslashes = 0;
    for (let back = quote - 1; back >= from && bytes[back] === 0x5c; back -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    index = quote + 1;
  }
}
