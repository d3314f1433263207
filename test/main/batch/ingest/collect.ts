import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIngestFile, type IngestOptions, type IngestProblem, type IngestRecord, type IngestSummary } from '../../../../main/batch/ingest';

export type Collected = {
  requests: Extract<IngestRecord, { kind: 'request' }>[];
  candidates: Extract<IngestRecord, { kind: 'candidate' }>[];
  problems: IngestProblem[];
  end: IngestSummary;
};

/** Reads a whole file through readIngestFile and sorts what came out by kind. */
export async function collect(path: string, options: IngestOptions = {}): Promise<Collected> {
  const collected: Omit<Collected, 'end'> & { end?: IngestSummary } = { requests: [], candidates: [], problems: [] };
  for await (const record of readIngestFile(path, options)) {
    if (record.kind === 'request') collected.requests.push(record);
    else if (record.kind === 'candidate') collected.candidates.push(record);
    else if (record.kind === 'problem') collected.problems.push(record.problem);
    else collected.end = record;
  }
  if (collected.end === undefined) throw new Error('readIngestFile ended without an end record');
  return collected as Collected;
}

/** Writes `content` (lines joined with \n when given as an array) to `dir/name`. */
export function fileWith(dir: string, name: string, content: string | Buffer | readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, Array.isArray(content) ? `${content.join('\n')}\n` : (content as string | Buffer));
  return path;
}

export const chatLine = (customId: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: { model: 'llama3.1:8b', messages: [{ role: 'user', content: `Evaluate ${customId}` }], ...extra } });
