import type { ExitSetup } from '../../../../main/interviews/schema';
import { ApiError } from '../../lib/errors';

/** The form as typed: every field a string, tenure in years and months. */
export interface SetupDraft {
  employeeName: string;
  employeeRef: string;
  anonymous: boolean;
  department: string;
  role: string;
  tenureYears: string;
  tenureMonths: string;
  manager: string;
  voluntary: boolean;
  leavingDate: string;
}

export const emptySetup: SetupDraft = {
  employeeName: '',
  employeeRef: '',
  anonymous: false,
  department: '',
  role: '',
  tenureYears: '',
  tenureMonths: '',
  manager: '',
  voluntary: true,
  leavingDate: '',
};

/** A message for one field of the form: the field the core named, or ours. */
export interface FieldError {
  field: keyof SetupDraft | 'tenure' | null;
  message: string;
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** "2" years and "6" months → 30; both empty → null; anything else → an error at the tenure fields. */
export function tenureOf(years: string, months: string): number | null | FieldError {
  if (years.trim() === '' && months.trim() === '') return null;
  const y = years.trim() === '' ? 0 : Number(years);
  const m = months.trim() === '' ? 0 : Number(months);
  if (!Number.isInteger(y) || !Number.isInteger(m) || y < 0 || m < 0) return { field: 'tenure', message: 'Tenure is whole years and months, such as 2 years 6 months.' };
  if (m > 11) return { field: 'tenure', message: 'Months run from 0 to 11; put whole years in the years field.' };
  return y * 12 + m;
}

/** What interviews.create takes; an anonymous interview sends no name or id at all. */
export function setupOf(draft: SetupDraft): Partial<ExitSetup> | FieldError {
  const tenure = tenureOf(draft.tenureYears, draft.tenureMonths);
  if (typeof tenure === 'object' && tenure !== null) return tenure;
  return {
    employeeName: draft.anonymous ? null : text(draft.employeeName),
    employeeRef: draft.anonymous ? null : text(draft.employeeRef),
    anonymous: draft.anonymous,
    department: text(draft.department),
    role: text(draft.role),
    tenureMonths: tenure,
    manager: text(draft.manager),
    voluntary: draft.voluntary,
    leavingDate: text(draft.leavingDate),
  };
}

const fieldNames: Record<string, FieldError['field']> = {
  employeeName: 'employeeName',
  employeeRef: 'employeeRef',
  department: 'department',
  role: 'role',
  tenureMonths: 'tenure',
  manager: 'manager',
  leavingDate: 'leavingDate',
};

/** The core's refusal placed at its field, without the field's code name in front of the sentence. */
export function fieldErrorOf(error: unknown): FieldError {
  if (error instanceof ApiError) {
    const field = error.field === undefined ? null : (fieldNames[error.field] ?? null);
    return { field, message: field === null ? error.message : error.message.replace(/^[A-Za-z.\d]+: /, '') };
  }
  return { field: null, message: error instanceof Error ? error.message : String(error) };
}
