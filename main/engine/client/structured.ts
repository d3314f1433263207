import { z } from 'zod';
import type { ChatMessage, OutputSchema } from './types';

const jsonSchemas = new WeakMap<OutputSchema, Record<string, unknown>>();

/**
 * The JSON schema sent as Ollama's `format`, from the caller's zod schema. It describes zod's
 * input side (what the model must write; transforms run after), and whatever JSON schema cannot
 * say (refinements, transforms) is left out of it: zod checks those when the answer comes back.
 */
export function formatFor(schema: OutputSchema): Record<string, unknown> {
  let cached = jsonSchemas.get(schema);
  if (!cached) {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    cached = rest;
    jsonSchemas.set(schema, cached);
  }
  return cached;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Parses the answer as JSON and validates it; the problems are phrased for the model to fix. */
export function checkStructured<S extends OutputSchema>(text: string, schema: S): Checked<z.output<S>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`the answer is not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { ok: true, value: result.data as z.output<S> };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`),
  };
}

function repairInstruction(problems: readonly string[]): string {
  return [
    'Your previous answer was not valid for the required JSON schema:',
    ...problems.slice(0, 20).map((problem) => `- ${problem}`),
    'Reply again with only the corrected JSON, matching the schema exactly.',
  ].join('\n');
}

/** The repair round of a chat: the invalid answer, then what was wrong with it. */
export function repairMessages(messages: readonly ChatMessage[], answer: string, problems: readonly string[]): ChatMessage[] {
  return [...messages, { role: 'assistant', content: answer }, { role: 'user', content: repairInstruction(problems) }];
}

/** The repair round of a generate call: the original prompt, the invalid answer, the problems. */
export function repairPrompt(prompt: string, answer: string, problems: readonly string[]): string {
  return `${prompt}\n\nYour previous answer was:\n${answer}\n\n${repairInstruction(problems)}`;
}
