import type { Analysis, InterviewStatus, InterviewSummary, ReasonId, Sentiment, SentimentLabel } from '../../../../main/interviews/schema';
import { reasonTitles } from '../../../../main/interviews/schema';

export type Tone = 'active' | 'good' | 'warn' | 'bad' | 'idle';

/** Interview statuses in the analyst's words, with a colour that says whether anything is owed. */
export const statusLooks: Record<InterviewStatus, { label: string; tone: Tone }> = {
  ready: { label: 'Ready to hand over', tone: 'idle' },
  'in-progress': { label: 'In progress', tone: 'active' },
  paused: { label: 'Paused', tone: 'warn' },
  completed: { label: 'Completed', tone: 'good' },
  ended: { label: 'Ended early', tone: 'good' },
};

/** Completed or ended: the conversation takes no more answers. */
export const isFinished = (status: InterviewStatus): boolean => status === 'completed' || status === 'ended';

export const reasonTitle = (reason: ReasonId | null): string => (reason === null ? 'None' : reasonTitles[reason]);

export const sentimentTitles: Record<SentimentLabel, string> = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' };

const signed = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/** −1..1 as "+0.32"; the sign says more than a percentage would here. */
export const formatScore = (score: number): string => signed.format(score);

export const sentimentText = (sentiment: Sentiment): string => `${sentimentTitles[sentiment.label]} (${formatScore(sentiment.score)})`;

/** 30 → "2 years 6 months"; null when tenure was not given. */
export function tenureText(months: number | null): string | null {
  if (months === null) return null;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [years > 0 ? `${years} ${years === 1 ? 'year' : 'years'}` : null, rest > 0 || years === 0 ? `${rest} ${rest === 1 ? 'month' : 'months'}` : null];
  return parts.filter(Boolean).join(' ');
}

/** Who the interview is with, as the list and the heading show it; anonymous interviews never name anyone. */
export function nameOf(interview: InterviewSummary): string {
  if (interview.setup.anonymous) return 'Anonymous employee';
  return interview.setup.employeeName ?? interview.setup.employeeRef ?? 'Unnamed employee';
}

/** "Sales · Account executive", or null when neither is known. */
export function placeOf(interview: InterviewSummary): string | null {
  const parts = [interview.setup.department, interview.setup.role].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}

type LabelMethod = Analysis['primaryReason']['method'];

/**
 * How an AI label was made, in words: the model and the prompt's id and version when the local
 * model wrote it, or the lexicon when it was away. Shown beside every label so the analyst can judge it.
 */
export function provenanceOf(analysis: Analysis, method: LabelMethod): string {
  if (method === 'lexicon') return 'lexicon';
  return `${analysis.model ?? 'local model'} · ${analysis.template.id} v${analysis.template.version}`;
}

/** The answer count as a phrase. */
export const answersText = (count: number): string => (count === 1 ? '1 answer' : `${count} answers`);

/** Local calendar date as YYYY-MM-DD (the contract's date format), not the UTC one. */
export function isoDay(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The default report period: the twelve months up to today. */
export function lastTwelveMonths(today: Date = new Date()): { from: string; to: string } {
  const from = new Date(today);
  from.setFullYear(today.getFullYear() - 1);
  return { from: isoDay(from), to: isoDay(today) };
}

/** "2026-03" → "Mar 2026". */
export function monthTitle(month: string): string {
  const date = new Date(`${month}-01T00:00:00`);
  return Number.isNaN(date.getTime()) ? month : date.toLocaleDateString(undefined, { month: 'short', year: 'numeric' });
}
