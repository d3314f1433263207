/**
 * Errors cross every door as values ({ ok: false, error }) and are turned back into throws by the
 * client. The code decides the HTTP status and the CLI exit; the message is for a person.
 */
export const errorCodes = [
  'invalid_input',
  'unauthorized',
  'not_found',
  'payload_too_large',
  'engine_unavailable',
  'conflict',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending field, when the error is about one input field. */
  field?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.field);
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  payload_too_large: 413,
  engine_unavailable: 503,
  conflict: 409,
  cancelled: 499,
  internal: 500,
};

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.message === 'string' &&
    typeof candidate.code === 'string' &&
    (errorCodes as readonly string[]).includes(candidate.code)
  );
}
