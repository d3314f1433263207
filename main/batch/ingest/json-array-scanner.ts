/**
 * Finds the elements of a top-level JSON array in a byte stream, without parsing them: it only
 * follows strings, escapes and bracket depth, so it knows the line each element starts on, can
 * skip an oversized or too-deep element without keeping it, and can go on after a broken one.
 * (stream-json's tokens carry no positions and its parser stops at the first syntax error.)
 */
export type ScannedElement =
  | { kind: 'element'; index: number; fileLine: number; bytes: Buffer }
  | { kind: 'oversize'; index: number; fileLine: number; size: number }
  | { kind: 'too-deep'; index: number; fileLine: number }
  | { kind: 'structure'; index: number; fileLine: number; message: string; fatal: boolean };

const beforeArray = 0;
const beforeFirst = 1;
const beforeValue = 2;
const inValue = 3;
const afterValue = 4;
const afterArray = 5;
const ignoring = 6;

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;

export class JsonArrayScanner {
  private state = beforeArray;
  private line = 1;
  private index = 0;
  private chunk: Buffer = Buffer.alloc(0);
  private position = 0;
  private first = true;
  /** Bytes of the chunk whose newlines `line` already counts. */
  private counted = 0;
  // The element being scanned.
  private start = -1;
  private startLine = 0;
  private parts: Buffer[] = [];
  private size = 0;
  private depth = 0;
  private inString = false;
  private escape = false;
  private oversize = false;
  private tooDeep = false;

  constructor(
    private readonly maxBytes: number,
    private readonly maxDepth: number,
  ) {}

