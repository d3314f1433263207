import type { Database } from 'better-sqlite3';
import { basename } from 'node:path';
import { ApiError } from '../api/errors';
import type { Handlers } from '../api/contract';
import type { EvaluationTemplate } from './evaluation';
import { TemplateStore } from './templates';
import { sourceFromFile } from './file-source';
import type { FileStore } from './files';
import { detectFormat, readCsvHeaders, suggestCsvMapping, type CsvMapping, type IngestFormat } from './ingest/index';
import type { BatchSummary, SupportedEndpoint } from './schema';
import type { BatchService, SourceRecord } from './service';

export interface SubmitDeps {
  db: Database;
  service: BatchService;
  files: FileStore;
  /** The model candidate evaluations use unless the analyst names another. */
  defaultModel: () => string;
  /** Installed model names, or null when the engine cannot be asked. */
  installedModels: () => Promise<string[] | null>;
  now?: () => number;
}

const headersKey = (headers: readonly string[]): string => JSON.stringify(headers.map((header) => header.trim().toLowerCase()));

/** The newest evaluation template (the bundled one until the analyst saves an edit). */
export function currentTemplate(db: Database, now: number): EvaluationTemplate {
  return new TemplateStore(db).get(undefined, now);
}

const withTag = (name: string): string => (name.includes(':') ? name : `${name}:latest`);

type FileRef = { path: string } | { fileId: string };

/** What queueing a file takes, whichever door it came through (the contract, OpenAI's /v1/batches). */
export interface SubmitFileInput {
  source: FileRef;
  model?: string;
  priority?: number;
  csvMapping?: CsvMapping;
  rememberMapping?: boolean;
  allowDuplicate?: boolean;
  /** OpenAI's batch endpoint: every line must use it, and lines with another url are problems. */
  endpoint?: SupportedEndpoint;
  metadata?: Record<string, string> | null;
  templateVersion?: string;
}

function resolveSource(deps: SubmitDeps, source: FileRef): { path: string; label: string; inputFileId: string | null } {
  if ('path' in source) return { path: source.path, label: basename(source.path), inputFileId: null };
  const file = deps.files.get(source.fileId);
  if (!file.path) throw new ApiError('invalid_input', `${source.fileId} is an output file, not an input`, 'source.fileId');
  return { path: file.path, label: file.filename, inputFileId: file.id };
}

function rememberedMapping(deps: SubmitDeps, headers: readonly string[]): CsvMapping | null {
  const json = deps.db.prepare('SELECT mapping_json FROM csv_mappings WHERE headers_key = ?').pluck().get(headersKey(headers)) as string | undefined;
  return json ? (JSON.parse(json) as CsvMapping) : null;
}

/** The file's request lines that name another url become problems, as OpenAI reports them. */
async function* onlyEndpoint(source: AsyncIterable<SourceRecord>, endpoint: SupportedEndpoint, file: string): AsyncGenerator<SourceRecord> {
  for await (const record of source) {
    if (record.kind !== 'item' || record.request.url === endpoint) {
      yield record;
      continue;
    }
    const line = record.sourceLine;
    const message = `Line ${line}: url ${record.request.url} differs from this batch's endpoint ${endpoint}: one batch runs one endpoint; it is skipped.`;
    yield { kind: 'problem', problem: { file, line, field: 'url', code: 'unsupported-url', severity: 'error', message } };
  }
}

