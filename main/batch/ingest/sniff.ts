import { isUtf8 } from 'node:buffer';

/**
 * What the first bytes of a file say about its encoding: fine (UTF-8, maybe with a BOM), or a
 * reason a person can act on. Pure: works on the head of the file the caller read.
 */
export type EncodingVerdict =
  | { ok: true; bom: boolean }
  | { ok: false; code: 'empty-file' | 'binary-file' | 'wrong-encoding'; line: number; message: string };

const magic: Array<{ bytes: number[]; what: string; fix: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook or another ZIP archive', fix: 'export the sheet as CSV UTF-8' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) or Office file', fix: 'export the sheet as CSV UTF-8' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF', fix: 'export the candidates as JSON or CSV' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed', fix: 'unpack it first' },
];

export function checkEncoding(head: Buffer, fileSize: number, file: string): EncodingVerdict {
  if (fileSize === 0) return { ok: false, code: 'empty-file', line: 0, message: `${file} is empty: export the file again, or pick another one.` };
  const utf16 = utf16Kind(head);
  if (utf16 !== null) {
    return { ok: false, code: 'wrong-encoding', line: 0, message: `${file} is ${utf16} text: save it as UTF-8 (in Excel: Save As → CSV UTF-8) and drop it again.` };
  }
  for (const known of magic) {
    if (known.bytes.every((byte, index) => head[index] === byte)) {
      return { ok: false, code: 'binary-file', line: 0, message: `${file} is ${known.what}, not text: ${known.fix}.` };
    }
  }
  // One broken record does not make a file binary: that is a problem of its line, reported later.
  const nul = head.indexOf(0);
  const firstLineEnd = head.indexOf(0x0a) === -1 ? head.length : head.indexOf(0x0a);
  if (nul !== -1 && (nul < firstLineEnd || controlShare(head) > 0.05)) {
    return { ok: false, code: 'binary-file', line: lineAt(head, nul), message: `${file} is not a text file (it holds NUL bytes): drop a JSON, JSONL or CSV file.` };
  }
  const complete = head.subarray(0, head.length - incompleteTail(head));
  if (!isUtf8(complete)) {
    const { first, broken, lines } = invalidLines(complete);
    if (first === 1 || broken >= Math.max(2, lines * 0.1)) {
      return { ok: false, code: 'wrong-encoding', line: first, message: `${file} is not UTF-8 text (line ${first} has bytes that are not UTF-8; perhaps Latin-1 or Windows-1252): save it as UTF-8 and drop it again.` };
    }
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  if (head.subarray(bom ? 3 : 0).toString('utf8').trim() === '' && fileSize <= head.length) {
    return { ok: false, code: 'empty-file', line: 0, message: `${file} holds only blank lines: export the file again, or pick another one.` };
  }
  return { ok: true, bom };
}

function utf16Kind(head: Buffer): string | null {
  if (head[0] === 0xff && head[1] === 0xfe) return head[2] === 0 && head[3] === 0 ? 'UTF-32' : 'UTF-16';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16';
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return 'UTF-32';
  // Without a BOM, ASCII in UTF-16 shows as every other byte NUL.
  const sample = Math.min(head.length, 512) & ~1;
  if (sample < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < sample; index += 2) {
    if (head[index] === 0) evenNul += 1;
    if (head[index + 1] === 0) oddNul += 1;
  }
  const pairs = sample / 2;
  return oddNul > pairs * 0.7 && evenNul < pairs * 0.1 ? 'UTF-16 (little-endian)' : evenNul > pairs * 0.7 && oddNul < pairs * 0.1 ? 'UTF-16 (big-endian)' : null;
}

/** Share of bytes that never occur in text (C0 controls other than tab, CR, LF, ESC, FF). */
function controlShare(bytes: Buffer): number {
  let control = 0;
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control += 1;
  return control / Math.max(1, bytes.length);
}

/** Which lines of the head are not UTF-8: the first such line, how many, out of how many. */
function invalidLines(bytes: Buffer): { first: number; broken: number; lines: number } {
  let first = 0;
  let broken = 0;
  let line = 0;
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(0x0a, start) === -1 ? bytes.length : bytes.indexOf(0x0a, start);
    line += 1;
    if (!isUtf8(bytes.subarray(start, end))) {
      broken += 1;
      if (first === 0) first = line;
    }
    start = end + 1;
  }
  return { first, broken, lines: line };
}

/** 1-based line of the byte at `offset`. */
export function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let index = bytes.indexOf(0x0a); index !== -1 && index < offset; index = bytes.indexOf(0x0a, index + 1)) line += 1;
  return line;
}

/** How many bytes at the end start a UTF-8 sequence the head cut short. */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
}
