import { resolve } from 'node:path';
import { ApiError } from '../../api/errors';
import type { CommandSpec } from '../../cli/commands';
import { writeReportFile } from '../cli-commands';
import type { ReportFile } from '../schema';
import type { KitDetail, KitSummary } from './schema';

const pad = (text: string, width: number): string => (text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

/** A document on the command line: a file path (read by the core, whatever its type). */
function documentArgument(value: string | undefined, flag: string): { path: string } {
  if (value === undefined) throw new ApiError('invalid_input', `Give ${flag} FILE (.pdf, .docx, .txt or .md)`);
  return { path: resolve(value) };
}

function formatKit(value: unknown): string {
  const kit = value as KitDetail;
  const lines = [`${kit.title} (${kit.language}) — ${kit.status}, ${kit.questionsDone} of ${kit.gaps} questions, expires ${kit.expiresAt.slice(0, 10)}`];
  for (const question of kit.questions) {
    lines.push(`  ${String(question.seq).padStart(2)}. [${question.priority}] ${question.skill}: ${question.content?.question ?? '(not written yet)'}`);
  }
  if (kit.error !== null) lines.push(`Problem: ${kit.error}`);
  lines.push(`Kit id: ${kit.id}`);
  return lines.join('\n');
}

function formatList(value: unknown): string {
  const { total, items } = value as { total: number; items: KitSummary[] };
  return [...items.map((kit) => `${kit.id.slice(0, 8)}  ${pad(kit.status, 11)} ${pad(kit.title, 40)} ${kit.questionsDone}/${kit.gaps} questions, ${kit.rated} rated`), `${items.length} of ${total} kits`].join('\n');
}

export const kitCommands: Record<string, CommandSpec> = {
  'kits:list': { usage: 'kits list [--json]', summary: 'Interview kits, most recently changed first', build: () => ({ method: 'kits.list', input: { limit: 500 }, format: formatList }) },
  'kits:create': {
    usage: 'kits create --cv FILE --jd FILE [--title T] [--language L] [--json]',
    summary: 'Make an interview kit from a CV and a job description and wait for its questions (the local model, or the bundled bank when it is away)',
    build: (_words, flags) => ({
      method: 'kits.create',
      input: { cv: documentArgument(flags.cv, '--cv'), jd: documentArgument(flags.jd, '--jd'), wait: true, ...(flags.title === undefined ? {} : { title: flags.title }), ...(flags.language === undefined ? {} : { language: flags.language }) },
      format: formatKit,
    }),
  },
  'kits:export': {
    usage: 'kits export ID [--format html|pdf|markdown] [--out FILE]',
    summary: 'Write a kit with its ratings and notes as HTML, PDF or Markdown',
    build: (words, flags) => {
      const [id] = words;
      if (id === undefined) throw new ApiError('invalid_input', 'Name the kit: kits export ID');
      return { method: 'kits.export', input: { id, format: flags.format ?? 'html' }, format: (value) => writeReportFile(value as ReportFile, flags.out) };
    },
  },
};
