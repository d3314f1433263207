import type { Draft, GapAnalysis, GapPriority, KitQuestion, KitSummary } from '../../../../../main/interviews/kits/schema';
import type { Tone } from '../format';

/**
 * Where a kit stands for the interviewer: being written now, ready, stopped by them, or cut off
 * (a restart or a failure) and waiting to be resumed. The stored status alone cannot say the last:
 * a 'generating' kit whose generation is not running in the core was interrupted.
 */
export type KitPhase = 'gaps' | 'questions' | 'ready' | 'cancelled' | 'interrupted';

export function phaseOf(kit: Pick<KitSummary, 'status' | 'active' | 'gaps'>): KitPhase {
  // Ready first: the core may still hold the finished job for a moment after saying so.
  if (kit.status === 'ready') return 'ready';
  if (kit.active) return kit.gaps === 0 && kit.status !== 'generating' ? 'gaps' : 'questions';
  return kit.status === 'cancelled' ? 'cancelled' : 'interrupted';
}

export const phaseLooks: Record<KitPhase, { label: string; tone: Tone }> = {
  gaps: { label: 'Finding gaps', tone: 'active' },
  questions: { label: 'Writing questions', tone: 'active' },
  ready: { label: 'Ready', tone: 'good' },
  cancelled: { label: 'Stopped', tone: 'warn' },
  interrupted: { label: 'Interrupted', tone: 'warn' },
};

/** Critical gaps are the ones to probe first; the colour follows, the word carries the meaning. */
export const priorityLooks: Record<GapPriority, { label: string; tone: Tone }> = {
  critical: { label: 'Critical', tone: 'bad' },
  important: { label: 'Important', tone: 'warn' },
  'nice-to-have': { label: 'Nice to have', tone: 'idle' },
};

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** "7 gaps · 5 of 7 questions · 1 rated", as the list and the kit's facts show it. */
export function countsText(kit: Pick<KitSummary, 'gaps' | 'questionsDone' | 'rated'>): string {
  const parts = [plural(kit.gaps, 'gap', 'gaps'), kit.questionsDone === kit.gaps ? plural(kit.gaps, 'question', 'questions') : `${kit.questionsDone} of ${kit.gaps} questions`];
  if (kit.rated > 0) parts.push(`${kit.rated} rated`);
  return parts.join(' · ');
}

/** "6 Jan 2027": a kit is deleted after this day, so the day is what the interviewer needs. */
export function dayText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

const twoDecimals = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Quality scores are 0–1 with two meaningful decimals. */
export const scoreText = (score: number): string => twoDecimals.format(score);

/** How a question was made, in words: the model and its prompt's version, or the bundled bank. */
export function madeByText(question: Pick<KitQuestion, 'source' | 'model' | 'template' | 'refinements'>): string {
  const template = question.template === null ? null : `${question.template.id} v${question.template.version}`;
  if (question.source === 'bank') return ['From the question bank (no model)', template].filter(Boolean).join(' · ');
  const refined = question.refinements === 0 ? 'not refined' : plural(question.refinements, 'refinement', 'refinements');
  return [`Written by ${question.model ?? 'the local model'}`, template, refined].filter(Boolean).join(' · ');
}

/** How the gaps were found, with why the heuristic was used when the model was asked first. */
export function gapMethodText(analysis: GapAnalysis): string {
  const how = analysis.method === 'llm' ? `Found by ${analysis.model ?? 'the local model'}` : 'Found by the heuristic (terms of the job description looked up in the CV)';
  const templates = analysis.templates.map((template) => `${template.id} v${template.version}`).join(', ');
  return `${how}${templates === '' ? '' : ` · ${templates}`}.${analysis.note === null ? '' : ` ${analysis.note}`}`;
}

export const draftKindLabels: Record<Draft['kind'], string> = { draft: 'First draft', refinement: 'Refinement', bank: 'From the bank' };

export const starSteps = [
  ['situation', 'Situation'],
  ['task', 'Task'],
  ['action', 'Action'],
  ['result', 'Result'],
] as const;

/** Where the interviewer's own values live in this browser: nothing personal goes to the core but `by`. */
export const storageKeys = { interviewer: 'tw.kits.interviewer' } as const;

/** File sizes as people read them: "812 bytes", "14 KB", "2.3 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Time left as a person would say it; estimates are rough, so they are rounded. */
export function etaText(seconds: number | null): string {
  if (seconds === null) return 'working out the time left…';
  const s = Math.round(seconds);
  if (s < 15) return 'a few seconds left';
  if (s < 60) return `about ${Math.round(s / 5) * 5} s left`;
  return `about ${Math.round(s / 60)} min left`;
}
