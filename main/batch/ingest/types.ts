import { z } from 'zod';
import type { BatchRequestBody } from './request-schema';

/**
 * What a dropped file holds, decided by its first bytes (the extension only has to agree):
 * OpenAI batch request lines, or candidate profiles as a JSON array, JSONL, or CSV with a header.
 */
export const ingestFormats = ['openai-jsonl', 'candidates-json', 'candidates-jsonl', 'candidates-csv'] as const;
export type IngestFormat = (typeof ingestFormats)[number];

/** One kind per way a person fixes the file; the analysis page groups problems by it. */
export type IngestProblemCode =
  | 'unreadable'
  | 'empty-file'
  | 'binary-file'
  | 'wrong-encoding'
  | 'wrong-format'
  | 'malformed-json'
  | 'malformed-csv'
  | 'not-utf8'
  | 'binary-data'
  | 'too-large'
  | 'too-deep'
  | 'invalid-request'
  | 'unsupported-url'
  | 'missing-field'
  | 'duplicate-id'
  | 'not-an-object'
  | 'no-profile-data'
  | 'column-count';

/**
 * A problem with the file or with one record of it. `line` is the file's own 1-based line for
 * JSONL and CSV (a CSV row is counted by the line it starts on, so the first data row under a
 * header is 2), the element's index + 1 for a JSON array (with `fileLine`, the line the element
 * starts on), and 0 when the problem is about the file as a whole and no line is to blame.
 * `error`: the record was skipped; `warning`: the record still came out, as the message says.
 */
export interface IngestProblem {
  file: string;
  line: number;
  fileLine?: number;
  column?: number;
  /** Dotted path of the offending field (`custom_id`, `url`, `body.model`, `experience`). */
  field?: string;
  code: IngestProblemCode;
  severity: 'error' | 'warning';
  message: string;
}

export const batchUrls = ['/v1/chat/completions', '/v1/embeddings'] as const;
export type BatchUrl = (typeof batchUrls)[number];

/** One valid line of an OpenAI batch input file; unknown body fields are passed through. */
export interface BatchRequestRecord {
  line: number;
  customId: string;
  url: BatchUrl;
  body: BatchRequestBody;
}

export interface ExperienceEntry {
  title: string | null;
  company: string | null;
  /** `YYYY` or `YYYY-MM` when recognised, otherwise the text as written; null when unknown. */
  start: string | null;
  /** As `start`; null also when the role is current ("Present"). */
  end: string | null;
  description: string | null;
}

export interface EducationEntry {
  degree: string | null;
  school: string | null;
  field: string | null;
  start: string | null;
  end: string | null;
}

/**
 * A candidate profile as every reader hands it on, whatever shape the source had. The accepted
 * input shapes are listed in PROFILE.md next to this file; in short:
 * - wrappers `gemData`, `profile`, `data`, `candidate` (and a few more) are unwrapped, outer
 *   fields winning over inner ones when both are set;
 * - alternative names are read: `full_name` or `first_name` + `last_name`; `title`,
 *   `current_title`, `position`; `company`, `current_company`, `employer`; `work_history`,
 *   `experience`, `positions`, `jobs`; `education`, `schools`; skills as an array or a comma string;
 * - dates as `YYYY`, `YYYY-MM`, `{year, month}`, `Mon YYYY` and ISO strings become `YYYY` or `YYYY-MM`;
 * - every field may be null; fields the reader does not know are kept, unchanged, in `extra`.
 * The current title and company fall back to the work-history entry without an end date.
 */
export interface CandidateProfile {
  sourceId: string | null;
  name: string | null;
  headline: string | null;
  currentTitle: string | null;
  currentCompany: string | null;
  location: string | null;
  experience: ExperienceEntry[];
  education: EducationEntry[];
  skills: string[];
  extra: Record<string, unknown>;
}

export interface CandidateRecord {
  /** As `IngestProblem.line`: JSONL/CSV line, or JSON array element index + 1. */
  line: number;
  fileLine?: number;
  /** The profile's own id when present and unique in the file, else `row-<line>`. */
  customId: string;
  profile: CandidateProfile;
}

/** Counted while streaming; `sha256` and `bytes` cover the whole file even after a file problem. */
export interface IngestSummary {
  file: string;
  format: IngestFormat | null;
  sha256: string;
  bytes: number;
  lines: number;
  /** Requests or candidates that came out. */
  records: number;
  problems: number;
  /** True when a problem with the whole file stopped the reading. */
  fatal: boolean;
}

export type IngestRecord =
  | ({ kind: 'request' } & BatchRequestRecord)
  | ({ kind: 'candidate' } & CandidateRecord)
  | { kind: 'problem'; problem: IngestProblem }
  | ({ kind: 'end' } & IngestSummary);

/** Where a CSV column goes. `extra` keeps it under its header; `ignore` drops it. */
export const csvTargets = [
  'id',
  'name',
  'firstName',
  'lastName',
  'headline',
  'title',
  'company',
  'location',
  'skills',
  'experience',
  'education',
  'degree',
  'school',
  'field',
  'email',
  'phone',
  'linkedin',
  'extra',
  'ignore',
] as const;
export type CsvTarget = (typeof csvTargets)[number];

/**
 * The analyst's confirmed mapping, header text → target. Headers it does not name go to `extra`.
 * Several columns may feed `location`, `skills`, `experience` and `education` (joined in order);
 * `degree`, `school` and `field` columns make one education entry.
 */
export const csvMappingSchema = z.object({
  columns: z.record(z.string(), z.enum(csvTargets)),
});
export type CsvMapping = z.output<typeof csvMappingSchema>;

export const defaultMaxLineBytes = 8 * 1024 * 1024;
export const defaultMaxDepth = 128;

/** The options that may come through a door (IPC, HTTP, CLI), checked there. */
export const ingestOptionsSchema = z.strictObject({
  format: z.enum(ingestFormats).optional(),
  csvMapping: csvMappingSchema.optional(),
  endpoint: z.enum(batchUrls).optional(),
  maxLineBytes: z.number().int().min(1024).max(256 * 1024 * 1024).optional(),
  maxDepth: z.number().int().min(2).max(1000).optional(),
  fileLabel: z.string().min(1).max(1000).optional(),
});

export interface IngestOptions {
  /** Skip detection: the analyst confirmed the format. Encoding checks still run. */
  format?: IngestFormat;
  /** For CSV; without one, `suggestCsvMapping` of the header is used. */
  csvMapping?: CsvMapping;
  /** Only requests for this endpoint are accepted (an OpenAI batch names one endpoint). */
  endpoint?: BatchUrl;
  /** Largest line (JSONL), element (JSON array) or row (CSV); larger ones are skipped unread. */
  maxLineBytes?: number;
  /** Deepest nesting of arrays and objects in one record. */
  maxDepth?: number;
  /** The name problems give the file (an upload's original name); default: the path's basename. */
  fileLabel?: string;
  signal?: AbortSignal;
}
