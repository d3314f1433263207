import { normaliseDate, splitDateRange, type NormalisedDate } from './profile-dates';
import { aliases, asRecord, entryAliases, FieldReader, locationText, text, wrapperKeys } from './profile-fields';
import { normaliseSkills, parseEducationText, parseExperienceText, splitEntries } from './profile-text';
import type { CandidateProfile, EducationEntry, ExperienceEntry } from './types';

export type NormaliseResult =
  | { ok: true; profile: CandidateProfile }
  | { ok: false; code: 'not-an-object' | 'no-profile-data'; message: string };

interface Layer {
  reader: FieldReader;
  children: Array<{ key: string; layer: Layer }>;
}

/** Any candidate-like object → CandidateProfile (see PROFILE.md for the shapes it reads). */
export function normaliseProfile(value: unknown): NormaliseResult {
  const root = asRecord(value);
  if (root === undefined) {
    return { ok: false, code: 'not-an-object', message: `is ${Array.isArray(value) ? 'a list' : JSON.stringify(value)?.slice(0, 40) ?? 'empty'}, not a candidate object` };
  }
  const top = collectLayers(root, 0);
  const layers = flatten(top);
  const first = <T>(read: (reader: FieldReader) => T | null): T | null => {
    for (const layer of layers) {
      const found = read(layer.reader);
      if (found !== null) return found;
    }
    return null;
  };
  const experience = first((reader) => listOrNull(readExperience(reader.raw(aliases.experience, isListish)))) ?? [];
  const education = first((reader) => listOrNull(readEducation(reader.raw(aliases.education, isListish)))) ?? [];
  // The role without an end that started last (exports list roles newest first or oldest first).
  const ongoing = experience.filter((entry) => entry.end === null).reduce<ExperienceEntry | undefined>((best, entry) => (best === undefined || (entry.start ?? '') > (best.start ?? '') ? entry : best), undefined);
  const profile: CandidateProfile = {
    sourceId: first((reader) => reader.text(aliases.id)),
    name: first(readName),
    headline: first((reader) => reader.text(aliases.headline)),
    currentTitle: first((reader) => reader.text(aliases.title)) ?? ongoing?.title ?? null,
    currentCompany: first((reader) => reader.text(aliases.company)) ?? ongoing?.company ?? null,
    location: first(readLocation),
    experience,
    education,
    skills: first((reader) => listOrNull(normaliseSkills(reader.raw(aliases.skills)))) ?? [],
    extra: {},
  };
  profile.extra = leftovers(top);
  const usable = profile.name ?? profile.currentTitle ?? profile.headline ?? profile.currentCompany;
  if (usable === null && experience.length === 0 && education.length === 0) {
    return { ok: false, code: 'no-profile-data', message: 'has no name, title, work history or education to evaluate' };
  }
  return { ok: true, profile };
}

function collectLayers(record: Record<string, unknown>, depth: number): Layer {
  const reader = new FieldReader(record);
  const children: Layer['children'] = [];
  if (depth < 3) {
    for (const key of wrapperKeys) {
      const inner = asRecord(record[key]);
      if (inner === undefined) continue;
      reader.used.add(key);
      children.push({ key, layer: collectLayers(inner, depth + 1) });
    }
  }
  return { reader, children };
}

const flatten = (layer: Layer): Layer[] => [layer, ...layer.children.flatMap((child) => flatten(child.layer))];

function leftovers(layer: Layer): Record<string, unknown> {
  const left = layer.reader.leftovers();
  for (const child of layer.children) {
    const inner = leftovers(child.layer);
    if (Object.keys(inner).length > 0) left[child.key] = inner;
  }
  return left;
}

const listOrNull = <T>(list: T[]): T[] | null => (list.length > 0 ? list : null);
const isListish = (value: unknown): boolean => Array.isArray(value) || typeof value === 'string' || Array.isArray(asRecord(value)?.values);

function readName(reader: FieldReader): string | null {
  const full = reader.text(aliases.name);
  if (full !== null) return full;
  const parts = [reader.text(aliases.firstName), reader.text(aliases.lastName)].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

function readLocation(reader: FieldReader): string | null {
  const direct = locationText(reader.raw(aliases.location, (value) => locationText(value) !== null));
  if (direct !== null) return direct;
  const parts = aliases.locationParts.map((key) => reader.text([key])).filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Arrays as they are; `{values: [...]}` (LinkedIn's old API); text split into entries. */
function entriesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return splitEntries(value);
  const values = asRecord(value)?.values;
  return Array.isArray(values) ? values : [];
}

function readExperience(value: unknown): ExperienceEntry[] {
  const entries: ExperienceEntry[] = [];
  for (const item of entriesOf(value)) {
    const entry = typeof item === 'string' ? parseExperienceText(item) : experienceEntry(asRecord(item));
    if (entry !== null && Object.values(entry).some((field) => field !== null)) entries.push(entry);
  }
  return entries;
}

function readEducation(value: unknown): EducationEntry[] {
  const entries: EducationEntry[] = [];
  for (const item of entriesOf(value)) {
    const entry = typeof item === 'string' ? parseEducationText(item) : educationEntry(asRecord(item));
    if (entry !== null && Object.values(entry).some((field) => field !== null)) entries.push(entry);
  }
  return entries;
}

function experienceEntry(record: Record<string, unknown> | undefined): ExperienceEntry | null {
  if (record === undefined) return null;
  const reader = new FieldReader(record);
  const { start, end } = readDates(reader);
  const described = reader.raw(entryAliases.description);
  const description = Array.isArray(described) ? text(described.map(text).filter((line) => line !== null).join('\n')) : text(described);
  return { title: reader.text(entryAliases.title), company: reader.text(entryAliases.company), start, end, description };
}

function educationEntry(record: Record<string, unknown> | undefined): EducationEntry | null {
  if (record === undefined) return null;
  const reader = new FieldReader(record);
  const { start, end } = readDates(reader);
  return { degree: reader.text(entryAliases.degree), school: reader.text(entryAliases.school), field: reader.text(entryAliases.field), start, end };
}

function readDates(reader: FieldReader): { start: string | null; end: string | null } {
  let start: NormalisedDate = normaliseDate(reader.raw(entryAliases.start));
  let end: NormalisedDate = normaliseDate(reader.raw(entryAliases.end));
  const period = reader.raw(entryAliases.period);
  const periodRecord = asRecord(period);
  if (periodRecord !== undefined) {
    start = start.value === null ? normaliseDate(periodRecord.startDate ?? periodRecord.start ?? periodRecord.from) : start;
    end = end.value === null && !end.current ? normaliseDate(periodRecord.endDate ?? periodRecord.end ?? periodRecord.to) : end;
  } else if (typeof period === 'string') {
    const range = splitDateRange(period);
    if (range !== null) {
      start = start.value === null ? range.start : start;
      end = end.value === null && !end.current ? range.end : end;
    }
  }
  const current = reader.raw(entryAliases.current);
  return { start: start.value, end: current === true || current === 'true' || end.current ? null : end.value };
}
