import { nestingExceeds, parseJsonText } from './json-value';
import { splitEntries } from './profile-text';
import type { CsvMapping, CsvTarget } from './types';

/**
 * Which column feeds which profile field, proposed from the header's wording for the analyst to
 * confirm (the app remembers the confirmed mapping per export layout).
 */
const known: Array<{ target: CsvTarget; exact: string[]; contains?: string[] }> = [
  { target: 'id', exact: ['id', 'candidateid', 'applicantid', 'externalid', 'uuid', 'profileid', 'recordid', 'customid', 'arisid', 'sourceid'] },
  { target: 'name', exact: ['name', 'fullname', 'candidatename', 'candidate', 'applicantname', 'applicant', 'displayname'] },
  { target: 'firstName', exact: ['firstname', 'givenname', 'first', 'forename'] },
  { target: 'lastName', exact: ['lastname', 'surname', 'familyname', 'last'] },
  { target: 'email', exact: ['email', 'emailaddress', 'mail', 'workemail', 'personalemail'], contains: ['email'] },
  { target: 'phone', exact: ['phone', 'phonenumber', 'mobile', 'telephone', 'tel', 'cell'], contains: ['phone'] },
  { target: 'linkedin', exact: ['linkedin', 'linkedinurl', 'linkedinprofile', 'profileurl'], contains: ['linkedin'] },
  { target: 'headline', exact: ['headline', 'tagline', 'linkedinheadline'] },
  { target: 'title', exact: ['title', 'jobtitle', 'currenttitle', 'currentjobtitle', 'position', 'currentposition', 'role', 'currentrole', 'occupation'] },
  { target: 'company', exact: ['company', 'currentcompany', 'employer', 'currentemployer', 'organisation', 'organization', 'companyname'] },
  { target: 'location', exact: ['location', 'city', 'country', 'state', 'region', 'address', 'locality'] },
  { target: 'skills', exact: ['skills', 'skill', 'keyskills', 'topskills', 'competencies', 'expertise'], contains: ['skill'] },
  { target: 'experience', exact: ['experience', 'workhistory', 'workexperience', 'employmenthistory', 'positions', 'career', 'jobs', 'previousroles', 'employment'], contains: ['experience', 'history'] },
  { target: 'degree', exact: ['degree', 'highestdegree', 'qualification'] },
  { target: 'school', exact: ['school', 'university', 'college', 'institution', 'almamater'] },
  { target: 'field', exact: ['fieldofstudy', 'major', 'field', 'subject', 'discipline'] },
  { target: 'education', exact: ['education', 'schools', 'degrees', 'educationhistory', 'academicbackground', 'qualifications'], contains: ['education'] },
];

/** Targets one column at most feeds; the others join several columns in order. */
const single = new Set<CsvTarget>(['id', 'name', 'firstName', 'lastName', 'headline', 'title', 'company', 'email', 'phone', 'linkedin', 'degree', 'school', 'field']);

const squash = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export function suggestCsvMapping(headers: readonly string[]): CsvMapping {
  const columns: Record<string, CsvTarget> = {};
  const taken = new Set<CsvTarget>();
  const assign = (header: string, target: CsvTarget): void => {
    if (single.has(target) && taken.has(target)) return;
    columns[header] = target;
    taken.add(target);
  };
  for (const header of headers) {
    const match = known.find((entry) => entry.exact.includes(squash(header)));
    if (match) assign(header, match.target);
  }
  for (const header of headers) {
    if (header in columns) continue;
    const match = known.find((entry) => entry.contains?.some((part) => squash(header).includes(part)));
    columns[header] = 'extra';
    if (match) assign(header, match.target);
  }
  return { columns };
}

/** Header cells made usable as keys: blanks named by position, repeats numbered. */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? `column_${index + 1}` : cell.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** A row under a mapping: the raw shape normaliseProfile reads, and the columns for `extra`. */
export function applyCsvMapping(
  headers: readonly string[],
  cells: readonly string[],
  mapping: CsvMapping,
  maxDepth: number,
): { raw: Record<string, unknown>; extra: Record<string, unknown>; jsonProblem?: { field: string; message: string } } {
  const raw: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  const joined: Partial<Record<'location' | 'skills' | 'experience' | 'education', string[]>> = {};
  const school: Record<string, string> = {};
  let jsonProblem: { field: string; message: string } | undefined;
  cells.forEach((cell, index) => {
    const value = cell.trim();
    if (value === '') return;
    const header = headers[index] ?? `column_${index + 1}`;
    const target = mapping.columns[header] ?? 'extra';
    switch (target) {
      case 'ignore':
        return;
      case 'extra':
        extra[header] = value;
        return;
      case 'email':
      case 'phone':
      case 'linkedin':
        extra[target === 'linkedin' ? 'linkedinUrl' : target] = value;
        return;
      case 'location':
      case 'skills':
      case 'experience':
      case 'education':
        (joined[target] ??= []).push(value);
        return;
      case 'degree':
      case 'school':
      case 'field':
        school[target] = value;
        return;
      default:
        raw[{ id: 'id', name: 'name', firstName: 'first_name', lastName: 'last_name', headline: 'headline', title: 'title', company: 'company' }[target]] = value;
    }
  });
  if (joined.location) raw.location = joined.location.join(', ');
  if (joined.skills) raw.skills = joined.skills.join(', ');
  for (const field of ['experience', 'education'] as const) {
    const texts = joined[field];
    if (!texts) continue;
    const parsed = texts.length === 1 ? jsonCell(texts[0]!, maxDepth) : undefined;
    if (parsed !== undefined && 'problem' in parsed) jsonProblem ??= { field, message: parsed.problem };
    else raw[field] = parsed?.value ?? texts.join('\n');
  }
  if (Object.keys(school).length > 0) {
    const entry = { degree: school.degree ?? null, school: school.school ?? null, field: school.field ?? null };
    raw.education = Array.isArray(raw.education) ? [entry, ...(raw.education as unknown[])] : typeof raw.education === 'string' ? [entry, ...splitEntries(raw.education)] : [entry];
  }
  return jsonProblem === undefined ? { raw, extra } : { raw, extra, jsonProblem };
}

/** A cell that holds a JSON list or object (some ATS exports nest their history that way). */
function jsonCell(value: string, maxDepth: number): { value: unknown } | { problem: string } | undefined {
  if (!value.startsWith('[') && !value.startsWith('{')) return undefined;
  if (nestingExceeds(Buffer.from(value), maxDepth)) return { problem: `nests more than ${maxDepth} levels deep` };
  const parsed = parseJsonText(value);
  return parsed.ok ? { value: parsed.value } : undefined;
}
