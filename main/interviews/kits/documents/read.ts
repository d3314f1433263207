import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../../api/errors';
import type { KitDocument } from '../schema';
import { maxDocumentChars, maxUploadBytes, type DocumentInput } from './input';
import { docxText, pdfText, UnreadableDocument } from './parsers';
import { sniff } from './sniff';

/**
 * A CV or job description as the analyst gives it: pasted text, or a file's bytes in base64 (the
 * window and a browser in `serve` mode both send files this way). Whatever is wrong with it comes
 * back naming the document and the problem.
 */

export type DocumentRole = 'cv' | 'jd';
const minDocumentChars = 40;
const roleNames: Readonly<Record<DocumentRole, string>> = { cv: 'The CV', jd: 'The job description' };
const accepted = 'upload a .pdf, .docx, .txt or .md file, or paste the text';

const megabytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Line ends, stray control characters and runs of blank lines tidied; the words untouched. */
export function tidyText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeBase64(base64: string): Buffer | null {
  const body = base64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) return null;
  return Buffer.from(body, 'base64');
}

function checked(text: string, label: string, role: DocumentRole, emptyReason: string): string {
  const tidy = tidyText(text);
  if (tidy.length === 0) throw new ApiError('invalid_input', `${label} ${emptyReason}`, role);
  if (tidy.replace(/\s+/g, '').length < minDocumentChars) throw new ApiError('invalid_input', `${label} is too short to work from (${tidy.length} characters)`, role);
  if (tidy.length > maxDocumentChars) throw new ApiError('invalid_input', `${label} holds ${tidy.length} characters of text, more than the ${maxDocumentChars} read: paste the relevant part`, role);
  return tidy;
}

async function readBytes(role: DocumentRole, fileName: string, content: Buffer | string): Promise<KitDocument> {
  const label = `${roleNames[role]} (${fileName})`;
  const fail = (reason: string): never => {
    throw new ApiError('invalid_input', `${label} ${reason}`, role);
  };
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const kind = extension === 'markdown' ? 'md' : extension;
  if (kind === 'doc') fail('is an old Word .doc file: save it as .docx or PDF, or paste the text');
  if (kind !== 'pdf' && kind !== 'docx' && kind !== 'txt' && kind !== 'md') fail(`is ${extension === '' ? 'a file without a type' : `a .${extension} file`}: ${accepted}`);
  const bytes = typeof content === 'string' ? (decodeBase64(content) ?? fail('could not be read: its base64 content is not valid')) : content;
  if (bytes.length === 0) fail('is empty (0 bytes)');
  if (bytes.length > maxUploadBytes) throw new ApiError('payload_too_large', `${label} is ${megabytes(bytes.length)}: the limit is ${megabytes(maxUploadBytes)}. Paste the text instead`, role);
  const sniffed = sniff(bytes);
  const finished = (text: string, emptyReason: string): KitDocument => ({ name: fileName, kind: kind as KitDocument['kind'], text: checked(text, label, role, emptyReason) });
  try {
    if (kind === 'pdf') {
      if (sniffed.kind !== 'pdf') fail(`is not a PDF: it looks like ${sniffed.looksLike}`);
      return finished(await pdfText(bytes), 'has no text layer (a scanned PDF): paste the text instead');
    }
    if (kind === 'docx') {
      if (sniffed.kind !== 'zip') fail(`is not a Word document: a .docx is a zip archive, and this looks like ${sniffed.looksLike}`);
      return finished(await docxText(bytes), 'has no text in it');
    }
    if (sniffed.kind !== 'text' || sniffed.text === undefined) fail(`is not a text file: it looks like ${sniffed.looksLike}`);
    return finished(sniffed.text ?? '', 'has no text in it');
  } catch (error) {
    if (error instanceof UnreadableDocument) fail(error.message);
    throw error;
  }
}

/** Where a file uploaded to /v1/files lies (the FileStore's answer): its path and original name. */
export type UploadedFileResolver = (fileId: string) => { path: string | null; filename: string; bytes: number };

function readStoredFile(role: DocumentRole, path: string, fileName: string): Promise<KitDocument> {
  const label = `${roleNames[role]} (${fileName})`;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ApiError('invalid_input', `${label} could not be found at ${path}`, role);
  }
  if (size > maxUploadBytes) throw new ApiError('payload_too_large', `${label} is ${megabytes(size)}: the limit is ${megabytes(maxUploadBytes)}. Paste the text instead`, role);
  return readBytes(role, fileName, readFileSync(path));
}

export async function readDocument(role: DocumentRole, input: DocumentInput, uploaded?: UploadedFileResolver): Promise<KitDocument> {
  if (input.base64 !== undefined && input.fileName !== undefined) return readBytes(role, input.fileName, input.base64);
  if (input.path !== undefined) return readStoredFile(role, input.path, basename(input.path));
  if (input.fileId !== undefined) {
    const file = uploaded?.(input.fileId);
    if (file === undefined || file.path === null) throw new ApiError('invalid_input', `${roleNames[role]}: ${input.fileId} is not an uploaded file`, role);
    return readStoredFile(role, file.path, input.fileName ?? file.filename);
  }
  return { name: 'pasted text', kind: 'text', text: checked(input.text ?? '', roleNames[role], role, 'is empty: paste its text or upload the file') };
}
