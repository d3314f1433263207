/**
 * What a file's first bytes say it is, whatever its name claims: an .exe renamed .pdf is still
 * a Windows program. Each kind carries the words an error message uses for it.
 */

export type SniffedKind = 'pdf' | 'zip' | 'text' | 'other';

export interface Sniffed {
  kind: SniffedKind;
  /** "a Windows program", "a PNG image"...: how an error names what the file really is. */
  looksLike: string;
  /** The text, for files that are text. */
  text?: string;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const signatures: ReadonlyArray<{ bytes: number[]; looksLike: string; kind: SniffedKind }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], looksLike: 'a zip archive', kind: 'zip' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], looksLike: 'an empty zip archive', kind: 'zip' },
  { bytes: ascii('MZ'), looksLike: 'a Windows program (.exe)', kind: 'other' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], looksLike: 'a Linux program', kind: 'other' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], looksLike: 'a macOS program', kind: 'other' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], looksLike: 'a macOS program', kind: 'other' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: 'an old Microsoft Office file (.doc or .xls)', kind: 'other' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a PNG image', kind: 'other' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image', kind: 'other' },
  { bytes: ascii('GIF8'), looksLike: 'a GIF image', kind: 'other' },
  { bytes: [0x1f, 0x8b], looksLike: 'a gzip archive', kind: 'other' },
  { bytes: ascii('Rar!'), looksLike: 'a RAR archive', kind: 'other' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], looksLike: 'a 7-Zip archive', kind: 'other' },
  { bytes: ascii('{\\rtf'), looksLike: 'an RTF document', kind: 'other' },
];

/** PDF readers accept the header anywhere in the first 1024 bytes, so this does too. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** UTF-8 (with or without its mark) or UTF-16 with its mark, with no NUL characters: what a text file is. */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    let text: string;
    if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (hasPdfHeader(bytes)) return { kind: 'pdf', looksLike: 'a PDF' };
  const known = signatures.find((signature) => startsWith(bytes, signature.bytes));
  if (known !== undefined) return { kind: known.kind, looksLike: known.looksLike };
  const text = decodeText(bytes);
  return text === null ? { kind: 'other', looksLike: 'binary data' } : { kind: 'text', looksLike: 'plain text', text };
}
