import { JsonArrayScanner, type ScannedElement } from './json-array-scanner';
import { parseJsonBytes } from './json-value';
import { mib, type JsonPiece, type JsonReadContext } from './jsonl-reader';
import type { IngestProblem } from './types';

/**
 * A JSON array, one element at a time: `line` is the element's index + 1 and `fileLine` the line
 * it starts on. A broken element is a problem and the scan goes on with the next one.
 */
export async function* readJsonArray(chunks: AsyncIterable<Buffer>, context: JsonReadContext): AsyncGenerator<JsonPiece & { fatal?: boolean }> {
  const scanner = new JsonArrayScanner(context.maxLineBytes, context.maxDepth);
  for await (const chunk of chunks) {
    scanner.push(chunk);
    for (let found = scanner.next(); found !== undefined; found = scanner.next()) {
      const piece = toPiece(found, context);
      yield piece;
      if (piece.fatal) return;
    }
  }
  for (const found of scanner.end()) yield toPiece(found, context);
}

function toPiece(found: ScannedElement, context: JsonReadContext): JsonPiece & { fatal?: boolean } {
  const line = found.index + 1;
  const problem = (code: IngestProblem['code'], message: string): JsonPiece => ({
    kind: 'problem',
    problem: { file: context.file, line, fileLine: found.fileLine, code, severity: 'error', message },
  });
  const element = `Element ${line} (line ${found.fileLine})`;
  switch (found.kind) {
    case 'oversize':
      return problem('too-large', `${element} is ${mib(found.size)}, over the ${mib(context.maxLineBytes)} limit for one record; it is skipped.`);
    case 'too-deep':
      return problem('too-deep', `${element} nests arrays or objects more than ${context.maxDepth} levels deep; it is skipped.`);
    case 'structure':
      return { ...problem(found.fatal ? 'wrong-format' : 'malformed-json', found.message), fatal: found.fatal };
    case 'element': {
      const parsed = parseJsonBytes(found.bytes, { maxDepth: context.maxDepth, depthChecked: true });
      if (parsed.ok) return { kind: 'value', line, fileLine: found.fileLine, value: parsed.value };
      const errorLine = found.fileLine + (parsed.lineOffset ?? 0);
      const column = parsed.lineOffset !== undefined && parsed.lineOffset > 0 ? parsed.column : undefined;
      const where = errorLine === found.fileLine ? element : `${element}, at line ${errorLine}${column === undefined ? '' : ` column ${column}`},`;
      return problem(parsed.code, `${where} ${parsed.message}; it is skipped.`);
    }
  }
}
