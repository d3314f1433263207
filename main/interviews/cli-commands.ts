import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../api/errors';
import type { CommandSpec } from '../cli/commands';
import { reasonTitles, type Aggregate, type Analysis, type InterviewSummary, type ReportFile } from './schema';

const pad = (text: string, width: number): string => (text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

function idArgument(words: string[], usage: string): string {
  const [id] = words;
  if (id === undefined) throw new ApiError('invalid_input', `Name the interview: ${usage}`);
  return id;
}

/** Writes a report file where --out says, through a .part file renamed when whole: a crash leaves no half report under the real name. */
export function writeReportFile(file: ReportFile, out: string | undefined): string {
  const path = resolve(out ?? file.fileName);
  const part = `${path}.part`;
  writeFileSync(part, Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8'));
  renameSync(part, path);
  return `Wrote ${path}`;
}

function formatList(value: unknown): string {
  const { total, items } = value as { total: number; items: InterviewSummary[] };
  const lines = items.map((item) => {
    const who = item.setup.anonymous ? 'anonymous' : (item.setup.employeeName ?? item.setup.employeeRef ?? '—');
    const reason = item.primaryReason === null ? '' : reasonTitles[item.primaryReason];
    return `${item.id.slice(0, 8)}  ${pad(item.status, 11)} ${pad(who, 24)} ${pad(item.setup.department ?? '—', 16)} ${String(item.answers).padStart(3)} answers  ${reason}`;
  });
  return [...lines, `${items.length} of ${total} interviews`].join('\n');
}

function formatAnalysis(value: unknown): string {
  const analysis = value as Analysis;
  const how = analysis.method === 'llm' ? `${analysis.model} · ${analysis.template.id} v${analysis.template.version}` : 'lexicon (no model)';
  return [
    `Primary reason:   ${reasonTitles[analysis.primaryReason.value]}`,
    `Secondary reason: ${analysis.secondaryReason.value === null ? '—' : reasonTitles[analysis.secondaryReason.value]}`,
    `Overall:          ${analysis.overall.value.label} (${analysis.overall.value.score.toFixed(2)})`,
    `Regretted:        ${analysis.regretted.value ? 'yes' : 'no'} — ${analysis.regrettedBasis}`,
    `Summary:          ${analysis.summary.value}`,
    `Made by:          ${how}`,
  ].join('\n');
}

function formatAggregate(value: unknown): string {
  const aggregate = value as Aggregate;
  const head = `${aggregate.interviews} analysed interviews from ${aggregate.from} to ${aggregate.to} (${aggregate.notAnalysed} not analysed yet)`;
  if (aggregate.suppressed) return `${head}\nFewer than ${aggregate.minGroupSize}: nothing more is shown, so no one can be identified.`;
  const lines = [head, 'Primary reasons:'];
  for (const group of aggregate.reasons.groups) lines.push(`  ${pad(reasonTitles[group.key as keyof typeof reasonTitles] ?? group.key, 26)} ${group.count}`);
  for (const [title, breakdown] of [['Departments', aggregate.departments], ['Tenure', aggregate.tenureBands], ['Managers', aggregate.managers]] as const) {
    lines.push(`${title}:`);
    for (const group of breakdown.groups) lines.push(`  ${pad(group.key, 26)} ${String(group.count).padStart(4)}  sentiment ${group.averageSentiment?.toFixed(2) ?? '—'}`);
    if (breakdown.hiddenGroups > 0) lines.push(`  (${breakdown.hiddenGroups} groups under ${aggregate.minGroupSize}, ${breakdown.hiddenInterviews} interviews, hidden)`);
  }
  return lines.join('\n');
}

function periodOf(words: string[], flags: { from?: string; to?: string; min?: string }): { from: string; to: string; minGroupSize?: number } {
  const to = flags.to ?? new Date().toISOString().slice(0, 10);
  const from = flags.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  if (words.length > 0) throw new ApiError('invalid_input', `Unexpected "${words[0]}": give the period with --from and --to`);
  return { from, to, ...(flags.min === undefined ? {} : { minGroupSize: Number(flags.min) }) };
}

export const interviewCommands: Record<string, CommandSpec> = {
  'interviews:list': {
    usage: 'interviews list [--json]',
    summary: 'Exit interviews, newest first',
    build: () => ({ method: 'interviews.list', input: { limit: 500 }, format: formatList }),
  },
  'interviews:analyse': {
    usage: 'interviews analyse ID [--json]',
    summary: 'Analyse an interview (the local model, or the lexicon when it is away) and print the labels',
    build: (words) => ({ method: 'interviews.analyse', input: { id: idArgument(words, 'interviews analyse ID') }, format: formatAnalysis }),
  },
  'interviews:report': {
    usage: 'interviews report ID [--format html|pdf] [--out FILE]',
    summary: 'Write one interview as an HTML or PDF report',
    build: (words, flags) => ({
      method: 'interviews.report',
      input: { id: idArgument(words, 'interviews report ID'), format: flags.format ?? 'html' },
      format: (value) => writeReportFile(value as ReportFile, flags.out),
    }),
  },
  'interviews:aggregate': {
    usage: 'interviews aggregate [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--min N] [--out FILE.csv] [--json]',
    summary: 'Reasons and breakdowns over a period (default: the last 12 months), groups under the minimum hidden',
    build: (words, flags) =>
      flags.out === undefined
        ? { method: 'interviews.aggregate', input: periodOf(words, flags), format: formatAggregate }
        : { method: 'interviews.aggregateCsv', input: periodOf(words, flags), format: (value) => writeReportFile(value as ReportFile, flags.out) },
  },
};
