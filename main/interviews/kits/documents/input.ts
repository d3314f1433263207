import { z } from 'zod';

/**
 * What the contract takes for a CV or a job description: pasted text, or a file's name and bytes
 * in base64. Kept apart from the parsers so the contract loads none of them.
 */

export const maxUploadBytes = 10 * 1024 * 1024;
export const maxDocumentChars = 200_000;
/** Lets an oversized file reach the size check, which names it, rather than fail in the schema. */
const maxBase64Chars = Math.ceil((maxUploadBytes * 2 * 4) / 3);

const absolutePath = z.string().min(1).refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), 'Give an absolute file path');

/**
 * Exactly one of: pasted `text`; a file's `fileName` and `base64` bytes (small files, any door);
 * the `fileId` of a file uploaded to /v1/files (a browser on `serve`: the JSON body limit is 1 MiB,
 * uploads are not held to it); or a `path` on this machine (the window and the CLI).
 */
export const documentInputSchema = z
  .object({
    text: z.string().max(maxDocumentChars, `Keep pasted text under ${maxDocumentChars} characters`).optional(),
    fileName: z.string().trim().min(1, 'Name the file').max(255).optional(),
    base64: z.string().max(maxBase64Chars, `The file is over ${maxUploadBytes / 2 ** 20} MB`).optional(),
    fileId: z.string().min(1).optional(),
    path: absolutePath.optional(),
  })
  .strict()
  .refine(
    (input) => [input.text, input.base64, input.fileId, input.path].filter((value) => value !== undefined).length === 1,
    'Give one of: the text, a file (fileName and base64), an uploaded fileId, or a path',
  )
  .refine((input) => input.base64 === undefined || input.fileName !== undefined, 'An uploaded file needs its fileName');
export type DocumentInput = z.output<typeof documentInputSchema>;
