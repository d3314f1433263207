import { evaluationMessages, type EvaluationTemplate } from './evaluation';
import { readIngestFile, type CsvMapping, type IngestFormat } from './ingest/index';
import type { SourceRecord } from './service';

export interface FileSourceOptions {
  path: string;
  /** The name the analyst knows the file by (an upload's original name). */
  label: string;
  /** The model for candidate evaluations; OpenAI lines name their own. */
  model: string;
  template: EvaluationTemplate;
  csvMapping?: CsvMapping;
  format?: IngestFormat;
  signal?: AbortSignal;
}

/**
 * A dropped file as queue records: OpenAI lines as they are, each candidate as a chat request
 * built from the evaluation template, every problem passed on, and the file's checksum last.
 */
export async function* sourceFromFile(options: FileSourceOptions, seen: { format: IngestFormat | null }): AsyncGenerator<SourceRecord> {
  const templateRef = { id: options.template.id, version: options.template.version };
  for await (const record of readIngestFile(options.path, {
    fileLabel: options.label,
    ...(options.csvMapping ? { csvMapping: options.csvMapping } : {}),
    ...(options.format ? { format: options.format } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })) {
    switch (record.kind) {
      case 'request':
        yield { kind: 'item', customId: record.customId, sourceLine: record.line, request: { url: record.url, body: record.body as Record<string, unknown> } };
        break;
      case 'candidate':
        yield {
          kind: 'item',
          customId: record.customId,
          sourceLine: record.fileLine ?? record.line,
          request: {
            url: '/v1/chat/completions',
            // Temperature 0: the same profile gets the same evaluation when re-run.
            body: { model: options.model, messages: evaluationMessages(options.template, record.profile), temperature: 0 },
            template: templateRef,
          },
        };
        break;
      case 'problem':
        yield { kind: 'problem', problem: record.problem };
        break;
      case 'end':
        seen.format = record.format;
        yield { kind: 'end', sha256: record.sha256 };
        break;
    }
  }
}
