import { basename } from 'node:path';
import { readCsv } from './csv-reader';
import { CustomIds } from './custom-ids';
import { detectFormat } from './detect-format';
import { FileSource } from './file-source';
import { readJsonArray } from './json-array-reader';
import { readJsonLines, type JsonPiece } from './jsonl-reader';
import { normaliseProfile } from './profile-normalise';
import { checkRequestLine } from './request-schema';
import { defaultMaxDepth, defaultMaxLineBytes, type IngestFormat, type IngestOptions, type IngestProblem, type IngestRecord } from './types';

/**
 * Streams a dropped file as typed records: requests or candidates, problems (each with file,
 * line and field; the good records still come), and a last `end` record with the file's
 * sha256, size and counts. Records are produced only as the consumer pulls them, one chunk of
 * the file at a time, so a slow consumer (SQLite transactions) holds the reading back.
 * A problem with the whole file (empty, binary, UTF-16, not what its name says) is one problem
 * followed by `end` with `fatal: true`.
 */
export async function* readIngestFile(path: string, options: IngestOptions = {}): AsyncGenerator<IngestRecord> {
  const file = options.fileLabel ?? basename(path);
  const detection = await detectFormat(path, { ...(options.fileLabel === undefined ? {} : { fileLabel: options.fileLabel }), ...(options.format === undefined ? {} : { format: options.format }) });
  const source = new FileSource(path, options.signal);
  let records = 0;
  let problems = 0;
  let fatal = false;
  const end = async (format: IngestFormat | null): Promise<IngestRecord> => {
    await source.drain().catch(() => undefined);
    return { kind: 'end', file, format, ...source.summary(), records, problems, fatal };
  };
  if (!detection.ok) {
    problems = 1;
    fatal = true;
    yield { kind: 'problem', problem: detection.problem };
    yield await end(null);
    return;
  }
  const context = { file, maxLineBytes: options.maxLineBytes ?? defaultMaxLineBytes, maxDepth: options.maxDepth ?? defaultMaxDepth };
  let finished = false;
  try {
    for await (const record of recordsOf(detection.format, source.chunks(), context, detection.delimiter ?? ',', options)) {
      if (record.kind === 'problem') {
        problems += 1;
        if (record.fatal) fatal = true;
        yield { kind: 'problem', problem: record.problem };
        if (record.fatal) break;
      } else {
        records += 1;
        yield record;
      }
    }
    finished = true;
  } finally {
    // The consumer stopped early (break, error): let go of the file without reading on.
    if (!finished) await source.close();
  }
  yield await end(detection.format);
}

type Produced = Exclude<IngestRecord, { kind: 'problem' } | { kind: 'end' }> | { kind: 'problem'; problem: IngestProblem; fatal?: boolean };

interface Context {
  file: string;
  maxLineBytes: number;
  maxDepth: number;
}

async function* recordsOf(format: IngestFormat, chunks: AsyncIterable<Buffer>, context: Context, delimiter: string, options: IngestOptions): AsyncGenerator<Produced> {
  const ids = new CustomIds();
  if (format === 'candidates-csv') {
    const csv = { ...context, delimiter, ...(options.csvMapping === undefined ? {} : { mapping: options.csvMapping }) };
    for await (const piece of readCsv(chunks, csv)) {
      if (piece.kind === 'problem') {
        yield piece;
        continue;
      }
      const candidate = toCandidate(piece.raw, piece.line, undefined, ids, context.file, `Row ${piece.line}`);
      for (const out of candidate) {
        if (out.kind === 'candidate') out.profile.extra = { ...out.profile.extra, ...piece.extra };
        yield out;
      }
    }
    return;
  }
  const pieces = format === 'candidates-json' ? readJsonArray(chunks, context) : readJsonLines(chunks, context);
  for await (const piece of pieces as AsyncIterable<JsonPiece & { fatal?: boolean }>) {
    if (piece.kind === 'problem') yield piece;
    else if (format === 'openai-jsonl') yield toRequest(piece.value, piece.line, ids, context.file, options);
    else {
      const label = piece.fileLine === undefined ? `Line ${piece.line}` : `Element ${piece.line} (line ${piece.fileLine})`;
      yield* toCandidate(piece.value, piece.line, piece.fileLine, ids, context.file, label);
    }
  }
}

function toRequest(value: unknown, line: number, ids: CustomIds, file: string, options: IngestOptions): Produced {
  const checked = checkRequestLine(value, options.endpoint);
  if (!checked.ok) {
    const field = checked.field === undefined ? {} : { field: checked.field };
    return { kind: 'problem', problem: { file, line, ...field, code: checked.code, severity: 'error', message: `Line ${line}: ${checked.message}; it is skipped.` } };
  }
  const earlier = ids.claim(checked.customId, line);
  if (earlier !== undefined) {
    return {
      kind: 'problem',
      problem: { file, line, field: 'custom_id', code: 'duplicate-id', severity: 'error', message: `Line ${line}: custom_id ${JSON.stringify(checked.customId)} is already used on line ${earlier}; this line is skipped (the first one stays).` },
    };
  }
  return { kind: 'request', line, customId: checked.customId, url: checked.url, body: checked.body } as Produced;
}

function toCandidate(value: unknown, line: number, fileLine: number | undefined, ids: CustomIds, file: string, label: string): Produced[] {
  const at = fileLine === undefined ? {} : { fileLine };
  const normalised = normaliseProfile(value);
  if (!normalised.ok) {
    return [{ kind: 'problem', problem: { file, line, ...at, code: normalised.code, severity: 'error', message: `${label} ${normalised.message}; it is skipped.` } }];
  }
  const { customId, duplicateOf } = ids.forCandidate(normalised.profile.sourceId, line);
  const candidate: Produced = { kind: 'candidate', line, ...at, customId, profile: normalised.profile };
  if (duplicateOf === undefined) return [candidate];
  const warning: Produced = {
    kind: 'problem',
    problem: {
      file,
      line,
      ...at,
      field: 'id',
      code: 'duplicate-id',
      severity: 'warning',
      message: `${label}: id ${JSON.stringify(normalised.profile.sourceId)} was already used by ${label.split(' ')[0]!.toLowerCase()} ${duplicateOf}; this candidate is kept as ${customId}.`,
    },
  };
  return [warning, candidate];
}
