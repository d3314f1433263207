/**
 * A document cut into the pieces the heuristic reads: bullet lines, and the sentences of longer
 * lines, each with the section heading it sits under. Each piece's text is a verbatim slice of
 * the document, so it can be quoted and the quote found again.
 */

export interface TextUnit {
  text: string;
  /** The heading above it, lower-cased; '' before the first heading. */
  section: string;
  bullet: boolean;
  /** Order in the document. */
  index: number;
}

const bulletPattern = /^\s*(?:[-*•·▪●◦‣–—]|\d{1,2}[.)]|[a-z][.)])\s+/u;
const maxUnitChars = 400;

/** A short line with no sentence ending, or one ending in a colon, reads as a heading. */
function isHeading(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 70 || bulletPattern.test(line)) return false;
  if (text.endsWith(':')) return true;
  if (/[.!?;,]$/.test(text)) return false;
  const words = text.split(/\s+/);
  return words.length <= 7 && (/^#+\s/.test(text) || text === text.toUpperCase() || /^[\p{Lu}#]/u.test(text));
}

const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d"“(])/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

function clipped(text: string): string {
  if (text.length <= maxUnitChars) return text;
  return text.slice(0, maxUnitChars).replace(/\s+\S*$/, '');
}

/** "Skills: Python, SQL" or "Tools used: Airflow": a label and its content on one line. */
const labelledLine = /^\s*([\p{L}][\p{L} &/'-]{1,38}):\s+(\S.*)$/u;

export function unitsOf(document: string): TextUnit[] {
  const units: TextUnit[] = [];
  let section = '';
  for (const raw of document.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const labelled = bulletPattern.test(raw) ? null : labelledLine.exec(raw);
    if (labelled !== null) {
      // The label names this line only; the section around it goes on after it.
      const content = (labelled[2] ?? '').trim();
      units.push({ text: clipped(content), section: (labelled[1] ?? '').trim().toLowerCase(), bullet: false, index: units.length });
      continue;
    }
    if (isHeading(raw)) {
      section = raw.trim().replace(/^#+\s*/, '').replace(/:$/, '').toLowerCase();
      continue;
    }
    const bullet = bulletPattern.test(raw);
    const body = raw.replace(bulletPattern, '').trim();
    const pieces = body.length > 160 ? sentencesOf(body) : [body];
    for (const piece of pieces) units.push({ text: clipped(piece), section, bullet, index: units.length });
  }
  return units;
}
