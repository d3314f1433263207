import type { SampleCandidate, SampleDate, SampleEducation, SamplePosition } from './candidate-model';
import type { Random } from './prng';
import { monthNames } from './vocabulary';

/**
 * The shapes real exports have, each written from the same SampleCandidate:
 * - `gem`: an ATS record (as seed 003's Aris export) wrapping a LinkedIn-like `gemData` profile
 *   (`positions` with `{year, month}` dates, `schoolName`, `fieldOfStudy`) plus enrichment;
 * - `snake`: a flat export (`full_name`, `work_history`, "YYYY-MM" dates, skills as one string);
 * - `camel`: another flat export (`firstName`, `experience`, "Mon YYYY" dates, skill objects).
 */
const ym = (date: SampleDate): string => `${date.year}-${String(date.month).padStart(2, '0')}`;
const monYear = (date: SampleDate): string => `${monthNames[date.month - 1]} ${date.year}`;

export function gemShape(candidate: SampleCandidate, random: Random): Record<string, unknown> {
  const current = candidate.positions[0]!;
  return {
    id: candidate.id,
    createdAt: `2025-0${random.int(1, 9)}-1${random.int(0, 9)}T0${random.int(0, 9)}:15:00.000Z`,
    source: random.pick(['gem', 'linkedin-recruiter', 'referral', 'career-site']),
    gemData: {
      first_name: candidate.firstName,
      last_name: candidate.lastName,
      headline: candidate.headline,
      location: candidate.location,
      title: random.chance(0.85) ? current.title : null,
      company: random.chance(0.85) ? current.company : null,
      summary: candidate.summary,
      linkedin_url: `https://www.linkedin.com/in/${candidate.firstName}-${candidate.lastName}-${candidate.id.slice(-6)}`.toLowerCase(),
      positions: candidate.positions.map((position) => ({
        title: position.title,
        companyName: position.company,
        location: position.location,
        startDate: { year: position.start.year, month: position.start.month },
        endDate: position.end === null ? null : { year: position.end.year, month: position.end.month },
        description: position.description,
      })),
      education: candidate.education.map((entry) => ({
        schoolName: entry.school,
        degree: entry.degree?.[random.chance(0.5) ? 0 : 1] ?? null,
        fieldOfStudy: entry.field,
        startDate: { year: entry.start },
        endDate: { year: entry.end },
      })),
      skills: candidate.skills,
    },
    swarmData: {
      enrichedAt: '2025-10-20T08:00:00.000Z',
      emails: [{ address: candidate.email, type: 'personal', verified: random.chance(0.6) }],
      yearsOfExperience: Math.max(1, 2025 - (candidate.positions.at(-1)?.start.year ?? 2025)),
      companySize: random.pick(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001-10000', '10001+']),
      industry: random.pick(['Software Development', 'Financial Services', 'IT Services and IT Consulting', 'Retail', 'Hospitals and Health Care', 'Manufacturing']),
      socialProfiles: { github: random.chance(0.4) ? `https://github.com/${candidate.lastName.toLowerCase()}${candidate.id.slice(-3)}` : null },
    },
    cvData: null,
    praxisData: null,
  };
}

export function snakeShape(candidate: SampleCandidate): Record<string, unknown> {
  const current = candidate.positions[0]!;
  return {
    candidate_id: candidate.id,
    full_name: `${candidate.firstName} ${candidate.lastName}`,
    current_title: current.title,
    current_company: current.end === null ? current.company : null,
    location: candidate.location,
    email: candidate.email,
    work_history: candidate.positions.map((position) => ({
      title: position.title,
      company: position.company,
      start_date: ym(position.start),
      end_date: position.end === null ? null : ym(position.end),
      description: position.description,
    })),
    education: candidate.education.map((entry) => ({ degree: entry.degree?.[0] ?? null, school: entry.school, field_of_study: entry.field, start_year: entry.start, end_year: entry.end })),
    skills: candidate.skills.join(', '),
    notes: candidate.summary,
  };
}

export function camelShape(candidate: SampleCandidate): Record<string, unknown> {
  return {
    id: candidate.id,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    headline: candidate.headline,
    city: candidate.location?.split(', ')[0] ?? null,
    country: candidate.location?.includes(', ') ? candidate.location.split(', ').at(-1) : null,
    experience: candidate.positions.map((position) => ({
      role: position.title,
      organization: { name: position.company },
      from: monYear(position.start),
      to: position.end === null ? 'Present' : monYear(position.end),
      summary: position.description,
    })),
    schools: candidate.education.map((entry) => ({ institution: entry.school, qualification: entry.degree?.[1] ?? null, major: entry.field, graduationYear: entry.end })),
    skills: candidate.skills.map((name) => ({ name })),
    about: candidate.summary,
  };
}

export const csvHeader = ['Candidate ID', 'First Name', 'Last Name', 'Email', 'Headline', 'Current Title', 'Current Company', 'Location', 'Skills', 'Work History', 'Education', 'Source'];

const positionLine = (position: SamplePosition): string =>
  `${position.title} at ${position.company} (${ym(position.start)} - ${position.end === null ? 'Present' : ym(position.end)})${position.description === null ? '' : `: ${position.description}`}`;
const educationLine = (entry: SampleEducation): string =>
  [entry.degree === null ? null : entry.field === null ? entry.degree[0] : `${entry.degree[0]} ${entry.field}`, entry.school].filter((part) => part !== null).join(', ') + ` (${entry.start}-${entry.end})`;

export function csvCells(candidate: SampleCandidate, random: Random): string[] {
  const current = candidate.positions[0]!;
  return [
    candidate.id,
    candidate.firstName,
    candidate.lastName,
    candidate.email,
    candidate.headline ?? '',
    current.title,
    current.end === null ? current.company : '',
    candidate.location ?? '',
    candidate.skills.join(', '),
    candidate.positions.map(positionLine).join('\n'),
    candidate.education.map(educationLine).join('\n'),
    random.pick(['LinkedIn', 'Referral', 'Career site', 'Agency']),
  ];
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')}\n`;
}

/** The profile as the user message of an evaluation request, the way seed 003's converter wrote it. */
export function profileText(candidate: SampleCandidate): string {
  const lines = [`Name: ${candidate.firstName} ${candidate.lastName}`];
  if (candidate.headline !== null) lines.push(`Headline: ${candidate.headline}`);
  if (candidate.location !== null) lines.push(`Location: ${candidate.location}`);
  lines.push('', 'Work history:', ...candidate.positions.map((position) => `- ${positionLine(position)}`));
  lines.push('', 'Education:', ...(candidate.education.length === 0 ? ['- (none listed)'] : candidate.education.map((entry) => `- ${educationLine(entry)}`)));
  if (candidate.skills.length > 0) lines.push('', `Skills: ${candidate.skills.join(', ')}`);
  return lines.join('\n');
}
