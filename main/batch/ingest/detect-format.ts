import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { nestingExceeds, parseJsonText } from './json-value';
import { checkEncoding } from './sniff';
import type { IngestFormat, IngestProblem } from './types';

export type FormatDetection =
  | { ok: true; format: IngestFormat; bom: boolean; delimiter: string | null }
  | { ok: false; problem: IngestProblem };

const headBytes = 64 * 1024;
const jsonExtensions = new Set(['.json', '.jsonl', '.ndjson', '.jsonlines']);
const csvExtensions = new Set(['.csv', '.tsv']);
const delimiters = [',', ';', '\t', '|'] as const;

/**
 * Decides the format from the first 64 KiB, not from the name; the name only has to agree
 * (a `.json` that holds CSV is refused, a JSON array in a `.jsonl` is read as the array it is).
 */
export async function detectFormat(path: string, options: { fileLabel?: string; format?: IngestFormat } = {}): Promise<FormatDetection> {
  const file = options.fileLabel ?? basename(path);
  const fail = (code: IngestProblem['code'], line: number, message: string): FormatDetection => ({
    ok: false,
    problem: { file, line, code, severity: 'error', message },
  });
  let head: Buffer;
  let size: number;
  try {
    ({ head, size } = await readHead(path));
  } catch (error) {
    return fail('unreadable', 0, `${file} cannot be read: ${readableReason(error)}.`);
  }
  const encoding = checkEncoding(head, size, file);
  if (!encoding.ok) return fail(encoding.code, encoding.line, encoding.message);
  const text = head.subarray(encoding.bom ? 3 : 0).toString('utf8');
  const found = options.format ?? sniffFormat(text);
  const firstLine = (text.split('\n', 1)[0] ?? '').replace(/\r$/, '');
  const delimiter = found === 'candidates-csv' ? guessDelimiter(firstLine, extname(path).toLowerCase() === '.tsv') : null;
  if (options.format !== undefined) return { ok: true, format: options.format, bom: encoding.bom, delimiter };
  const extension = extname(options.fileLabel ?? path).toLowerCase();
  const shown = JSON.stringify(firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine);
  if (found === 'pretty-object') {
    return fail('wrong-format', 1, `${file} holds one JSON object, not a list of candidates: use a JSON array [ {...}, {...} ] or one JSON object per line (JSONL).`);
  }
  if (found === null || (found === 'candidates-csv' && delimiter === null && !csvExtensions.has(extension))) {
    return fail('wrong-format', 1, `${file} is not JSON, JSONL or CSV (it starts with ${shown}): drop an OpenAI batch JSONL file or a candidate export.`);
  }
  if (found === 'candidates-csv' && jsonExtensions.has(extension)) {
    return fail('wrong-format', 1, `${file} is named ${extension} but holds CSV (it starts with ${shown}): rename it to .csv, or export JSON.`);
  }
  if (found !== 'candidates-csv' && csvExtensions.has(extension)) {
    return fail('wrong-format', 1, `${file} is named ${extension} but holds JSON (it starts with ${shown}): rename it to .json or .jsonl, or export CSV.`);
  }
  return { ok: true, format: found, bom: encoding.bom, delimiter };
}

async function readHead(path: string): Promise<{ head: Buffer; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(headBytes, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

function readableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

type Sniffed = IngestFormat | 'pretty-object' | null;

/** Looks at the first non-blank character and, for `{`, at the first few lines as JSONL. */
function sniffFormat(text: string): Sniffed {
  const start = text.search(/\S/);
  if (start === -1) return null;
  const first = text[start];
  if (first === '[') return 'candidates-json';
  if (first !== '{') return /^[<\u0000-\u0008]/.test(text.slice(start)) ? null : 'candidates-csv';
  const lines = text.slice(start).split('\n');
  const complete = lines.length > 1 ? lines.slice(0, -1) : lines;
  for (const line of complete.slice(0, 5)) {
    const trimmed = line.trim();
    if (trimmed === '' || nestingExceeds(Buffer.from(trimmed), 64)) continue;
    const parsed = parseJsonText(trimmed);
    if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)) {
      return looksLikeRequest(parsed.value as Record<string, unknown>) ? 'openai-jsonl' : 'candidates-jsonl';
    }
  }
  const firstLine = (lines[0] ?? '').trim();
  // A first line longer than the head, or only broken lines: still JSONL, decided by its keys.
  if (lines.length === 1 || firstLine.length > 200) return /"custom_id"\s*:/.test(text) ? 'openai-jsonl' : 'candidates-jsonl';
  return firstLine === '{' || /^\{\s*"[^"]*"\s*:\s*[[{]?\s*$/.test(firstLine) ? 'pretty-object' : /"custom_id"\s*:/.test(text) ? 'openai-jsonl' : 'candidates-jsonl';
}

function looksLikeRequest(value: Record<string, unknown>): boolean {
  return 'custom_id' in value && ('body' in value || 'url' in value || 'method' in value);
}

/** The delimiter that splits the header line most often, outside quotes; null if none does. */
export function guessDelimiter(header: string, tab = false): string | null {
  if (tab) return '\t';
  let best: string | null = null;
  let bestCount = 0;
  for (const delimiter of delimiters) {
    let count = 0;
    let quoted = false;
    for (const char of header) {
      if (char === '"') quoted = !quoted;
      else if (!quoted && char === delimiter) count += 1;
    }
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}
