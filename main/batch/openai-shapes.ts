import { randomBytes } from 'node:crypto';
import type { ChatMessage, ModelOptions } from '../engine/client/types';

/** OpenAI's chat message content: a string, or parts of which the text ones are kept. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === 'object' && part !== null && (part as { type?: unknown }).type === 'text' ? String((part as { text?: unknown }).text ?? '') : ''))
      .join('');
  }
  return content === null || content === undefined ? '' : String(content);
}

const roles = new Set(['system', 'user', 'assistant', 'tool']);

export function chatMessagesOf(messages: unknown): ChatMessage[] {
  if (!Array.isArray(messages)) return [];
  return messages.map((message) => {
    const record = (message ?? {}) as { role?: unknown; content?: unknown };
    const role = record.role === 'developer' ? 'system' : String(record.role);
    return { role: (roles.has(role) ? role : 'user') as ChatMessage['role'], content: contentText(record.content) };
  });
}

const numberOr = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** OpenAI's sampling fields in Ollama's names; what Ollama has no use for is left out. */
export function modelOptionsOf(body: Record<string, unknown>): ModelOptions {
  const options: ModelOptions = {};
  const set = <K extends keyof ModelOptions>(key: K, value: ModelOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('temperature', numberOr(body.temperature));
  set('top_p', numberOr(body.top_p));
  set('seed', numberOr(body.seed));
  set('num_predict', numberOr(body.max_completion_tokens) ?? numberOr(body.max_tokens));
  set('presence_penalty', numberOr(body.presence_penalty));
  set('frequency_penalty', numberOr(body.frequency_penalty));
  if (typeof body.stop === 'string') options.stop = [body.stop];
  else if (Array.isArray(body.stop)) options.stop = body.stop.map(String);
  return options;
}

const openAiId = (prefix: string): string => `${prefix}-${randomBytes(12).toString('hex')}`;

export function chatCompletionBody(model: string, text: string, doneReason: string | null, tokensIn: number, tokensOut: number, createdMs: number) {
  return {
    id: openAiId('chatcmpl'),
    object: 'chat.completion',
    created: Math.floor(createdMs / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: doneReason === 'length' ? 'length' : 'stop' }],
    usage: { prompt_tokens: tokensIn, completion_tokens: tokensOut, total_tokens: tokensIn + tokensOut },
    system_fingerprint: null,
  };
}

export function embeddingBody(model: string, embeddings: number[][], tokensIn: number) {
  return {
    object: 'list',
    data: embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    model,
    usage: { prompt_tokens: tokensIn, total_tokens: tokensIn },
  };
}
