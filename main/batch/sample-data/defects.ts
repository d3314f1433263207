import type { IngestProblemCode } from '../ingest/types';

/**
 * Broken records a generated file can carry, for tests and for trying the drop zone by hand.
 * Each is an extra line (or element, or row) inserted before the record at index `at`.
 * - malformed: JSON that does not parse; in CSV a quote that never closes, which swallows the
 *   rest of the file, so it is always written last there;
 * - duplicate-id: a valid record reusing the id of the record before it (`at` >= 1);
 * - unsupported-url, missing-model: OpenAI batch lines only;
 * - binary: bytes that are not text (NUL, invalid UTF-8);
 * - huge-line: a valid record of `hugeLineBytes` (default 9 MiB, over the 8 MiB limit);
 * - deep-nesting: 10,000 nested arrays;
 * - no-profile: a candidate with an id and nothing to evaluate (candidate formats only).
 */
export const defectKinds = ['malformed', 'duplicate-id', 'unsupported-url', 'missing-model', 'binary', 'huge-line', 'deep-nesting', 'no-profile'] as const;
export type DefectKind = (typeof defectKinds)[number];

export interface Defect {
  kind: DefectKind;
  at: number;
}

/** Where the reader should report a defect, and how. */
export interface PlacedDefect {
  kind: DefectKind;
  /** As IngestProblem.line: the file line (JSONL, CSV), or element index + 1 (JSON array). */
  line: number;
  fileLine?: number;
  code: IngestProblemCode;
  field?: string;
  severity: 'error' | 'warning';
}

export type SampleFormat = 'json' | 'jsonl' | 'csv' | 'openai-jsonl';

export function expectedProblem(kind: DefectKind, format: SampleFormat): Pick<PlacedDefect, 'code' | 'field' | 'severity'> {
  switch (kind) {
    case 'malformed':
      return { code: format === 'csv' ? 'malformed-csv' : 'malformed-json', severity: 'error' };
    case 'duplicate-id':
      return format === 'openai-jsonl' ? { code: 'duplicate-id', field: 'custom_id', severity: 'error' } : { code: 'duplicate-id', field: 'id', severity: 'warning' };
    case 'unsupported-url':
      return { code: 'unsupported-url', field: 'url', severity: 'error' };
    case 'missing-model':
      return { code: 'missing-field', field: 'body.model', severity: 'error' };
    case 'binary':
      return { code: 'binary-data', severity: 'error' };
    case 'huge-line':
      return { code: 'too-large', severity: 'error' };
    case 'deep-nesting':
      return format === 'csv' ? { code: 'too-deep', field: 'experience', severity: 'error' } : { code: 'too-deep', severity: 'error' };
    case 'no-profile':
      return { code: 'no-profile-data', severity: 'error' };
  }
}

export function checkDefects(defects: readonly Defect[], format: SampleFormat): void {
  for (const defect of defects) {
    if ((defect.kind === 'unsupported-url' || defect.kind === 'missing-model') && format !== 'openai-jsonl') {
      throw new RangeError(`The ${defect.kind} defect applies to openai-jsonl files only.`);
    }
    if (defect.kind === 'no-profile' && format === 'openai-jsonl') throw new RangeError('The no-profile defect applies to candidate files only.');
    if (defect.kind === 'duplicate-id' && defect.at < 1) throw new RangeError('A duplicate-id defect needs a record before it: use at >= 1.');
  }
}

/** Bytes that are not text, without the ones that would end a line or a JSON/CSV token. */
export const binaryBytes = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x9f, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x00]);

export const deepJson = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
