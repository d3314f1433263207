import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { makeCandidate, type SampleCandidate, type SampleDetail } from './candidate-model';
import { checkDefects, expectedProblem, type Defect, type PlacedDefect, type SampleFormat } from './defects';
import { defectRecord } from './defect-records';
import { sampleEvaluationPrompt } from './evaluation-prompt';
import { createRandom, type Random } from './prng';
import { camelShape, csvCells, csvHeader, csvLine, gemShape, profileText, snakeShape } from './shapes';

export interface GenerateOptions {
  count: number;
  seed: number;
  format: SampleFormat;
  /** Model named in openai-jsonl bodies. */
  model?: string;
  /** true: every record wraps a gemData profile (seed 003's Aris export); false: none; unset: about 60 %. */
  gemData?: boolean;
  /** `full` (default): long descriptions, about 8 KB a candidate; `compact`: about 1 KB. */
  detail?: SampleDetail;
  /** JSON arrays indented as exports usually are (default true). */
  pretty?: boolean;
  defects?: Defect[];
  hugeLineBytes?: number;
}

export interface GeneratedManifest {
  format: SampleFormat;
  count: number;
  /** Requests or candidates a reader should hand on (duplicate candidates still come, renamed). */
  records: number;
  bytes: number;
  lines: number;
  defects: PlacedDefect[];
}

/** Writes the pieces of a file in order, counting bytes and the line the next piece starts on. */
class Writer {
  line = 1;
  bytes = 0;
  constructor(private readonly out: (piece: string | Buffer) => void) {}
  write(piece: string | Buffer): void {
    for (let index = piece.indexOf('\n'); index !== -1; index = piece.indexOf('\n', index + 1)) this.line += 1;
    this.bytes += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
    this.out(piece);
  }
}

/** The file's pieces, produced lazily; `manifest` is complete once the generator is done. */
export function* sampleFileParts(options: GenerateOptions, manifest: GeneratedManifest): Generator<string | Buffer> {
  const defects = [...(options.defects ?? [])].sort((a, b) => a.at - b.at);
  checkDefects(defects, options.format);
  const random = createRandom(options.seed);
  const defectRandom = createRandom(options.seed ^ 0x5eed);
  const pending: Array<string | Buffer> = [];
  const writer = new Writer((piece) => pending.push(piece));
  const json = options.format === 'json';
  const pretty = options.pretty ?? true;
  let element = 0;
  let previous: SampleCandidate | undefined;
  /** Starts a record (the array comma first) and says where the reader will place it. */
  const beginRecord = (): { line: number; fileLine?: number } => {
    if (json && element > 0) writer.write(',\n');
    return json ? { line: element + 1, fileLine: writer.line } : { line: writer.line };
  };
  const endRecord = (body: string | Buffer): void => {
    writer.write(body);
    if (!json) writer.write('\n');
    element += 1;
  };
  const render = (candidate: SampleCandidate, shapeRandom: Random): string => {
    if (options.format === 'csv') return csvLine(csvCells(candidate, shapeRandom)).slice(0, -1);
    if (options.format === 'openai-jsonl') return JSON.stringify(openAiLine(candidate, options.model ?? 'llama3.1:8b'));
    const useGem = options.gemData ?? shapeRandom.chance(0.6);
    const shaped = useGem ? gemShape(candidate, shapeRandom) : shapeRandom.chance(0.5) ? snakeShape(candidate) : camelShape(candidate);
    return json && pretty ? JSON.stringify(shaped, null, 2) : JSON.stringify(shaped);
  };
  const placeDefect = (defect: Defect): void => {
    const at = beginRecord();
    const body = defect.kind === 'duplicate-id' ? render({ ...makeCandidate(defectRandom, options.count + defect.at, options.detail ?? 'full'), id: previous!.id }, defectRandom) : defectRecord(defect, options);
    endRecord(body);
    manifest.defects.push({ kind: defect.kind, ...at, ...expectedProblem(defect.kind, options.format) });
    if (defect.kind === 'duplicate-id' && options.format !== 'openai-jsonl') manifest.records += 1;
  };

  if (json) writer.write('[\n');
  if (options.format === 'csv') writer.write(csvLine(csvHeader));
  const last = options.format === 'csv' ? defects.filter((defect) => defect.kind === 'malformed') : [];
  const inline = defects.filter((defect) => !last.includes(defect));
  let next = 0;
  for (let index = 0; index < options.count; index += 1) {
    while (next < inline.length && inline[next]!.at <= index) placeDefect(inline[next++]!);
    const candidate = makeCandidate(random, index, options.detail ?? 'full');
    beginRecord();
    endRecord(render(candidate, random));
    previous = candidate;
    manifest.records += 1;
    yield* pending.splice(0);
  }
  while (next < inline.length) placeDefect(inline[next++]!);
  for (const defect of last) placeDefect(defect);
  if (json) writer.write('\n]\n');
  yield* pending.splice(0);
  manifest.bytes = writer.bytes;
  manifest.lines = writer.line - 1;
}

function openAiLine(candidate: SampleCandidate, model: string): Record<string, unknown> {
  return {
    custom_id: candidate.id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: {
      model,
      messages: [
        { role: 'system', content: sampleEvaluationPrompt },
        { role: 'user', content: profileText(candidate) },
      ],
      temperature: 0,
      response_format: { type: 'json_object' },
    },
  };
}

const emptyManifest = (options: GenerateOptions): GeneratedManifest => ({ format: options.format, count: options.count, records: 0, bytes: 0, lines: 0, defects: [] });

/** Joins small pieces into ~256 KiB buffers so the stream moves in large chunks. */
function* batched(parts: Iterable<string | Buffer>): Generator<Buffer> {
  let strings: string[] = [];
  let size = 0;
  for (const part of parts) {
    if (typeof part !== 'string') {
      if (strings.length > 0) yield Buffer.from(strings.join(''));
      strings = [];
      size = 0;
      yield part;
      continue;
    }
    strings.push(part);
    size += part.length;
    if (size >= 256 * 1024) {
      yield Buffer.from(strings.join(''));
      strings = [];
      size = 0;
    }
  }
  if (strings.length > 0) yield Buffer.from(strings.join(''));
}

/** A seeded candidate (or OpenAI batch) file as a byte stream: same options, same bytes. */
export function generateCandidates(options: GenerateOptions): Readable {
  return Readable.from(batched(sampleFileParts(options, emptyManifest(options))), { objectMode: false });
}

export async function writeCandidateFile(path: string, options: GenerateOptions): Promise<GeneratedManifest> {
  const manifest = emptyManifest(options);
  await pipeline(Readable.from(batched(sampleFileParts(options, manifest)), { objectMode: false }), createWriteStream(path));
  return manifest;
}
