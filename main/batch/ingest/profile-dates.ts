/**
 * Dates in profiles come as 2019, "2019", "2019-03", "2019-03-15", "2019-03-15T00:00:00Z",
 * "03/2019", "Mar 2019", "March 2019", {year: 2019, month: 3}, or epoch milliseconds. All become
 * "YYYY" or "YYYY-MM"; "Present" and its kin mean "still going" (null); text that is none of
 * these is kept as written, so nothing the model could read is lost.
 */
export type NormalisedDate = { value: string | null; current: boolean };

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const presentWords = /^(present|current|currently|now|today|ongoing|till date|to date|heute|actuel|actual|en cours)$/i;
const emptyWords = /^(|null|none|n\/a|na|undefined|-|—|unknown|\?)$/i;

const pad = (month: number): string => String(month).padStart(2, '0');
const validYear = (year: number): boolean => Number.isInteger(year) && year >= 1900 && year <= 2100;
const validMonth = (month: number): boolean => Number.isInteger(month) && month >= 1 && month <= 12;

function fromParts(year: number, month?: number): string | null {
  if (!validYear(year)) return null;
  return month !== undefined && validMonth(month) ? `${year}-${pad(month)}` : String(year);
}

export function normaliseDate(input: unknown): NormalisedDate {
  if (input === null || input === undefined || typeof input === 'boolean') return { value: null, current: false };
  if (typeof input === 'number') return { value: fromNumber(input), current: false };
  if (typeof input === 'object' && !Array.isArray(input)) return { value: fromObject(input as Record<string, unknown>), current: false };
  if (typeof input !== 'string') return { value: null, current: false };
  const text = input.trim();
  if (presentWords.test(text)) return { value: null, current: true };
  if (emptyWords.test(text)) return { value: null, current: false };
  return { value: fromText(text) ?? text, current: false };
}

function fromNumber(value: number): string | null {
  if (validYear(value)) return String(value);
  // Epoch milliseconds (or seconds) from ATS exports.
  const ms = value > 1e11 ? value : value > 1e8 ? value * 1000 : NaN;
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

function fromObject(value: Record<string, unknown>): string | null {
  const year = Number(value.year ?? value.y);
  const monthRaw = value.month ?? value.m;
  const month = monthRaw === undefined || monthRaw === null ? undefined : Number(monthRaw);
  return fromParts(year, month);
}

function fromText(text: string): string | null {
  let match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.]\d{1,2}(?:[T ].*)?)?)?$/.exec(text);
  if (match) return fromParts(Number(match[1]), match[2] === undefined ? undefined : Number(match[2]));
  match = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) return fromParts(Number(match[2]), Number(match[1]));
  match = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = months[match[1]!.toLowerCase()];
    return month === undefined ? null : fromParts(Number(match[2]), month);
  }
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) return fromParts(Number(match[3]), Number(match[1]) > 12 ? Number(match[2]) : Number(match[1]));
  return null;
}

const rangeSplit = /\s*(?:–|—|-|\bto\b|\buntil\b|\bbis\b)\s*/i;

/** "Jan 2019 - Present", "2015–2019", "2019 to 2021": start and end, when the text is a range. */
export function splitDateRange(text: string): { start: NormalisedDate; end: NormalisedDate } | null {
  const trimmed = text.trim();
  // Split on the separator that leaves a date on both sides ("2019-03 - 2021-05" has three dashes).
  const separators = [...trimmed.matchAll(new RegExp(rangeSplit.source, 'gi'))];
  for (const separator of separators) {
    const left = trimmed.slice(0, separator.index).trim();
    const right = trimmed.slice(separator.index! + separator[0].length).trim();
    const start = normaliseDate(left);
    const end = normaliseDate(right);
    if (isDateLike(left, start) && (isDateLike(right, end) || end.current || right === '')) return { start, end };
  }
  const single = normaliseDate(trimmed);
  return isDateLike(trimmed, single) ? { start: single, end: { value: null, current: false } } : null;
}

/** True when normalising recognised the text as a date (not merely kept it as written). */
export function isDateLike(text: string, date: NormalisedDate): boolean {
  return date.value !== null && date.value !== text.trim() ? true : date.value !== null && /^\d{4}(-\d{2})?$/.test(date.value);
}