/** Queues a file: OpenAI batch lines as they are, candidates evaluated with the recorded template. */
export async function submitFile(deps: SubmitDeps, input: SubmitFileInput): Promise<BatchSummary> {
  const now = () => (deps.now ?? Date.now)();
  const { path, label, inputFileId } = resolveSource(deps, input.source);
  const detection = await detectFormat(path, { fileLabel: label });
  if (!detection.ok) throw new ApiError('invalid_input', `${detection.problem.file}: ${detection.problem.message}`, 'source');
  let csvMapping = input.csvMapping;
  if (detection.format === 'candidates-csv') {
    const preview = await readCsvHeaders(path, { fileLabel: label, sampleRows: 0 });
    if (preview.ok) {
      csvMapping ??= rememberedMapping(deps, preview.headers) ?? suggestCsvMapping(preview.headers);
      if (input.csvMapping && (input.rememberMapping ?? true)) {
        deps.db.prepare(`INSERT INTO csv_mappings (headers_key, mapping_json, updated_at) VALUES (?, ?, ?)
          ON CONFLICT (headers_key) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`)
          .run(headersKey(preview.headers), JSON.stringify(input.csvMapping), now());
      }
    }
  }
  const isOpenAi = detection.format === 'openai-jsonl';
  if (!isOpenAi && input.endpoint !== undefined && input.endpoint !== '/v1/chat/completions') {
    throw new ApiError('invalid_input', `${label} holds candidate profiles, which are evaluated through /v1/chat/completions, not ${input.endpoint}`, 'endpoint');
  }
  const model = input.model ?? deps.defaultModel();
  const template = new TemplateStore(deps.db).get(input.templateVersion, now());
  const seen: { format: IngestFormat | null } = { format: null };
  const records = sourceFromFile({ path, label, model, template, format: detection.format, ...(csvMapping ? { csvMapping } : {}) }, seen);
  const summary = await deps.service.submit(
    {
      kind: isOpenAi ? 'openai' : 'candidates',
      endpoint: input.endpoint ?? '/v1/chat/completions',
      sourceName: label,
      model: isOpenAi ? null : model,
      template: isOpenAi ? null : { id: template.id, version: template.version },
      priority: input.priority ?? 0,
      inputFileId,
      metadata: input.metadata ?? null,
      allowDuplicate: input.allowDuplicate ?? false,
    },
    input.endpoint === undefined ? records : onlyEndpoint(records, input.endpoint, label),
  );
  await warnAboutMissingModel(deps, summary.id, isOpenAi ? null : model);
  return deps.service.summary(summary.id);
}

export function createSubmitHandlers(deps: SubmitDeps): Pick<Handlers, 'batch.inspect' | 'batch.submit' | 'batch.templates' | 'batch.saveTemplate'> {
  const templates = new TemplateStore(deps.db);
  const now = () => (deps.now ?? Date.now)();
  return {
    'batch.templates': () => templates.list(now()),
    'batch.saveTemplate': (edit) => templates.saveVersion(edit, now()),
    'batch.inspect': async ({ source }) => {
      const { path, label } = resolveSource(deps, source);
      const detection = await detectFormat(path, { fileLabel: label });
      if (!detection.ok) return { fileName: label, format: null, problem: detection.problem, csv: null };
      if (detection.format !== 'candidates-csv') return { fileName: label, format: detection.format, problem: null, csv: null };
      const preview = await readCsvHeaders(path, { fileLabel: label, sampleRows: 5 });
      if (!preview.ok) return { fileName: label, format: detection.format, problem: preview.problem, csv: null };
      return {
        fileName: label,
        format: detection.format,
        problem: null,
        csv: { headers: preview.headers, sample: preview.sample, suggested: suggestCsvMapping(preview.headers), remembered: rememberedMapping(deps, preview.headers) },
      };
    },
    'batch.submit': (input) => submitFile(deps, input),
  };
}

/** A model that is not installed fails every item: say so up front, with what to do. */
async function warnAboutMissingModel(deps: SubmitDeps, batchId: string, model: string | null): Promise<void> {
  const installed = await deps.installedModels();
  if (installed === null) return;
  const wanted = model
    ? [model]
    : (deps.db.prepare(`SELECT DISTINCT json_extract(request_json, '$.body.model') FROM batch_items WHERE batch_id = ? LIMIT 20`).pluck().all(batchId) as string[]);
  const have = new Set(installed.map(withTag));
  const missing = wanted.filter((name) => typeof name === 'string' && !have.has(withTag(name)));
  if (missing.length === 0) return;
  deps.service.addProblems(batchId, missing.map((name) => ({ file: '', line: 0, field: 'model', code: 'model-not-installed', severity: 'error' as const, message: `Model ${name} is not installed: pull it from the Models page, or its items will fail` })));
}
