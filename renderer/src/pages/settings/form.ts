import { settingsSchema, type Settings, type SettingsPatch } from '../../../../main/settings/schema';
import { allFields, boundsOf, fieldKeys, isFieldKey, type FieldKey, type NumberKey } from './fields';

/**
 * What the inputs hold: text as typed (numbers too, so "1e" or "" can be shown and explained),
 * and booleans for checkboxes.
 */
export type Draft = Record<FieldKey, string | boolean>;

export type FieldErrors = Partial<Record<FieldKey, string>>;

export type ParseResult = { ok: true; value: Settings } | { ok: false; errors: FieldErrors };

const modelKeyOf = (key: FieldKey): keyof Settings['models'] | null =>
  key.startsWith('models.') ? (key.slice('models.'.length) as keyof Settings['models']) : null;

function valueAt(settings: Settings, key: FieldKey): string | number | boolean {
  const model = modelKeyOf(key);
  return model === null ? settings[key as Exclude<keyof Settings, 'models'>] : settings.models[model];
}

export function toDraft(settings: Settings): Draft {
  const draft = {} as Draft;
  for (const key of fieldKeys) {
    const value = valueAt(settings, key);
    draft[key] = typeof value === 'boolean' ? value : String(value);
  }
  return draft;
}

export function rangeMessage(key: NumberKey): string {
  const { min, max, integer } = boundsOf(key);
  const kind = integer ? 'a whole number' : 'a number';
  if (min !== null && max !== null) return `Use ${kind} from ${min} to ${max}`;
  if (min !== null) return `Use ${kind} of at least ${min}`;
  if (max !== null) return `Use ${kind} up to ${max}`;
  return `Use ${kind}`;
}

/** Validates the whole draft with the core's own schema and names the problem under each field. */
export function parseDraft(draft: Draft): ParseResult {
  const errors: FieldErrors = {};
  const candidate: Record<string, unknown> = { models: {} };
  for (const field of allFields) {
    const raw = draft[field.key];
    let value: unknown = raw;
    if (field.kind === 'number') {
      const text = String(raw).trim();
      value = text === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) errors[field.key] = text === '' ? 'Enter a number' : rangeMessage(field.key);
    }
    const model = modelKeyOf(field.key);
    if (model === null) candidate[field.key] = value;
    else (candidate.models as Record<string, unknown>)[model] = value;
  }
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    if (!isFieldKey(key) || errors[key] !== undefined) continue;
    const field = allFields.find((entry) => entry.key === key);
    // zod's own words for numbers ("expected int, received number") do not help a person.
    errors[key] = field?.kind === 'number' ? rangeMessage(field.key) : issue.message;
  }
  return { ok: false, errors };
}

/** Only the settings that differ, in the shape `settings.update` takes. */
export function diffSettings(base: Settings, next: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  const models: Record<string, string> = {};
  for (const key of fieldKeys) {
    const before = valueAt(base, key);
    const after = valueAt(next, key);
    if (before === after) continue;
    const model = modelKeyOf(key);
    if (model === null) patch[key] = after;
    else models[model] = String(after);
  }
  if (Object.keys(models).length > 0) patch.models = models;
  return patch as SettingsPatch;
}

/** Fields whose input no longer shows the saved value. */
export const changedFields = (draft: Draft, base: Settings): FieldKey[] => {
  const saved = toDraft(base);
  return fieldKeys.filter((key) => draft[key] !== saved[key]);
};

export const sameSettings = (a: Settings, b: Settings): boolean => changedFields(toDraft(a), b).length === 0;

/**
 * Settings changed elsewhere while the analyst was editing: take the new values for the fields
 * they left alone and keep what they typed in the others.
 */
export function rebaseDraft(draft: Draft, oldBase: Settings, newBase: Settings): Draft {
  const before = toDraft(oldBase);
  const after = toDraft(newBase);
  const next = { ...draft };
  for (const key of fieldKeys) if (draft[key] === before[key]) next[key] = after[key];
  return next;
}

/** The core prefixes its message with the field's path; under the field itself that is noise. */
export function stripFieldPrefix(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
