import { formatTimestamp, type ReportFact } from '../../report/content';
import type { KitDetail, KitQuestion } from '../schema';

/**
 * What a kit export says, as plain text before it is typeset: HTML, Markdown and PDF all render
 * this, so they cannot drift apart. It holds the kit (gaps, questions, probes, rating scales) and
 * whatever the interviewer filled in.
 */

export interface KitReportQuestion {
  heading: string;
  question: string | null;
  probes: ReadonlyArray<{ label: string; text: string }>;
  rubric: ReadonlyArray<{ score: number; anchor: string }>;
  strongSigns: readonly string[];
  gap: string;
  provenance: string;
  notice: string | null;
  rating: string;
  notes: string | null;
}

export interface KitReportContent {
  title: string;
  facts: ReportFact[];
  ratingsSummary: string;
  questions: KitReportQuestion[];
  footer: string;
}

const priorityWords = { critical: 'critical', important: 'important', 'nice-to-have': 'nice to have' } as const;

function provenanceOf(question: KitQuestion): string {
  if (question.status !== 'done') return 'Not written yet';
  if (question.source === 'bank') return `From the bundled question bank (${question.template?.id ?? 'kit-bank'} v${question.template?.version ?? '?'})`;
  const quality = question.quality === null ? 'not scored' : `quality ${question.quality.score.toFixed(2)}`;
  const refined = question.refinements === 0 ? 'no refinement' : `${question.refinements} ${question.refinements === 1 ? 'refinement' : 'refinements'}`;
  return `Written by the model ${question.model ?? 'unknown'} (${question.template?.id ?? '?'} v${question.template?.version ?? '?'}); ${quality}, ${refined}`;
}

function ratingOf(question: KitQuestion): string {
  if (question.rating === null) return 'Not rated';
  return `${question.rating} / 5${question.ratedBy === null ? '' : ` by ${question.ratedBy}`}${question.ratedAt === null ? '' : `, ${formatTimestamp(question.ratedAt)}`}`;
}

function questionOf(question: KitQuestion, gapRationale: string): KitReportQuestion {
  const content = question.content;
  return {
    heading: `${question.seq}. ${question.skill} (${priorityWords[question.priority]})`,
    question: content?.question ?? null,
    probes: content === null ? [] : [
      { label: 'Situation', text: content.probes.situation },
      { label: 'Task', text: content.probes.task },
      { label: 'Action', text: content.probes.action },
      { label: 'Result', text: content.probes.result },
    ],
    rubric: content?.rubric.map((anchor, index) => ({ score: index + 1, anchor })) ?? [],
    strongSigns: content?.strongSigns ?? [],
    gap: gapRationale,
    provenance: provenanceOf(question),
    notice: question.notice,
    rating: ratingOf(question),
    notes: question.notes.trim() === '' ? null : question.notes,
  };
}

function ratingsSummary(questions: readonly KitQuestion[]): string {
  const rated = questions.filter((question) => question.rating !== null);
  if (rated.length === 0) return `No question rated yet (${questions.length} in the kit).`;
  const mean = rated.reduce((sum, question) => sum + (question.rating ?? 0), 0) / rated.length;
  return `${rated.length} of ${questions.length} questions rated; mean rating ${mean.toFixed(1)} / 5.`;
}

export function kitReportContent(kit: KitDetail, options: { generatedAt: Date }): KitReportContent {
  const analysis = kit.gapAnalysis;
  const method = analysis === null ? 'Not analysed yet' : analysis.method === 'llm' ? `The model ${analysis.model ?? 'unknown'}` : 'The heuristic (no model)';
  const sources = new Set(kit.questions.map((question) => question.source).filter((source) => source !== null));
  return {
    title: `Interview kit: ${kit.title}`,
    facts: [
      { label: 'CV', value: kit.cv.name },
      { label: 'Job description', value: kit.jd.name },
      { label: 'Language', value: kit.language },
      { label: 'Status', value: kit.status },
      { label: 'Gaps found by', value: method },
      { label: 'Questions from', value: sources.size === 0 ? 'None yet' : [...sources].map((source) => (source === 'llm' ? 'the model' : 'the bundled bank')).join(' and ') },
      { label: 'Created', value: formatTimestamp(kit.createdAt) },
      { label: 'Kept until', value: formatTimestamp(kit.expiresAt) },
    ],
    ratingsSummary: ratingsSummary(kit.questions),
    questions: kit.questions.map((question) => questionOf(question, kit.gapList.find((gap) => gap.seq === question.seq)?.rationale ?? '')),
    footer: `Generated ${formatTimestamp(options.generatedAt)} by Talent Workstation. Kit ${kit.id}.`,
  };
}