  push(chunk: Buffer): void {
    this.chunk = chunk;
    this.position = 0;
    this.counted = 0;
    if (this.first) {
      this.first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) this.position = 3;
    }
    if (this.state === inValue) this.start = 0;
  }

  /** The next element finished within the pushed chunk, or undefined when the chunk is used up. */
  next(): ScannedElement | undefined {
    const chunk = this.chunk;
    const length = chunk.length;
    if (this.state === ignoring) this.position = length;
    while (this.position < length) {
      if (this.state === inValue) {
        const ended = this.scanValue();
        if (ended !== undefined) return ended;
        continue;
      }
      const byte = chunk[this.position]!;
      this.position += 1;
      if (isSpace(byte)) continue;
      this.countLines(this.position);
      switch (this.state) {
        case beforeArray:
          if (byte === 0x5b) {
            this.state = beforeFirst;
            continue;
          }
          this.state = ignoring;
          return { kind: 'structure', index: 0, fileLine: this.line, message: 'The file does not start with [, so it is not a JSON array.', fatal: true };
        case beforeFirst:
        case beforeValue:
          if (byte === 0x5d) {
            this.state = afterArray;
            continue;
          }
          if (byte === 0x2c) {
            const empty = this.index;
            this.index += 1;
            return { kind: 'structure', index: empty, fileLine: this.line, message: `Element ${empty + 1} is empty (two commas in a row, or a comma after [).`, fatal: false };
          }
          this.beginValue();
          continue;
        case afterValue:
          if (byte === 0x2c) {
            this.index += 1;
            this.state = beforeValue;
            continue;
          }
          if (byte === 0x5d) {
            this.state = afterArray;
            continue;
          }
          this.index += 1;
          this.beginValue();
          return { kind: 'structure', index: this.index, fileLine: this.line, message: `Element ${this.index + 1} has no comma before it; it is read anyway.`, fatal: false };
        default:
          this.state = ignoring;
          this.position = length;
          return { kind: 'structure', index: this.index + 1, fileLine: this.line, message: 'There is text after the closing ] of the array; it is ignored.', fatal: false };
      }
    }
    if (this.state === inValue) this.keep(length);
    this.countLines(length);
    return undefined;
  }

  /** What is left when the file ends: an unfinished element, a missing closing bracket. */
  end(): ScannedElement[] {
    const left: ScannedElement[] = [];
    if (this.state === inValue && this.depth === 0 && !this.inString) left.push(this.finish(this.chunk.length));
    if (this.state === inValue) {
      const index = this.index;
      left.push({ kind: 'structure', index, fileLine: this.startLine, message: `Element ${index + 1} is cut off: the file ends inside it.`, fatal: false });
    } else if (this.state === beforeFirst || this.state === beforeValue || this.state === afterValue) {
      left.push({ kind: 'structure', index: this.index + 1, fileLine: this.line, message: 'The file ends before the closing ] of the array: was it cut short?', fatal: false });
    }
    return left;
  }

  private beginValue(): void {
    this.position -= 1;
    this.state = inValue;
    this.start = this.position;
    this.startLine = this.line;
    this.parts = [];
    this.size = 0;
    this.depth = 0;
    this.inString = false;
    this.escape = false;
    this.oversize = false;
    this.tooDeep = false;
  }

  /** Scans the current element until it ends (returned) or the chunk does (undefined). */
  private scanValue(): ScannedElement | undefined {
    const chunk = this.chunk;
    const length = chunk.length;
    let position = this.position;
    while (position < length) {
      if (this.inString) {
        position = this.skipString(position);
        if (!this.inString && this.depth === 0) return this.finish(position);
        continue;
      }
      const byte = chunk[position]!;
      if (byte === 0x22) this.inString = true;
      else if (byte === 0x7b || byte === 0x5b) {
        this.depth += 1;
        if (this.depth > this.maxDepth && !this.tooDeep) {
          this.tooDeep = true;
          this.parts = [];
        }
      } else if (byte === 0x7d || byte === 0x5d) {
        // A bracket at depth 0 ends a bare value (number, true, garbage) and is read again.
        if (this.depth === 0) return this.finish(position);
        this.depth -= 1;
        if (this.depth === 0) return this.finish(position + 1);
      } else if (this.depth === 0 && (byte === 0x2c || isSpace(byte))) return this.finish(position);
      position += 1;
    }
    this.position = position;
    return undefined;
  }

  /** Index just past the closing quote, or the chunk's length when the string goes on. */
  private skipString(from: number): number {
    const chunk = this.chunk;
    let position = from;
    if (this.escape) {
      this.escape = false;
      position += 1;
    }
    for (;;) {
      const quote = chunk.indexOf(0x22, position);
      const end = quote === -1 ? chunk.length : quote;
      let backslashes = 0;
      for (let back = end - 1; back >= position && chunk[back] === 0x5c; back -= 1) backslashes += 1;
      if (quote === -1) {
        this.escape = backslashes % 2 === 1;
        return chunk.length;
      }
      if (backslashes % 2 === 0) {
        this.inString = false;
        return quote + 1;
      }
      position = quote + 1;
    }
  }

  /** Brings `line` up to the byte at `upTo` (exclusive) by counting newlines in bulk. */
  private countLines(upTo: number): void {
    const chunk = this.chunk;
    let from = this.counted;
    for (let found = chunk.indexOf(0x0a, from); found !== -1 && found < upTo; found = chunk.indexOf(0x0a, from)) {
      this.line += 1;
      from = found + 1;
    }
    this.counted = Math.max(from, Math.min(upTo, chunk.length));
  }

  private finish(endAt: number): ScannedElement {
    this.position = endAt;
    this.keep(endAt);
    this.state = afterValue;
    const base = { index: this.index, fileLine: this.startLine };
    if (this.tooDeep) return { kind: 'too-deep', ...base };
    if (this.oversize) return { kind: 'oversize', ...base, size: this.size };
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    return { kind: 'element', ...base, bytes };
  }

  /** Keeps the element's bytes of this chunk up to `endAt`, unless it is already too big or deep. */
  private keep(endAt: number): void {
    const piece = endAt - Math.max(this.start, 0);
    if (piece <= 0) return;
    this.size += piece;
    if (!this.oversize && this.size > this.maxBytes) {
      this.oversize = true;
      this.parts = [];
    }
    if (!this.oversize && !this.tooDeep) this.parts.push(this.chunk.subarray(this.start, endAt));
    this.start = endAt;
  }
}
