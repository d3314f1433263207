import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { securityHeaders } from '../../api/http/respond';
import { errorLines, outputLines } from '../export';
import type { StoredFile } from '../files';
import { OpenAiError, sendOpenAiJson } from './errors';
import { fileObject, listObject } from './objects';
import { parseOrThrow, queryOf } from './request';
import { filePage, setFilePurpose } from './rows';
import type { Route, RouteCall } from './context';
import { receiveUpload } from './upload';

/** Multipart framing around the file: headers, boundaries and the purpose field. */
const formOverheadBytes = 1024 * 1024;

async function createFile({ request, response, context }: RouteCall): Promise<void> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > context.uploadLimitBytes + formOverheadBytes) {
    throw new OpenAiError(413, `The file is larger than ${Math.round(context.uploadLimitBytes / 2 ** 20)} MiB.`, 'file');
  }
  const { file, purpose } = await receiveUpload(request, context.files, context.uploadLimitBytes, context.now);
  if (file.purpose !== purpose) setFilePurpose(context.db, file.id, purpose);
  sendOpenAiJson(response, 200, fileObject(context.files.get(file.id)));
}

const listQuery = z.object({
  purpose: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(10_000),
  after: z.string().min(1).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

async function listFiles({ response, url, context }: RouteCall): Promise<void> {
  const query = parseOrThrow(listQuery, queryOf(url));
  const page = filePage(context.db, query);
  sendOpenAiJson(response, 200, listObject(page.ids.map((id) => fileObject(context.files.get(id))), page.hasMore));
}

/** The store's not-found, in OpenAI's words. */
function fileOrThrow(call: RouteCall): StoredFile {
  const id = call.params[0]!;
  try {
    return call.context.files.get(id);
  } catch {
    throw new OpenAiError(404, `No such File object: ${id}`, 'id', 'file_not_found');
  }
}

async function retrieveFile(call: RouteCall): Promise<void> {
  sendOpenAiJson(call.response, 200, fileObject(fileOrThrow(call)));
}

async function deleteFile(call: RouteCall): Promise<void> {
  const file = fileOrThrow(call);
  call.context.files.delete(file.id);
  sendOpenAiJson(call.response, 200, { id: file.id, object: 'file', deleted: true });
}

/** Lines joined into chunks of about 64 KiB: one socket write per chunk rather than per line. */
async function* chunks(lines: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let pending: string[] = [];
  let length = 0;
  for await (const line of lines) {
    pending.push(line);
    length += line.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

async function send(response: ServerResponse, body: Readable, headers: Record<string, string | number>): Promise<void> {
  response.writeHead(200, { ...securityHeaders, ...headers });
  try {
    await pipeline(body, response);
  } catch (error) {
    // The client went away mid-download: nothing to answer. Anything else is cut off as incomplete.
    if (!response.destroyed) response.destroy();
    if (!(error instanceof Error && 'code' in error && error.code === 'ERR_STREAM_PREMATURE_CLOSE')) throw error;
  }
}

/**
 * Uploads come from disk as stored. A batch's output and error files are produced from its
 * items as they are sent, a page at a time, so even a 170,000-item batch is never whole in memory.
 */
async function fileContent(call: RouteCall): Promise<void> {
  const file = fileOrThrow(call);
  const disposition = `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`;
  if (file.path !== null) {
    const headers = { 'content-type': 'application/octet-stream', 'content-length': file.bytes, 'content-disposition': disposition };
    return send(call.response, createReadStream(file.path), headers);
  }
  if (file.batchId === null) throw new OpenAiError(404, `File ${file.id} has no content.`, 'id');
  const lines = file.purpose === 'batch_error' ? errorLines(call.context.db, file.batchId) : outputLines(call.context.db, file.batchId);
  // No content-length: the lines are produced as they go (chunked transfer).
  return send(call.response, Readable.from(chunks(lines)), { 'content-type': 'application/jsonl; charset=utf-8', 'content-disposition': disposition });
}

const id = '([A-Za-z0-9_-]+)';

export const fileRoutes: Route[] = [
  { method: 'POST', path: /^\/v1\/files$/, run: createFile },
  { method: 'GET', path: /^\/v1\/files$/, run: listFiles },
  { method: 'GET', path: new RegExp(`^/v1/files/${id}$`), run: retrieveFile },
  { method: 'DELETE', path: new RegExp(`^/v1/files/${id}$`), run: deleteFile },
  { method: 'GET', path: new RegExp(`^/v1/files/${id}/content$`), run: fileContent },
];
