import { ApiError } from '../../../lib/errors';
import type { DocumentDraft } from './useDocumentDraft';
import type { DocumentInput } from '../../../../../main/interviews/kits/documents/input';

/** Where a complaint about the new kit is shown: at its field, or under the form. */
export type KitField = 'title' | 'language' | 'cv' | 'jd' | null;

export interface KitFieldError {
  field: KitField;
  message: string;
}

const fields = new Set<KitField>(['title', 'language', 'cv', 'jd']);

/**
 * The core's refusal placed at the field it names ('cv', or 'cv.fileName' from the schema), without
 * the code name in front of the sentence: "The CV (cv.pdf) is not a PDF…" reads on its own.
 */
export function kitFieldError(error: unknown): KitFieldError {
  if (error instanceof ApiError && error.field !== undefined) {
    const head = error.field.split('.')[0] as KitField;
    if (fields.has(head)) return { field: head, message: error.message.replace(/^[A-Za-z.\d]+: /, '') };
  }
  return { field: null, message: error instanceof Error ? error.message : String(error) };
}

/** A document's input, with a failed upload reported at its own box. */
export async function documentInput(role: 'cv' | 'jd', draft: DocumentDraft): Promise<DocumentInput> {
  try {
    return await draft.input();
  } catch (error) {
    throw new ApiError('invalid_input', error instanceof Error ? error.message : String(error), role);
  }
}
