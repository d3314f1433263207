import type { z } from 'zod';
import { ApiError } from '../../../main/api/errors';
import type { fileSourceSchema } from '../../../main/batch/submit-contract';

/** Where the core reads a file from: a path on this machine, or a file uploaded to it. */
export type FileSource = z.output<typeof fileSourceSchema>;

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface SourceOptions {
  /** Called as the upload goes (in a browser only; a path needs no upload). */
  onProgress?: (progress: UploadProgress) => void;
  /** Aborts the upload; the promise then rejects with an ApiError of code `cancelled`. */
  signal?: AbortSignal;
}

type Purpose = 'batch' | 'user_data';

interface UploadAnswer {
  status: number;
  body: unknown;
}

/** OpenAI's error shape: `{error: {message, param?, code?}}`. */
function openAiError(body: unknown): { message: string; param: string | null } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || typeof (error as { message?: unknown }).message !== 'string') return null;
  const { message, param } = error as { message: string; param?: unknown };
  return { message, param: typeof param === 'string' ? param : null };
}

/** One multipart POST to /v1/files, with upload progress, as the page's own cookie authorises it. */
function postFile(file: File, purpose: Purpose, options: SourceOptions): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const form = new FormData();
    // Purpose first: a server reading the form as a stream then knows it before the bytes arrive.
    form.append('purpose', purpose);
    form.append('file', file, file.name);
    const onAbort = (): void => request.abort();
    const done = (): void => options.signal?.removeEventListener('abort', onAbort);
    request.open('POST', '/v1/files');
    request.withCredentials = true;
    request.responseType = 'text';
    request.upload.onprogress = (event) => options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onload = () => {
      done();
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText) as unknown;
      } catch {
        // Not JSON: reported below by status.
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => {
      done();
      reject(new ApiError('internal', 'The workstation server is not answering: is `npm run serve` still running?'));
    };
    request.onabort = () => {
      done();
      reject(new ApiError('cancelled', `The upload of ${file.name} was cancelled.`));
    };
    if (options.signal?.aborted) {
      reject(new ApiError('cancelled', `The upload of ${file.name} was cancelled.`));
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    request.send(form);
  });
}

const refusesPurpose = (answer: UploadAnswer): boolean => {
  const error = openAiError(answer.body);
  return answer.status === 400 && error !== null && (error.param === 'purpose' || /purpose/i.test(error.message));
};

/** An OpenAI batch file goes up as `batch`; candidate files as `user_data`. */
const purposesFor = (file: File): Purpose[] => (/\.jsonl$/i.test(file.name) ? ['batch', 'user_data'] : ['user_data', 'batch']);

async function upload(file: File, options: SourceOptions): Promise<FileSource> {
  const [first, second] = purposesFor(file) as [Purpose, Purpose];
  let answer = await postFile(file, first, options);
  if (refusesPurpose(answer)) answer = await postFile(file, second, options);
  const id = (answer.body as { id?: unknown } | null)?.id;
  if (answer.status >= 200 && answer.status < 300 && typeof id === 'string') return { fileId: id };
  const error = openAiError(answer.body);
  if (answer.status === 404 && error === null) {
    throw new ApiError('not_found', 'This workstation server does not take uploads (it has no /v1/files): update it, or run the batch from the command line.');
  }
  if (answer.status === 401) throw new ApiError('unauthorized', 'The server did not accept this page’s token: open the link `npm run serve` printed again.');
  throw new ApiError(answer.status === 413 ? 'payload_too_large' : 'invalid_input', `${file.name} could not be uploaded: ${error?.message ?? `HTTP ${answer.status}`}`);
}

/**
 * The `source` for batch.inspect and batch.submit. Inside Electron the core reads the file where it
 * lies (its path, from the preload); in a browser it is uploaded first with POST /v1/files.
 */
export async function sourceForFile(file: File, options: SourceOptions = {}): Promise<FileSource> {
  const bridge = window.tw;
  if (bridge === undefined) return upload(file, options);
  const path = bridge.pathForFile(file);
  if (path === '') throw new ApiError('invalid_input', `${file.name} is not a file on this computer (it came from another app?): save it to a folder first, then drop it here.`);
  return { path };
}
