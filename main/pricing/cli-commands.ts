import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EventBus } from '../api/event-bus';
import { ApiError } from '../api/errors';
import type { CommandSpec } from '../cli/commands';
import type { BulkProgress } from './bulk';
import type { HistoryItem, PricingResult } from './schema';
import type { SurveyImportResult } from './survey/import';

const pad = (text: string, width: number): string => (text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

export function formatPricing(result: PricingResult): string {
  const { request } = result;
  const lines = [`${request.title}${request.location ? ` — ${request.location}` : ''} (${result.payBasis} ${result.currency}, effective ${request.effectiveDate})`];
  if (result.readAs.length > 0) lines.push(`Read as:     ${result.readAs.join('; ')}`);
  lines.push('Matches:');
  for (const match of result.matches) {
    const mark = match.used ? 'priced' : match.hasWages ? '' : 'no wage data';
    lines.push(`  ${pad(match.code, 12)} ${pad(match.title, 44)} ${match.score.toFixed(2)}  ${pad(mark, 12)} ${match.why[0] ?? ''}`);
  }
  const percentiles = Object.entries(result.percentiles).map(([key, wage]) => `${key.toUpperCase()} ${wage?.display ?? '—'}`);
  lines.push(`Percentiles: ${percentiles.join('  ')}${result.percentilesShown === 'all' ? '' : ` (${result.percentilesShown === 'none' ? 'hidden' : 'P25–P75 only'}: minimum sample rule)`}`);
  lines.push(`Scenarios:   ${result.scenarios.map((scenario) => `${scenario.name} (P${scenario.percentile}) ${scenario.display ?? '—'}`).join(' · ')}`);
  lines.push(`Confidence:  ${result.confidence.score}/100  ${result.confidence.factors.map((factor) => `${factor.name} ${factor.value.toFixed(2)}`).join(' · ')}`);
  lines.push(`Location:    ${result.location.note}`);
  lines.push(`Explanation: ${result.explanation.text}`);
  lines.push(`Sources:     ${result.attribution.join(' ')}`);
  lines.push(`Request id:  ${result.id}`);
  return lines.join('\n');
}

function formatImport(result: SurveyImportResult): string {
  const lines = result.sources.map((source) => `Imported ${source.rows} rows into "${source.name}" (${source.id})`);
  if (result.imported === 0) lines.push('Nothing was imported.');
  for (const problem of result.problems.slice(0, 20)) lines.push(`  row ${problem.row}${problem.column ? ` [${problem.column}]` : ''}: ${problem.message}`);
  if (result.problems.length > 20) lines.push(`  … and ${result.problems.length - 20} more (--json lists them all)`);
  if (result.problems.length > 0 && result.imported === 0) lines.push('Fix the rows named above and import again, or pass --allow-partial to import the valid rows.');
  return lines.join('\n');
}

/** Waits for the bulk run to end, with progress on stderr; Ctrl+C stops waiting (rows done stay in OUT.part). */
async function waitForBulk(bus: EventBus, signal: AbortSignal, answer: Promise<unknown>): Promise<BulkProgress> {
  // Listening starts before the answer arrives: a small file can finish before the call returns.
  const seen: BulkProgress[] = [];
  let wake: () => void = () => {};
  const unsubscribe = bus.subscribe((name, payload) => {
    if ((name as string) !== 'pricing.bulkProgress') return;
    seen.push(payload as BulkProgress);
    wake();
  });
  const onAbort = () => wake();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const { jobId } = (await answer) as { jobId: string };
    for (;;) {
      if (signal.aborted) throw new ApiError('cancelled', 'Stopped; the rows priced so far are in the .part file beside the output');
      const mine = seen.filter((progress) => progress.jobId === jobId);
      const last = mine[mine.length - 1];
      if (last !== undefined) {
        const eta = last.etaSeconds === null ? '' : `, about ${last.etaSeconds} s left`;
        process.stderr.write(`\r${last.done}/${last.total} rows (${last.failed} failed), ${last.rowsPerSecond.toFixed(0)} rows/s${eta}   `);
        if (last.status !== 'running') {
          process.stderr.write('\n');
          return last;
        }
      }
      await new Promise<void>((resolvePromise) => (wake = resolvePromise));
    }
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
}

const requireWord = (words: string[], what: string, usage: string): string => {
  const word = words[0];
  if (word === undefined) throw new ApiError('invalid_input', `Name ${what}: npm run cli -- ${usage}`);
  return word;
};

export const pricingCommands: Record<string, CommandSpec> = {
  price: {
    usage: 'price --title T [--description D] [--location L] [--level L] [--hourly] [--json]',
    summary: 'Price a job against BLS OEWS wages and imported surveys: matches, P10–P90, scenarios, confidence',
    build: (_words, flags) => {
      if (flags.title === undefined) throw new ApiError('invalid_input', 'Give a job title: npm run cli -- price --title "Senior Accountant"', 'title');
      const input = { title: flags.title, description: flags.description, location: flags.location, level: flags.level, ...(flags.hourly ? { payBasis: 'hourly' } : {}) };
      return { method: 'pricing.price', input, format: (value) => formatPricing(value as PricingResult) };
    },
  },
  'price-bulk': {
    usage: 'price-bulk IN.csv --out OUT.csv [--json]',
    summary: 'Price every row of a CSV (title, description, location, level columns) into OUT.csv, with progress',
    build: (words, flags) => {
      const input = requireWord(words, 'the input CSV', 'price-bulk IN.csv --out OUT.csv');
      if (flags.out === undefined) throw new ApiError('invalid_input', 'Name the output: npm run cli -- price-bulk IN.csv --out OUT.csv', 'out');
      return {
        method: 'pricing.bulkStart',
        input: { inputPath: resolve(input), outputPath: resolve(flags.out) },
        format: (value) => {
          const done = value as BulkProgress;
          return `${done.status}: ${done.done} of ${done.total} rows priced (${done.failed} could not be read) → ${done.status === 'completed' ? done.outputPath : `${done.outputPath}.part`}`;
        },
        follow: waitForBulk,
      };
    },
  },
  'pricing:import': {
    usage: 'pricing import SURVEY.csv --mapping M.json [--allow-partial] [--replace] [--json]',
    summary: 'Import a salary survey CSV with a column mapping (JSON); problems are listed by row and column',
    build: (words, flags) => {
      const file = requireWord(words, 'the survey CSV', 'pricing import SURVEY.csv --mapping M.json');
      if (flags.mapping === undefined) throw new ApiError('invalid_input', 'Give the column mapping: --mapping M.json', 'mapping');
      let mapping: unknown;
      try {
        mapping = JSON.parse(readFileSync(resolve(flags.mapping), 'utf8'));
      } catch (error) {
        throw new ApiError('invalid_input', `Could not read the mapping ${flags.mapping}: ${error instanceof Error ? error.message : String(error)}`, 'mapping');
      }
      return {
        method: 'pricing.importSurvey',
        input: { path: resolve(file), mapping, allowPartial: flags['allow-partial'] === true, replace: flags.replace === true },
        format: (value) => formatImport(value as SurveyImportResult),
      };
    },
  },
  'pricing:locations': {
    usage: 'pricing locations FACTORS.csv [--source NAME] [--json]   columns: location, factor[, kind, job_family]',
    summary: "Import the analyst's location factors; they take precedence over the BLS state factors",
    build: (words, flags) => {
      const file = requireWord(words, 'the location factor CSV', 'pricing locations FACTORS.csv');
      return {
        method: 'pricing.importLocationFactors',
        input: { path: resolve(file), ...(flags.source ? { sourceName: flags.source } : {}) },
        format: (value) => {
          const result = value as { imported: number; problems: SurveyImportResult['problems'] };
          return [`Imported ${result.imported} location factors.`, ...result.problems.map((problem) => `  row ${problem.row}${problem.column ? ` [${problem.column}]` : ''}: ${problem.message}`)].join('\n');
        },
      };
    },
  },
  'pricing:history': {
    usage: 'pricing history [WORDS...] [--json]',
    summary: 'Past pricing requests, newest first, optionally searched',
    build: (words) => ({
      method: 'pricing.history',
      input: words.length > 0 ? { search: words.join(' ') } : {},
      format: (value) => {
        const { total, items } = value as { total: number; items: HistoryItem[] };
        const rows = items.map((item) => `${new Date(item.createdAt).toISOString().slice(0, 16)}  ${pad(item.title, 36)} ${pad(item.location ?? '', 18)} ${pad(item.topCode ?? '', 11)} ${item.p50 === null ? '—' : item.p50.toLocaleString('en-US')} ${item.currency}  ${item.confidence}/100  ${item.id}`);
        return [`${total} requests`, ...rows].join('\n');
      },
    }),
  },
  'pricing:rerun': {
    usage: 'pricing rerun ID [--json]',
    summary: "Price a past request again on today's data",
    build: (words) => ({ method: 'pricing.rerun', input: { id: requireWord(words, 'a request id', 'pricing rerun ID') }, format: (value) => formatPricing(value as PricingResult) }),
  },
  'pricing:sources': {
    usage: 'pricing sources [--json]',
    summary: 'Data sources: the bundled BLS OEWS wages and imported surveys, with attribution',
    build: () => ({
      method: 'pricing.catalogue',
      input: {},
      format: (value) => {
        const { sources, attribution } = value as { sources: Array<{ id: string; name: string; kind: string; rows: number; effectiveDate: string | null }>; attribution: string[] };
        return [...sources.map((source) => `${pad(source.id, 44)} ${pad(source.name, 40)} ${source.kind.padEnd(8)} ${String(source.rows).padStart(6)} rows  ${source.effectiveDate ?? ''}`), '', ...attribution].join('\n');
      },
    }),
  },
  'pricing:delete-source': {
    usage: 'pricing delete-source ID',
    summary: 'Delete an imported survey source and its rows',
    build: (words) => ({ method: 'pricing.deleteSource', input: { id: requireWord(words, 'a source id', 'pricing delete-source ID') }, format: () => 'Deleted.' }),
  },
};
