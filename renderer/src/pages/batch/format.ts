import type { z } from 'zod';
import type { BatchStatus, BatchSummary, ItemCounts } from '../../../../main/batch/schema';
import type { IngestFormat, CsvTarget } from '../../../../main/batch/ingest/types';
import type { ingestProblemSchema } from '../../../../main/batch/schema';
import { formatInteger } from '../../lib/format';

export type IngestProblem = z.output<typeof ingestProblemSchema>;
export type ItemState = 'pending' | 'running' | 'done' | 'failed';
export type Tone = 'active' | 'good' | 'warn' | 'bad' | 'idle';

const dash = '—';
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

interface StatusLook {
  label: string;
  tone: Tone;
}

/** OpenAI's statuses in the analyst's words, with a colour that says whether anything is wrong. */
export const statusLooks: Record<BatchStatus, StatusLook> = {
  validating: { label: 'Reading the file', tone: 'active' },
  in_progress: { label: 'Running', tone: 'active' },
  paused: { label: 'Paused', tone: 'warn' },
  finalizing: { label: 'Finishing', tone: 'active' },
  completed: { label: 'Completed', tone: 'good' },
  failed: { label: 'Failed', tone: 'bad' },
  expired: { label: 'Expired', tone: 'idle' },
  cancelling: { label: 'Cancelling', tone: 'idle' },
  cancelled: { label: 'Cancelled', tone: 'idle' },
};

/** Statuses in which items may still run: the monitor follows rates and VRAM only then. */
export const isLive = (status: BatchStatus): boolean => ['validating', 'in_progress', 'paused', 'finalizing', 'cancelling'].includes(status);

/** Statuses after which nothing more will run: the output files are final. */
export const isFinished = (status: BatchStatus): boolean => ['completed', 'failed', 'expired', 'cancelled'].includes(status);

export const formatLabels: Record<IngestFormat, string> = {
  'openai-jsonl': 'OpenAI batch requests (JSONL)',
  'candidates-json': 'Candidate profiles (JSON array)',
  'candidates-jsonl': 'Candidate profiles (JSON lines)',
  'candidates-csv': 'Candidate profiles (CSV)',
};

export const stateLabels: Record<ItemState, string> = {
  pending: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
};

export const stateTones: Record<ItemState, Tone> = {
  pending: 'idle',
  running: 'active',
  done: 'good',
  failed: 'bad',
};

/** Where a CSV column can go, in the words of an applicant tracking system's export. */
export const targetLabels: Record<CsvTarget, string> = {
  id: 'Candidate id',
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  headline: 'Headline',
  title: 'Current title',
  company: 'Current company',
  location: 'Location',
  skills: 'Skills',
  experience: 'Work history',
  education: 'Education',
  degree: 'Degree',
  school: 'School',
  field: 'Field of study',
  email: 'Email',
  phone: 'Phone',
  linkedin: 'LinkedIn',
  extra: 'Keep as an extra field',
  ignore: 'Leave out',
};

/** Targets that several columns may feed (joined in order); every other target takes one column. */
export const multiColumnTargets: ReadonlySet<CsvTarget> = new Set(['location', 'skills', 'experience', 'education', 'extra', 'ignore']);

const recommendationLabels: Record<string, string> = {
  strong_yes: 'Strong yes',
  yes: 'Yes',
  maybe: 'Maybe',
  no: 'No',
};

/** The order recommendations are listed in, strongest first. */
export const recommendationOrder = ['strong_yes', 'yes', 'maybe', 'no'] as const;

/** "strong_yes" → "Strong yes"; an unknown value as written, underscores as spaces. */
export const recommendationLabel = (value: string): string => recommendationLabels[value] ?? value.replace(/_/g, ' ');

/** Priorities offered as words; the contract takes any integer from -100 to 100. */
export const priorityOptions: readonly { value: number; label: string }[] = [
  { value: 50, label: 'Highest' },
  { value: 10, label: 'High' },
  { value: 0, label: 'Normal' },
  { value: -10, label: 'Low' },
  { value: -50, label: 'Lowest' },
];

export const priorityLabel = (value: number): string => priorityOptions.find((option) => option.value === value)?.label ?? `Custom (${value})`;

const kib = 1024;
const mib = 1024 * 1024;

/** File sizes as a file manager shows them: "204 KB", "40.1 MB", "1.8 GB" (binary units, as the Models page counts). */
export function formatFileSize(bytes: number): string {
  if (bytes < kib) return `${formatInteger(bytes)} bytes`;
  if (bytes < mib) return `${formatInteger(Math.max(1, Math.round(bytes / kib)))} KB`;
  if (bytes < 1024 * mib) return `${oneDecimal.format(bytes / mib)} MB`;
  return `${oneDecimal.format(bytes / (1024 * mib))} GB`;
}

export const remainingOf = (counts: ItemCounts): number => counts.pending + counts.running;

export const finishedOf = (counts: ItemCounts): number => counts.done + counts.failed;


/** Requests or tokens per second: one decimal below 100, whole numbers above. */
export const formatPerSecond = (value: number): string => (value >= 100 ? formatInteger(value) : oneDecimal.format(value));

/**
 * Time left as a person would say it: "about 4 min", "about 1 h 20 min". Estimates are rough, so
 * they are rounded, and a batch that has not finished an item yet has none.
 */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'working it out…';
  const s = Math.max(0, Math.round(seconds));
  if (s === 0) return dash;
  if (s < 15) return 'a few seconds';
  if (s < 60) return `about ${Math.round(s / 10) * 10} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}

export const formatLatency = (ms: number | null): string => (ms === null ? dash : ms >= 10_000 ? `${oneDecimal.format(ms / 1000)} s` : `${formatInteger(ms)} ms`);

/** "cands.csv:188 [field]": where a problem is, as editors and compilers write it. */
export function problemPlace(problem: IngestProblem): string {
  const file = problem.file === '' ? '' : problem.file;
  let place = file;
  if (problem.line > 0) {
    place += problem.fileLine !== undefined && problem.fileLine !== problem.line ? `:${problem.fileLine} (record ${problem.line})` : `:${problem.line}`;
  }
  return place;
}

/** A problem with the whole file, as a sentence: "people.json: the file is empty…". */
export function wholeFileProblem(problem: IngestProblem): string {
  const place = problemPlace(problem);
  // The reader's messages often name the file themselves ("people.json is empty: …").
  if (place === '' || (problem.line === 0 && problem.message.startsWith(`${problem.file} `))) return problem.message;
  return `${place}: ${problem.message}`;
}

/** "24 of 30 done · 1 failed". */
export function countsText(counts: ItemCounts): string {
  const parts = [`${formatInteger(counts.done)} of ${formatInteger(counts.total)} done`];
  if (counts.failed > 0) parts.push(`${formatInteger(counts.failed)} failed`);
  return parts.join(' · ');
}

/** The file name without its extension, for names of exported files. */
export const baseName = (batch: Pick<BatchSummary, 'sourceName' | 'id'>): string => {
  const name = batch.sourceName.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-');
  return name === '' ? batch.id : name;
};
