import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { FileStore, StoredFile } from '../files';
import { OpenAiError } from './errors';

/** Purposes this door stores: OpenAI batch input, and candidate files (JSON, JSONL, CSV) to evaluate. */
export const uploadPurposes = ['batch', 'user_data'] as const;
export type UploadPurpose = (typeof uploadPurposes)[number];

const isPurpose = (value: string | null): value is UploadPurpose => value !== null && (uploadPurposes as readonly string[]).includes(value);

const purposeError = (purpose: string | null): OpenAiError =>
  purpose === null
    ? new OpenAiError(400, "Missing required parameter: 'purpose'. Use 'batch' for batch input files.", 'purpose')
    : new OpenAiError(400, `'${purpose}' is not a purpose this workstation stores: use 'batch' (or 'user_data' for candidate files).`, 'purpose');

export interface ReceivedUpload {
  file: StoredFile;
  /** The purpose the client sent; the file may have been stored under a provisional one first. */
  purpose: UploadPurpose;
}

/**
 * Reads a multipart/form-data upload (`file` and `purpose`), streaming the file straight into
 * the file store: never whole in memory, never over `limitBytes`. OpenAI's SDKs send `file`
 * before `purpose`, so the bytes are stored under a provisional purpose that the caller
 * corrects once the form has been read whole.
 */
export function receiveUpload(request: IncomingMessage, files: FileStore, limitBytes: number, now: () => number): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // One byte over the limit reaches the store, which refuses the file with a clear message.
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: limitBytes + 1, fields: 20, fieldSize: 64 * 1024 } });
    } catch {
      reject(new OpenAiError(400, 'Send the file as multipart/form-data with the fields file and purpose.'));
      return;
    }
    let purpose: string | null = null;
    let saving: Promise<StoredFile | Error> | null = null;
    parser.on('field', (name, value) => {
      if (name === 'purpose') purpose = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || saving !== null || (purpose !== null && !isPurpose(purpose))) {
        stream.resume();
        return;
      }
      saving = save(stream, files, info.filename || 'upload', isPurpose(purpose) ? purpose : 'batch', limitBytes, now());
    });
    parser.on('error', (error: unknown) => {
      request.unpipe(parser);
      request.resume();
      reject(new OpenAiError(400, `The upload could not be read: ${error instanceof Error ? error.message : String(error)}`));
    });
    parser.on('close', () => {
      void (async () => {
        const stored = await saving;
        if (stored instanceof Error) return reject(stored);
        if (!isPurpose(purpose)) {
          if (stored) files.delete(stored.id);
          return reject(purposeError(purpose));
        }
        if (!stored) return reject(new OpenAiError(400, "Missing required parameter: 'file'. Send the file in a form field named file.", 'file'));
        resolve({ file: stored, purpose });
      })().catch(reject);
    });
    // A client that goes away mid-upload: the parser fails its part, and the store removes what it wrote.
    request.on('close', () => {
      if (!request.complete) parser.destroy(new Error('the client closed the connection mid-upload'));
    });
    request.pipe(parser);
  });
}

/**
 * Stores one file part. A failure (too large, disk full) must not stall the form: the part is
 * then drained, so the parser reaches its end and the client gets the error as an answer.
 */
async function save(stream: Readable, files: FileStore, filename: string, purpose: string, limitBytes: number, now: number): Promise<StoredFile | Error> {
  // Between the parser's stream and the store, so the store's error destroys this one, not the parser's.
  const relay = new PassThrough();
  stream.on('error', (error) => relay.destroy(error));
  stream.pipe(relay);
  try {
    return await files.saveUpload(relay, filename, purpose, limitBytes, now);
  } catch (error) {
    stream.unpipe(relay);
    stream.resume();
    return error instanceof Error ? error : new Error(String(error));
  }
}
