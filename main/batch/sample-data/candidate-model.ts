import type { Random } from './prng';
import * as words from './vocabulary';

/** One synthetic person, before being written in any file shape. Dates end at 2025-10. */
export interface SampleDate {
  year: number;
  month: number;
}

export interface SamplePosition {
  title: string;
  company: string;
  start: SampleDate;
  end: SampleDate | null;
  description: string | null;
  location: string | null;
}

export interface SampleEducation {
  degree: readonly [string, string] | null;
  field: string | null;
  school: string;
  start: number;
  end: number;
}

export interface SampleCandidate {
  id: string;
  firstName: string;
  lastName: string;
  headline: string | null;
  location: string | null;
  summary: string | null;
  positions: SamplePosition[];
  education: SampleEducation[];
  skills: string[];
  email: string;
}

export type SampleDetail = 'full' | 'compact';

const today: SampleDate = { year: 2025, month: 10 };
const monthsOf = (date: SampleDate): number => date.year * 12 + date.month - 1;
const dateOf = (months: number): SampleDate => ({ year: Math.floor(months / 12), month: (months % 12) + 1 });

function fill(template: string, random: Random, context: { title?: string; company?: string }): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'n':
        return String(random.int(2, 9));
      case 'skill':
        return random.pick(words.skills);
      case 'team':
        return random.pick(words.teams);
      case 'thing':
        return random.pick(words.things);
      case 'title':
        return context.title ?? random.pick(words.roles);
      case 'company':
        return context.company ?? random.pick(words.companies);
      default:
        return slot;
    }
  });
}

function paragraph(random: Random, sentences: number): string {
  const chosen: string[] = [];
  for (let index = 0; index < sentences; index += 1) chosen.push(fill(random.pick(words.achievements), random, {}));
  return chosen.join(' ');
}

export function makeCandidate(random: Random, index: number, detail: SampleDetail): SampleCandidate {
  const full = detail === 'full';
  const firstName = random.pick(words.firstNames);
  const lastName = random.pick(words.lastNames);
  const role = random.pick(words.roles);
  const positionCount = full ? random.int(2, 8) : random.int(1, 3);
  let cursor = monthsOf(today) - random.int(0, 6);
  const positions: SamplePosition[] = [];
  for (let step = 0; step < positionCount; step += 1) {
    const length = random.int(8, 60);
    const start = cursor - length;
    const ongoing = step === 0 && random.chance(0.8);
    const level = positionCount - step > 3 ? random.pick(words.seniority) : step === positionCount - 1 ? random.pick(['', '', 'Junior ']) : random.pick(words.seniority);
    positions.push({
      title: `${level}${step === 0 ? role : random.chance(0.7) ? role : random.pick(words.roles)}`.trim(),
      company: random.pick(words.companies),
      start: dateOf(start),
      end: ongoing ? null : dateOf(cursor),
      description: random.chance(0.1) ? null : paragraph(random, full ? random.int(8, 15) : 1),
      location: random.chance(0.3) ? null : random.pick(words.locations),
    });
    cursor = start - random.int(0, 8);
  }
  const careerStart = dateOf(cursor).year;
  const education: SampleEducation[] = [];
  if (random.chance(0.92)) {
    const bachelorEnd = careerStart - random.int(0, 2);
    education.push({ degree: random.chance(0.95) ? random.pick(words.degrees.filter(([short]) => short.startsWith('B') || short === 'AS')) : null, field: random.chance(0.9) ? random.pick(words.fieldsOfStudy) : null, school: random.pick(words.universities), start: bachelorEnd - random.int(3, 4), end: bachelorEnd });
    if (full && random.chance(0.35)) {
      const end = bachelorEnd + random.int(1, 6);
      education.unshift({ degree: random.pick(words.degrees.filter(([short]) => short.startsWith('M') || short === 'PhD')), field: random.pick(words.fieldsOfStudy), school: random.pick(words.universities), start: end - random.int(1, 5), end });
    }
  }
  const current = positions[0]!;
  const headline = random.chance(0.1) ? null : fill(random.pick(words.headlines), random, { title: current.title, company: current.company });
  return {
    id: `cand_${String(index + 1).padStart(6, '0')}`,
    firstName,
    lastName,
    headline,
    location: random.chance(0.08) ? null : random.pick(words.locations),
    summary: full && random.chance(0.7) ? paragraph(random, random.int(3, 7)) : null,
    positions,
    education,
    skills: random.chance(0.07) ? [] : random.sample(words.skills, random.int(3, full ? 15 : 6)),
    email: `${firstName}.${lastName}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + `${index}@example.com`,
  };
}
