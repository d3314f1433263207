// Structured output: builds a value that validates against the JSON schema sent as `format`,
// deterministically from the prompt, like a well-behaved model under Ollama's grammar.
// Handles what zod's toJSONSchema and hand-written schemas use: type (and type lists), enum,
// const, properties/required, items/prefixItems, min/maxItems, uniqueItems, min/maxLength,
// formats (date-time, date, email, uri, uuid), minimum/maximum (exclusive too), multipleOf,
// anyOf/oneOf/allOf and local $ref. `pattern` is not honoured (no regex synthesis).
import { hash32, isObject, type JsonObject } from './util.js';
import { wordsFrom } from './text.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function valueForSchema(schema: unknown, seed: string): Json {
  const root = isObject(schema) ? schema : {};
  return build(root, root, seed, 0);
}

/** `format: "json"` without a schema: a small object, as a model asked for JSON returns. */
export function plainJsonFor(seed: string): Json {
  return {
    answer: wordsFrom(seed, 6).join(' '),
    confidence: (hash32(`c:${seed}`) % 100) / 100,
    tags: wordsFrom(`t:${seed}`, 3),
  };
}

function resolveRef(root: JsonObject, ref: string): JsonObject {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    node = isObject(node) ? node[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))] : undefined;
  }
  return isObject(node) ? node : {};
}

function pickType(schema: JsonObject): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const first = type.find((t) => t !== 'null') ?? type[0];
    return typeof first === 'string' ? first : 'string';
  }
  if (isObject(schema.properties)) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  return 'string';
}

function build(schema: JsonObject, root: JsonObject, seed: string, depth: number): Json {
  if (depth > 12) return null; // a recursive schema: stop where null is the least harm
  if (typeof schema.$ref === 'string') return build(resolveRef(root, schema.$ref), root, seed, depth + 1);
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum[hash32(`enum:${seed}`) % schema.enum.length] as Json;
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(variants) && variants.length > 0) {
    const usable = variants.filter((v) => isObject(v) && v.type !== 'null');
    const chosen = usable[0] ?? variants[0];
    return build(isObject(chosen) ? chosen : {}, root, seed, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    const merged: JsonObject = { ...schema, allOf: undefined };
    for (const part of schema.allOf) if (isObject(part)) Object.assign(merged, part);
    delete merged.allOf;
    return build(merged, root, seed, depth + 1);
  }
  switch (pickType(schema)) {
    case 'object': return buildObject(schema, root, seed, depth);
    case 'array': return buildArray(schema, root, seed, depth);
    case 'integer': return buildNumber(schema, seed, true);
    case 'number': return buildNumber(schema, seed, false);
    case 'boolean': return hash32(`b:${seed}`) % 2 === 0;
    case 'null': return null;
    default: return buildString(schema, seed);
  }
}

function buildObject(schema: JsonObject, root: JsonObject, seed: string, depth: number): Json {
  const out: { [key: string]: Json } = {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  // Every property is filled, optional ones too: always valid, and tests see full shapes.
  for (const [key, sub] of Object.entries(properties)) {
    out[key] = build(isObject(sub) ? sub : {}, root, `${seed}.${key}`, depth + 1);
  }
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const key of required) {
    if (typeof key === 'string' && !(key in out)) out[key] = buildString({}, `${seed}.${key}`);
  }
  return out;
}

function buildArray(schema: JsonObject, root: JsonObject, seed: string, depth: number): Json {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const length = Math.min(max, Math.max(min, prefix.length, 2));
  const itemSchema = isObject(schema.items) ? schema.items : {};
  const out: Json[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < length && i < length * 20; i += 1) {
    const sub = prefix[out.length];
    const item = build(isObject(sub) ? sub : itemSchema, root, `${seed}[${i}]`, depth + 1);
    const key = JSON.stringify(item);
    if (schema.uniqueItems === true && seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

function buildNumber(schema: JsonObject, seed: string, integer: boolean): number {
  const num = (key: string): number | undefined => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const step = integer ? 1 : 0.01;
  let low = num('minimum') ?? Number.NEGATIVE_INFINITY;
  let high = num('maximum') ?? Number.POSITIVE_INFINITY;
  const exMin = num('exclusiveMinimum');
  const exMax = num('exclusiveMaximum');
  if (exMin !== undefined) low = Math.max(low, exMin + step);
  if (exMax !== undefined) high = Math.min(high, exMax - step);
  if (integer) { low = Math.ceil(low); high = Math.floor(high); }
  // Prefer 0..100, the range most scores and counts live in, within the allowed bounds.
  const from = Math.max(low, Math.min(0, high));
  const to = Math.min(high, Math.max(100, from));
  const fraction = (hash32(`n:${seed}`) % 10_000) / 10_000;
  let value = from + (to - from) * fraction;
  value = integer ? Math.round(value) : Math.round(value * 100) / 100;
  const multipleOf = num('multipleOf');
  if (multipleOf !== undefined && multipleOf > 0) {
    value = Math.ceil(from / multipleOf) * multipleOf;
    value = Number(value.toPrecision(12));
  }
  return Math.min(high, Math.max(low, value));
}

function buildString(schema: JsonObject, seed: string): string {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  const h = hash32(`s:${seed}`);
  let text: string;
  switch (schema.format) {
    case 'date-time': text = new Date(Date.UTC(2025, 0, 1) + (h % 31_536_000) * 1000).toISOString(); break;
    case 'date': text = new Date(Date.UTC(2025, 0, 1) + (h % 365) * 86_400_000).toISOString().slice(0, 10); break;
    case 'email': text = `${wordsFrom(seed, 1)[0] ?? 'someone'}${h % 100}@example.com`; break;
    case 'uri': case 'url': text = `https://example.com/${wordsFrom(seed, 2).join('/')}`; break;
    case 'uuid': text = uuidFrom(seed); break;
    default: text = wordsFrom(seed, 2 + (h % 5)).join(' ');
  }
  while (text.length < minLength) text += ` ${wordsFrom(`${seed}+${text.length}`, 1)[0] ?? 'x'}`;
  return text.length > maxLength ? text.slice(0, maxLength).padEnd(minLength, 'x') : text;
}

function uuidFrom(seed: string): string {
  const hex = Array.from({ length: 4 }, (_, i) => hash32(`u${i}:${seed}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
