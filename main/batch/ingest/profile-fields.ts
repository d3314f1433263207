/**
 * The names real exports use for each profile field (snake_case, camelCase, LinkedIn's and Gem's
 * own), and small readers that turn whatever is there into text or null.
 */
export const wrapperKeys = ['gemData', 'gem_data', 'profile', 'data', 'candidate', 'person', 'linkedin', 'linkedinData', 'linkedin_data', 'linkedinProfile', 'linkedin_profile'];

export const aliases = {
  id: ['id', '_id', 'custom_id', 'customId', 'candidate_id', 'candidateId', 'applicant_id', 'applicantId', 'external_id', 'externalId', 'source_id', 'sourceId', 'profile_id', 'profileId', 'uuid'],
  name: ['name', 'full_name', 'fullName', 'fullname', 'display_name', 'displayName', 'candidate_name', 'candidateName'],
  firstName: ['first_name', 'firstName', 'firstname', 'given_name', 'givenName'],
  lastName: ['last_name', 'lastName', 'lastname', 'family_name', 'familyName', 'surname'],
  headline: ['headline', 'tagline', 'linkedin_headline', 'linkedinHeadline'],
  title: ['current_title', 'currentTitle', 'title', 'job_title', 'jobTitle', 'position', 'current_position', 'currentPosition', 'occupation', 'role'],
  company: ['current_company', 'currentCompany', 'company', 'company_name', 'companyName', 'current_employer', 'currentEmployer', 'employer', 'organization', 'organisation'],
  location: ['location', 'location_name', 'locationName', 'locality', 'geo_location', 'geoLocation'],
  locationParts: ['city', 'region', 'state', 'country'],
  experience: ['experience', 'experiences', 'work_history', 'workHistory', 'work_experience', 'workExperience', 'positions', 'jobs', 'employment', 'employment_history', 'employmentHistory', 'career'],
  education: ['education', 'educations', 'schools', 'education_history', 'educationHistory'],
  skills: ['skills', 'skill_list', 'skillList', 'top_skills', 'topSkills'],
} as const;

export const entryAliases = {
  title: ['title', 'position', 'job_title', 'jobTitle', 'role', 'position_title', 'positionTitle'],
  company: ['company', 'companyName', 'company_name', 'employer', 'organization', 'organisation', 'org'],
  description: ['description', 'summary', 'details', 'responsibilities', 'achievements'],
  start: ['start', 'start_date', 'startDate', 'started_on', 'startedOn', 'starts_at', 'startsAt', 'from', 'date_from', 'dateFrom', 'start_year', 'startYear'],
  end: ['end', 'end_date', 'endDate', 'ended_on', 'endedOn', 'ends_at', 'endsAt', 'to', 'date_to', 'dateTo', 'end_year', 'endYear', 'graduation_year', 'graduationYear', 'year'],
  period: ['timePeriod', 'time_period', 'dateRange', 'date_range', 'period', 'dates', 'duration'],
  current: ['is_current', 'isCurrent', 'current', 'currently_working', 'currentlyWorking'],
  degree: ['degree', 'degree_name', 'degreeName', 'qualification', 'diploma'],
  school: ['school', 'schoolName', 'school_name', 'institution', 'university', 'college', 'name'],
  field: ['field', 'field_of_study', 'fieldOfStudy', 'fieldsOfStudy', 'fields_of_study', 'major', 'area', 'subject', 'discipline'],
} as const;

const emptyText = /^(null|none|n\/a|undefined|-|—)$/i;

/** Text from a string or number; a `{name}` object gives its name; anything else is null. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' || emptyText.test(trimmed) ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return text(record.name ?? record.title ?? record.value ?? record.localizedName ?? null);
  }
  return null;
}

/** A location string from a string, or from `{city, region/state, country}` / `{name}` objects. */
export function locationText(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const named = text(record.name ?? record.default ?? record.full ?? null);
    if (named !== null) return named;
    const parts = ['city', 'region', 'state', 'country'].map((key) => text(record[key])).filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return text(value);
}

/** A plain object (not an array, not null), or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Reads the first alias with a usable value, marking every alias it looked at as used. */
export class FieldReader {
  readonly used = new Set<string>();
  constructor(readonly record: Record<string, unknown>) {}

  raw(names: readonly string[], usable: (value: unknown) => boolean = (value) => value !== null && value !== undefined): unknown {
    let found: unknown;
    for (const name of names) {
      if (!(name in this.record)) continue;
      const value = this.record[name];
      if (found === undefined && usable(value)) {
        found = value;
        this.used.add(name);
      } else if (value === null || value === undefined || value === '') {
        this.used.add(name);
      }
    }
    return found;
  }

  text(names: readonly string[]): string | null {
    return text(this.raw(names, (value) => text(value) !== null));
  }

  /** What no reader asked for, kept as it was. */
  leftovers(): Record<string, unknown> {
    const left: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.record)) if (!this.used.has(key)) left[key] = value;
    return left;
  }
}
