import PDFDocument from 'pdfkit';

/**
 * What every PDF report of the app shares: built-in Helvetica, so nothing is embedded or looked
 * up; those fonts only draw Latin-1, so other characters are written in a close ASCII form (or
 * "?") rather than as garbage; A4, no compression (the words can be found in the file by a test or
 * a person; reports are small), and a fixed creation date so the same content gives the same bytes.
 */

const asciiLookalikes: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...', '\u2022': '*', '\u20ac': 'EUR', '\u2122': '(TM)', '\u2192': '->', '\u2190': '<-',
  '\u0141': 'L', '\u0142': 'l', '\u0110': 'D', '\u0111': 'd', '\u0152': 'OE', '\u0153': 'oe', '\u0131': 'i',
  '\u2009': ' ', '\u200a': ' ', '\u2002': ' ', '\u2003': ' ', '\u202f': ' ', '\u200b': '', '\u200d': '', '\ufe0f': '',
};

const isPrintableLatin1 = (code: number): boolean => (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff);

/** One character (a whole code point) as Helvetica can draw it. */
function latin1Char(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (char === '\n') return char;
  if (char === '\t' || char === '\r') return ' ';
  if (isPrintableLatin1(code)) return char;
  const lookalike = asciiLookalikes[char];
  if (lookalike !== undefined) return lookalike;
  // Accented letters outside Latin-1 (ő, č, ș) keep their base letter.
  const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
  if (base !== '' && [...base].every((part) => isPrintableLatin1(part.codePointAt(0) ?? 0))) return base;
  return code < 0x20 || (code >= 0x7f && code < 0xa0) ? '' : '?';
}

export const toPdfText = (text: string): string => Array.from(text.replace(/\r\n/g, '\n'), latin1Char).join('');

export type PdfDoc = PDFKit.PDFDocument;

/** Typesets one A4 document with `write` and hands back its bytes. */
export function renderPdf(title: string, generatedAt: Date, write: (doc: PdfDoc) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false, info: { Title: toPdfText(title), Author: 'Talent Workstation', CreationDate: generatedAt } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      write(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
