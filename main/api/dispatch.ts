import type { z } from 'zod';
import { contract, isMethodName, type Handlers } from './contract';
import { ApiError, type ApiResult } from './errors';

export type Dispatch = (method: string, rawInput: unknown) => Promise<ApiResult<unknown>>;

/** Turns zod's first complaint into one sentence that names the field. */
export function describeZodError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return new ApiError('invalid_input', 'Invalid input');
  const field = issue.path.map(String).join('.');
  const message = field === '' ? issue.message : `${field}: ${issue.message}`;
  return new ApiError('invalid_input', message, field === '' ? undefined : field);
}

/**
 * The single place every door goes through: the method must exist, the input must match its
 * schema, and whatever goes wrong comes back as a value rather than a throw.
 */
export function createDispatcher(handlers: Handlers, onUnexpected: (error: unknown) => void): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'not_found', message: `Unknown method "${method}"` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: describeZodError(parsed.error).toBody() };
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown> | unknown;
      const value: unknown = await handler(parsed.data);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      onUnexpected(error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `Unexpected error in ${method}: ${message}` } };
    }
  };
}
