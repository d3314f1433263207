import { z } from 'zod';
import type { BatchUrl, IngestProblemCode } from './types';

/**
 * One line of an OpenAI batch input file, as OpenAI documents it:
 * `{"custom_id": "...", "method": "POST", "url": "/v1/chat/completions", "body": {...}}`.
 * Bodies are checked for what the queue needs (model, messages or input); every other body field
 * (temperature, response_format, tools, ...) is passed through untouched.
 */
const missingOr = (missing: string, wrong: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? missing : wrong),
});

export const chatMessageRoles = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;

const chatMessageSchema = z
  .looseObject({
    role: z.enum(chatMessageRoles, missingOr('role is missing', `role must be one of ${chatMessageRoles.join(', ')}`)),
    content: z.union([z.string(), z.array(z.unknown()), z.null()], missingOr('content is missing', 'content must be a string or an array of parts')).optional(),
  })
  .refine((message) => message.role === 'assistant' || (message.content !== undefined && message.content !== null), {
    message: 'content is missing',
    path: ['content'],
  });

const modelSchema = z
  .string(missingOr('model is missing: name the model to run, e.g. "llama3.1:8b"', 'model must be a string'))
  .trim()
  .min(1, 'model is empty: name the model to run, e.g. "llama3.1:8b"');

export const chatBodySchema = z.looseObject({
  model: modelSchema,
  messages: z.array(chatMessageSchema, missingOr('messages is missing: a chat request needs a list of messages', 'messages must be a list')).min(1, 'messages is empty'),
});

const embeddingInputSchema = z.union(
  [z.string().min(1), z.array(z.string()).min(1), z.array(z.number()).min(1), z.array(z.array(z.number()).min(1)).min(1)],
  missingOr('input is missing: an embeddings request needs the text to embed', 'input must be a string, a list of strings, or token arrays'),
);

export const embeddingBodySchema = z.looseObject({ model: modelSchema, input: embeddingInputSchema });

export type ChatCompletionBody = z.output<typeof chatBodySchema>;
export type EmbeddingBody = z.output<typeof embeddingBodySchema>;
export type BatchRequestBody = ChatCompletionBody | EmbeddingBody;

const lineSchema = z.object({
  custom_id: z.string(missingOr('custom_id is missing: every line needs its own id', 'custom_id must be a string')).min(1, 'custom_id is empty'),
  method: z.literal('POST', missingOr('method is missing: use "POST"', 'method must be "POST"')),
  url: z.string(missingOr('url is missing: use /v1/chat/completions or /v1/embeddings', 'url must be a string')),
  body: z.record(z.string(), z.unknown(), missingOr('body is missing', 'body must be an object')),
});

export type RequestCheck =
  | { ok: true; customId: string; url: BatchUrl; body: BatchRequestBody }
  | { ok: false; code: IngestProblemCode; field?: string; message: string };

/** Checks one parsed line; the caller reports the first failure with the line it came from. */
export function checkRequestLine(value: unknown, endpoint?: BatchUrl): RequestCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, code: 'not-an-object', message: 'a request line must be a JSON object with custom_id, method, url and body' };
  }
  const line = lineSchema.safeParse(value, { reportInput: true });
  if (!line.success) return failure(line.error.issues, '');
  const { custom_id: customId, url, body } = line.data;
  if (url !== '/v1/chat/completions' && url !== '/v1/embeddings') {
    return { ok: false, code: 'unsupported-url', field: 'url', message: `url ${JSON.stringify(url)} is not supported: use /v1/chat/completions or /v1/embeddings` };
  }
  if (endpoint !== undefined && url !== endpoint) {
    return { ok: false, code: 'unsupported-url', field: 'url', message: `url ${url} differs from this batch's endpoint ${endpoint}: one batch runs one endpoint` };
  }
  const parsed = url === '/v1/chat/completions' ? chatBodySchema.safeParse(body, { reportInput: true }) : embeddingBodySchema.safeParse(body, { reportInput: true });
  if (!parsed.success) return failure(parsed.error.issues, 'body.');
  return { ok: true, customId, url, body: parsed.data };
}

function failure(issues: readonly z.core.$ZodIssue[], prefix: string): RequestCheck {
  const first = issues[0];
  if (first === undefined) return { ok: false, code: 'invalid-request', message: 'the request is not valid' };
  const field = `${prefix}${first.path.map(String).join('.')}`;
  const missing = first.input === undefined;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const name = field.slice(field.lastIndexOf('.') + 1);
  const message = name !== '' && first.message.startsWith(name) ? `${field}${first.message.slice(name.length)}` : `${field}: ${first.message}`;
  return { ok: false, code: missing ? 'missing-field' : 'invalid-request', field, message: `${message}${more}` };
}
