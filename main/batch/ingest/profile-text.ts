import { splitDateRange } from './profile-dates';
import type { EducationEntry, ExperienceEntry } from './types';

/**
 * Work history and education written as text, as CSV exports and some ATS fields hold them:
 * one entry per line (or separated by ";" or "|"), such as
 *   "Senior Data Engineer at Acme Corp (2019-03 - Present): built the pipelines"
 *   "BSc Computer Science, University of Leeds (2012-2015)".
 * What cannot be split is kept whole (as the description, or as the degree).
 */
export function splitEntries(text: string): string[] {
  return text
    .split(/\r?\n|;|\s\|\s/)
    .map((part) => part.replace(/^\s*(?:[-*•·]\s+)/, '').trim())
    .filter((part) => part !== '');
}

const datesAtEnd = /\s*[,(\[]?\s*((?:[A-Za-z]{3,9}\.?\s+)?\d{1,4}(?:[-/.]\d{1,2})?(?:[-/.]\d{4})?\s*(?:–|—|-|to)\s*(?:(?:[A-Za-z]{3,9}\.?\s+)?\d{1,4}(?:[-/.]\d{1,2})?(?:[-/.]\d{4})?|present|current|now|today)?|(?:[A-Za-z]{3,9}\.?\s+)?\d{4}(?:[-/.]\d{1,2})?)\s*[)\]]?\s*$/i;

/** Pulls a date range off the end of `text` ("… (2019 - 2021)", "…, Mar 2019 – Present"). */
function takeDates(text: string): { rest: string; start: string | null; end: string | null; single: boolean } {
  const match = datesAtEnd.exec(text);
  if (match && match.index > 0) {
    const range = splitDateRange(match[1]!);
    const single = range !== null && range.end.value === null && !range.end.current;
    if (range) return { rest: text.slice(0, match.index).trim(), start: range.start.value, end: range.end.value, single };
  }
  return { rest: text.trim(), start: null, end: null, single: false };
}

export function parseExperienceText(text: string): ExperienceEntry {
  const described = /^(.*?\)|[^:]*?)\s*:\s+(.+)$/s.exec(text);
  const head = described && /\d{4}|\bat\b|@/.test(described[1]!) ? described[1]! : text;
  const description = head === text ? null : described![2]!.trim();
  // A single year on a role is the time it took ("Intern at Bar (2014)").
  const { rest, start, end: to, single } = takeDates(head);
  const end = single ? start : to;
  const at = /^(.+?)\s+(?:at|@)\s+(.+)$/i.exec(rest) ?? /^(.+?)\s+[-–—|]\s+(.+)$/.exec(rest) ?? /^([^,]+),\s*(.+)$/.exec(rest);
  const title = (at ? at[1]! : rest).trim();
  const company = at ? at[2]!.trim() : null;
  if (start === null && end === null && company === null && description === null && title.length > 120) {
    return { title: null, company: null, start: null, end: null, description: text.trim() };
  }
  return { title: title === '' ? null : title, company, start, end, description };
}

const schoolWords = /\b(universit\w*|college|institut\w*|school|academy|polytechnic|hochschule|école|ecole|escuela|politecnico|iit|mit|ucla|eth)\b/i;
const degreeStart = /^(b\.?sc?|b\.?a|b\.?eng|b\.?tech|m\.?sc?|m\.?a|m\.?eng|m\.?tech|mba|ph\.?d|dphil|md|jd|llb|llm|associate|bachelor|master|doctor|diploma|certificate|high school diploma|a-levels?|ged)\b\.?/i;

export function parseEducationText(text: string): EducationEntry {
  // A single year on a school is the year it ended ("MIT, 2012").
  const { rest, start: from, end: to, single } = takeDates(text);
  const [start, end] = single ? [null, from] : [from, to];
  const parts = rest.split(/\s*,\s*|\s+[-–—|]\s+|\s+(?:at|from)\s+/i).filter((part) => part !== '');
  const schoolIndex = parts.findIndex((part) => schoolWords.test(part) && !degreeStart.test(part));
  let school: string | null = null;
  let degreeText: string | null = null;
  if (schoolIndex !== -1) {
    school = parts[schoolIndex]!;
    degreeText = parts.filter((_, index) => index !== schoolIndex).join(', ') || null;
  } else if (parts.length >= 2) {
    degreeText = parts[0]!;
    school = parts.slice(1).join(', ');
  } else {
    degreeText = parts[0] ?? null;
  }
  const { degree, field } = splitDegree(degreeText);
  return { degree, school, field, start, end };
}

/** "BSc in Physics" → BSc / Physics; "MSc Computer Science" → MSc / Computer Science. */
export function splitDegree(text: string | null): { degree: string | null; field: string | null } {
  if (text === null) return { degree: null, field: null };
  const inField = /^(.+?)\s+in\s+(.+)$/i.exec(text);
  if (inField && degreeStart.test(inField[1]!)) return { degree: inField[1]!.trim(), field: inField[2]!.trim() };
  const abbreviated = degreeStart.exec(text);
  if (abbreviated && abbreviated[0].length < text.length && /^[A-Za-z.]+$/.test(abbreviated[0]) && !/^(bachelor|master|doctor)/i.test(abbreviated[0])) {
    const field = text.slice(abbreviated[0].length).replace(/^[\s,:-]+/, '').trim();
    return { degree: abbreviated[0].trim(), field: field === '' ? null : field };
  }
  return { degree: text.trim(), field: null };
}

/** Skills as a list, or one string separated by commas, semicolons, pipes or new lines. */
export function normaliseSkills(value: unknown): string[] {
  const found: string[] = [];
  const add = (item: unknown): void => {
    if (typeof item === 'string') {
      for (const part of item.split(/[,;|\n]/)) {
        const skill = part.trim();
        if (skill !== '') found.push(skill);
      }
    } else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const named = (item as Record<string, unknown>).name ?? (item as Record<string, unknown>).skill ?? (item as Record<string, unknown>).title;
      if (typeof named === 'string' && named.trim() !== '') found.push(named.trim());
    }
  };
  if (Array.isArray(value)) value.forEach(add);
  else add(value);
  const seen = new Set<string>();
  return found.filter((skill) => {
    const key = skill.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
