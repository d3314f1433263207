import type { ServerResponse } from 'node:http';
import { ApiError, type ErrorCode } from '../../api/errors';
import { securityHeaders } from '../../api/http/respond';

/**
 * Errors as OpenAI's API answers them, `{"error": {message, type, param, code}}`, so the official
 * SDKs raise their own typed errors (BadRequestError, NotFoundError, ...) with our message.
 */
export class OpenAiError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 500 | 503,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly type: string = status >= 500 ? 'server_error' : 'invalid_request_error',
  ) {
    super(message);
  }

  body(): { error: { message: string; type: string; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

const fromCore: Record<ErrorCode, OpenAiError['status']> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  payload_too_large: 413,
  conflict: 409,
  engine_unavailable: 503,
  cancelled: 409,
  internal: 500,
};

/** Any error met while answering, in OpenAI's terms; the core's own errors keep their message and field. */
export function toOpenAiError(error: unknown): OpenAiError {
  if (error instanceof OpenAiError) return error;
  if (error instanceof ApiError) return new OpenAiError(fromCore[error.code], error.message, error.field ?? null, error.code === 'internal' ? null : error.code);
  const message = error instanceof Error ? error.message : String(error);
  return new OpenAiError(500, `Unexpected error: ${message}`);
}

export function sendOpenAiJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendOpenAiError(response: ServerResponse, error: unknown): void {
  const openAi = toOpenAiError(error);
  if (response.headersSent) {
    // A stream already under way cannot turn into an error: cut it, so the client sees it incomplete.
    response.destroy();
    return;
  }
  sendOpenAiJson(response, openAi.status, openAi.body());
}

export const invalidApiKey = new OpenAiError(
  401,
  'Incorrect API key provided: use the token that `npm run serve` printed (the part after ?token=) as the API key.',
  null,
  'invalid_api_key',
);
