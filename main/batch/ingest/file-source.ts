import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The file's bytes, read in chunks only as fast as the consumer pulls them (an async iterator
 * over a read stream pauses the stream between pulls), hashed and counted on the way through.
 * Reading the rest after an early stop (`drain`) keeps the sha256 a fingerprint of the whole file,
 * so the queue can recognise the same file dropped twice even when it was refused.
 */
export class FileSource {
  private readonly hash: Hash = createHash('sha256');
  private bytesRead = 0;
  private newlines = 0;
  private lastByte = -1;
  private started = false;
  private iterator: AsyncIterator<Buffer> | undefined;

  constructor(
    private readonly path: string,
    private readonly signal?: AbortSignal,
    private readonly chunkBytes = 1024 * 1024,
  ) {}

  /** The chunks, once; a consumer that stops early leaves the rest for `drain`. */
  chunks(): AsyncIterable<Buffer> {
    if (this.started) throw new Error('FileSource.chunks() can be read once');
    this.started = true;
    const stream = createReadStream(this.path, { highWaterMark: this.chunkBytes, signal: this.signal });
    this.iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const iterator = this.iterator;
    return {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const result = await iterator.next();
          if (!result.done) this.count(result.value);
          return result;
        },
        // Leaving a for-await early must not close the stream: drain() may still need it.
        return: async () => ({ done: true, value: undefined }),
      }),
    };
  }

  /** Reads whatever the consumer left, for the hash and counts only. */
  async drain(): Promise<void> {
    if (!this.started) {
      for await (const chunk of this.chunks()) void chunk;
      return;
    }
    for (let result = await this.iterator!.next(); !result.done; result = await this.iterator!.next()) this.count(result.value);
  }

  /** Closes the stream without reading on (the consumer gave up on the records). */
  async close(): Promise<void> {
    await this.iterator?.return?.();
  }

  summary(): { sha256: string; bytes: number; lines: number } {
    const lines = this.newlines + (this.bytesRead > 0 && this.lastByte !== 0x0a ? 1 : 0);
    return { sha256: this.hash.copy().digest('hex'), bytes: this.bytesRead, lines };
  }

  private count(chunk: Buffer): void {
    this.hash.update(chunk);
    this.bytesRead += chunk.length;
    for (let index = chunk.indexOf(0x0a); index !== -1; index = chunk.indexOf(0x0a, index + 1)) this.newlines += 1;
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1]!;
  }
}

/** The fingerprint the queue compares before ingesting anything: sha256 and size of the file. */
export async function fileFingerprint(path: string, signal?: AbortSignal): Promise<{ sha256: string; bytes: number }> {
  const source = new FileSource(path, signal);
  await source.drain();
  const { sha256, bytes } = source.summary();
  return { sha256, bytes };
}
