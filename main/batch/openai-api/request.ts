import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { BodyTooLargeError, readBody } from '../../api/http/respond';
import { OpenAiError } from './errors';

const jsonLimitBytes = 1024 * 1024;

/** A JSON body checked against a schema; the first complaint names its parameter, as OpenAI's do. */
export async function readJson<T extends z.ZodType>(request: IncomingMessage, schema: T): Promise<z.output<T>> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? 'application/json')) {
    throw new OpenAiError(400, 'Send the body as application/json.');
  }
  let body: Buffer;
  try {
    body = await readBody(request, jsonLimitBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new OpenAiError(413, `The request body is larger than ${jsonLimitBytes} bytes.`);
    throw error;
  }
  let value: unknown;
  try {
    value = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new OpenAiError(400, `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseOrThrow(schema, value);
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue?.path.map(String).join('.') || null;
  const message = issue ? (param ? `${param}: ${issue.message}` : issue.message) : 'Invalid request';
  throw new OpenAiError(400, message, param);
}

/** Query parameters as a plain object, for a schema to check (OpenAI's lists: limit, after, ...). */
export const queryOf = (url: URL): Record<string, string> => Object.fromEntries(url.searchParams.entries());
