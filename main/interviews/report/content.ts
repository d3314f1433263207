import { reasonTitles, type Analysis, type InterviewDetail, type ReasonId, type Sentiment, type Turn } from '../schema';

/**
 * What an interview report says, as plain text, before it is typeset: the HTML and the PDF both
 * render this, so they cannot drift apart. An anonymous interview's content never holds the
 * employee's name or id, whatever the stored set-up carries.
 */

export interface ReportFact {
  label: string;
  value: string;
}

/** One AI label: the value that counts, how it was made, and the suggestion when the analyst changed it. */
export interface ReportLabel {
  name: string;
  value: string;
  /** Extra words that belong with the value (why the regretted flag was suggested). */
  detail: string | null;
  provenance: string;
  /** "Corrected by the analyst …, suggested: …", or null when the value is the suggestion. */
  correction: string | null;
  note: string | null;
}

export interface ReportTheme {
  title: string;
  reason: string;
  quotes: ReadonlyArray<{ seq: number; text: string }>;
}

export interface ReportAnalysis {
  labels: ReportLabel[];
  summary: ReportLabel;
  themes: ReportTheme[];
  madeWith: string;
}

export interface ReportTurn {
  seq: number;
  speaker: 'Interviewer' | 'Employee';
  area: string | null;
  text: string;
  /** Interviewer turns: whether the model wrote it or the scripted guide. */
  origin: string | null;
  /** Employee answers: their sentiment, when the analysis has it. */
  sentiment: string | null;
}

export interface ReportContent {
  title: string;
  facts: ReportFact[];
  analysis: ReportAnalysis | null;
  transcript: ReportTurn[];
  footer: string;
}

const notRecorded = 'Not recorded';

/** "2026-11-30 14:05 UTC": one unambiguous form, whatever the reader's locale. */
export function formatTimestamp(value: string | Date | null): string {
  if (value === null) return notRecorded;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatTenure(months: number | null): string {
  if (months === null) return notRecorded;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const part = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (years === 0) return part(rest, 'month');
  return rest === 0 ? part(years, 'year') : `${part(years, 'year')} ${part(rest, 'month')}`;
}

export const formatSentiment = (sentiment: Sentiment): string => `${sentiment.label} (${sentiment.score >= 0 ? '+' : ''}${sentiment.score.toFixed(2)})`;

const formatReason = (reason: ReasonId | null): string => (reason === null ? 'None' : reasonTitles[reason]);
const formatYesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** Whether the employee may be named in this report. */
export const employeeNameOf = (detail: InterviewDetail): string | null => (detail.setup.anonymous ? null : detail.setup.employeeName);

function provenanceOf(method: Analysis['method'], analysis: Analysis): string {
  if (method === 'lexicon') return 'lexicon fallback';
  return `model ${analysis.model ?? 'unknown'}, template ${analysis.template.id} v${analysis.template.version}`;
}

interface Labelled<T> {
  value: T;
  suggested: T;
  method: Analysis['method'];
  correctedAt: string | null;
  note: string | null;
}

function labelOf<T>(name: string, label: Labelled<T>, analysis: Analysis, format: (value: T) => string, detail: string | null = null): ReportLabel {
  const correction = label.correctedAt === null ? null : `Corrected by the analyst on ${formatTimestamp(label.correctedAt)}; suggested: ${format(label.suggested)}`;
  return { name, value: format(label.value), detail, provenance: provenanceOf(label.method, analysis), correction, note: label.note };
}

function analysisOf(analysis: Analysis): ReportAnalysis {
  return {
    labels: [
      labelOf('Primary reason', analysis.primaryReason, analysis, formatReason),
      labelOf('Secondary reason', analysis.secondaryReason, analysis, formatReason),
      labelOf('Overall sentiment', analysis.overall, analysis, formatSentiment),
      labelOf('Regretted loss', analysis.regretted, analysis, formatYesNo, analysis.regrettedBasis),
    ],
    summary: labelOf('Summary', analysis.summary, analysis, (text) => text),
    themes: analysis.themes.map((theme) => ({ title: theme.label, reason: reasonTitles[theme.reason], quotes: theme.quotes })),
    madeWith: `Analysed ${formatTimestamp(analysis.createdAt)} with the ${provenanceOf(analysis.method, analysis)}`,
  };
}

function turnOf(turn: Turn, analysis: Analysis | null): ReportTurn {
  const area = turn.area === null ? null : reasonTitles[turn.area];
  if (turn.role === 'interviewer') {
    const origin = turn.source === 'llm' ? `Asked by the model${turn.model === null ? '' : ` ${turn.model}`}` : 'From the scripted guide';
    return { seq: turn.seq, speaker: 'Interviewer', area, text: turn.text, origin, sentiment: null };
  }
  const label = analysis?.answers.find((answer) => answer.seq === turn.seq)?.sentiment;
  const sentiment =
    label === undefined ? null : `${formatSentiment(label.value)}${label.correctedAt === null ? '' : `, corrected by the analyst (suggested: ${formatSentiment(label.suggested)})`}`;
  return { seq: turn.seq, speaker: 'Employee', area, text: turn.text, origin: null, sentiment };
}

function factsOf(detail: InterviewDetail, guideTitle: string | undefined): ReportFact[] {
  const { setup } = detail;
  const who: ReportFact[] = setup.anonymous
    ? [{ label: 'Employee', value: 'Anonymous' }]
    : [
        { label: 'Employee', value: setup.employeeName ?? notRecorded },
        { label: 'Employee id', value: setup.employeeRef ?? notRecorded },
      ];
  return [
    ...who,
    { label: 'Department', value: setup.department ?? notRecorded },
    { label: 'Role', value: setup.role ?? notRecorded },
    { label: 'Tenure', value: formatTenure(setup.tenureMonths) },
    { label: 'Manager', value: setup.manager ?? notRecorded },
    { label: 'Leaving', value: setup.voluntary ? 'Voluntary' : 'Not voluntary' },
    { label: 'Leaving date', value: setup.leavingDate ?? notRecorded },
    { label: 'Status', value: detail.status },
    { label: 'Set up', value: formatTimestamp(detail.createdAt) },
    { label: 'Started', value: formatTimestamp(detail.startedAt) },
    { label: 'Ended', value: formatTimestamp(detail.endedAt) },
    { label: 'Guide', value: `${guideTitle ?? 'Exit interview guide'}, version ${detail.guideVersion}` },
  ];
}

export function reportContentOf(detail: InterviewDetail, options: { generatedAt: Date; guideTitle?: string }): ReportContent {
  return {
    title: `Exit interview: ${employeeNameOf(detail) ?? 'Anonymous'}`,
    facts: factsOf(detail, options.guideTitle),
    analysis: detail.analysis === null ? null : analysisOf(detail.analysis),
    transcript: detail.turns.map((turn) => turnOf(turn, detail.analysis)),
    footer: `Generated ${formatTimestamp(options.generatedAt)} by Talent Workstation. Interview ${detail.id}.`,
  };
}
