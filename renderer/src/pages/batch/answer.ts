/**
 * Reading one stored item for the detail panel: the prompt's messages from the request, and the
 * answer as a candidate evaluation when it is one, else as text or JSON. Stored bodies are
 * OpenAI's shapes, typed here as unknown and read defensively: an OpenAI batch may hold anything.
 */

export interface PromptMessage {
  role: string;
  content: string;
}

export interface Evaluation {
  education: number | null;
  company: number | null;
  trajectory: number | null;
  overall: number | null;
  recommendation: string | null;
  rationale: string | null;
  evidence: string[];
}

export type Answer =
  | { kind: 'none' }
  | { kind: 'evaluation'; evaluation: Evaluation; raw: string }
  | { kind: 'text'; text: string }
  | { kind: 'json'; json: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Longest JSON shown as it is; an embedding of thousands of numbers is cut with a note. */
const maxJsonLength = 20_000;

export function prettyJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return text.length > maxJsonLength ? `${text.slice(0, maxJsonLength)}\n… (${text.length - maxJsonLength} more characters)` : text;
}

/** Message content as text: a string, or the text parts of OpenAI's content array. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : isRecord(part) ? `[${String(part.type ?? 'part')}]` : ''))
      .join('\n');
  }
  return content === null || content === undefined ? '' : prettyJson(content);
}

/** The request body, whether stored as the batch line ({url, body}) or as the body itself. */
function bodyOf(request: unknown): Record<string, unknown> | null {
  if (!isRecord(request)) return null;
  if (isRecord(request.body)) return request.body;
  return request;
}

/**
 * A message that carries JSON after a line of text ("Candidate profile (JSON):" then one long
 * line), with the JSON laid out to read; any other text as it is.
 */
export function readable(content: string): string {
  const start = content.search(/[[{]/);
  if (start < 0) return content;
  try {
    const value: unknown = JSON.parse(content.slice(start));
    return `${content.slice(0, start)}${JSON.stringify(value, null, 2)}`;
  } catch {
    return content;
  }
}

export function messagesOf(request: unknown): PromptMessage[] {
  const body = bodyOf(request);
  if (body === null) return [];
  if (Array.isArray(body.messages)) {
    return body.messages.filter(isRecord).map((message) => ({ role: typeof message.role === 'string' ? message.role : 'message', content: textOf(message.content) }));
  }
  // An embeddings request: its input, one entry per text.
  if (body.input !== undefined) {
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    return inputs.map((input) => ({ role: 'input', content: textOf(input) }));
  }
  return [];
}

export const modelOf = (request: unknown): string | null => {
  const model = bodyOf(request)?.model;
  return typeof model === 'string' ? model : null;
};

const numberOr = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const textOr = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** An evaluation as the candidate template asks for it; null when the object is something else. */
export function evaluationOf(value: unknown): Evaluation | null {
  if (!isRecord(value)) return null;
  const evaluation: Evaluation = {
    education: numberOr(value.education),
    company: numberOr(value.company),
    trajectory: numberOr(value.trajectory),
    overall: numberOr(value.overall),
    recommendation: textOr(value.recommendation),
    rationale: textOr(value.rationale),
    evidence: Array.isArray(value.evidence) ? value.evidence.map((entry) => (typeof entry === 'string' ? entry : prettyJson(entry))) : [],
  };
  return evaluation.overall === null && evaluation.recommendation === null && evaluation.rationale === null ? null : evaluation;
}

export function answerOf(response: unknown): Answer {
  if (response === null || response === undefined) return { kind: 'none' };
  if (!isRecord(response)) return { kind: 'json', json: prettyJson(response) };
  const choices = response.choices;
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const message = isRecord(first) ? first.message : undefined;
  if (!isRecord(message)) return { kind: 'json', json: prettyJson(response) };
  const content = textOf(message.content);
  try {
    const parsed: unknown = JSON.parse(content);
    const evaluation = evaluationOf(parsed);
    if (evaluation !== null) return { kind: 'evaluation', evaluation, raw: prettyJson(parsed) };
    return { kind: 'json', json: prettyJson(parsed) };
  } catch {
    return { kind: 'text', text: content };
  }
}
