import { ApiError } from '../../../main/api/errors';

/** A sentence for a person, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return String(error);
}

export { ApiError };
