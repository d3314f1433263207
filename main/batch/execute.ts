import { z } from 'zod';
import type { LlmClient } from '../engine/client/index';
import type { ModelOptions } from '../engine/client/types';
import { evaluationSchema } from './evaluation';
import { chatCompletionBody, chatMessagesOf, embeddingBody, modelOptionsOf } from './openai-shapes';
import type { ItemResult } from './store';

/** What an item's request_json holds: an OpenAI request line, or a candidate evaluation built from a template. */
export interface StoredRequest {
  url: string;
  body: Record<string, unknown>;
  /** Set for candidate evaluations: the answer must follow the evaluation schema. */
  template?: { id: string; version: string };
}

export interface ExecuteContext {
  signal: AbortSignal;
  /** A smaller context set by out-of-memory recovery; null keeps the settings' value. */
  numCtx: number | null;
}

const openAiTemplate = { id: 'openai-batch', version: '1' };

/** response_format as a zod schema for the client; json_object accepts any object. */
function formatOf(body: Record<string, unknown>): z.ZodType | undefined {
  const format = body.response_format as { type?: unknown; json_schema?: { schema?: unknown } } | undefined;
  if (format?.type === 'json_object') return z.record(z.string(), z.unknown());
  if (format?.type === 'json_schema' && typeof format.json_schema?.schema === 'object') {
    return z.fromJSONSchema(format.json_schema.schema as Parameters<typeof z.fromJSONSchema>[0]);
  }
  return undefined;
}

/** Runs one item through the one LLM client and shapes the answer as OpenAI would. */
export async function executeItem(llm: LlmClient, request: StoredRequest, context: ExecuteContext): Promise<ItemResult> {
  const model = String(request.body.model ?? '');
  const options: ModelOptions = { ...modelOptionsOf(request.body) };
  if (context.numCtx !== null) options.num_ctx = context.numCtx;
  const started = Date.now();
  if (request.url === '/v1/embeddings') {
    const input = request.body.input;
    const result = await llm.embed({
      feature: 'batch',
      model,
      input: Array.isArray(input) ? input.map(String) : String(input ?? ''),
      options,
      signal: context.signal,
      template: openAiTemplate,
    });
    return { response: embeddingBody(model, result.embeddings, result.stats.tokensIn), tokensIn: result.stats.tokensIn, tokensOut: 0, latencyMs: Date.now() - started };
  }
  const result = await llm.chat({
    feature: 'batch',
    model,
    template: request.template ?? openAiTemplate,
    messages: chatMessagesOf(request.body.messages),
    options,
    format: request.template ? evaluationSchema : formatOf(request.body),
    signal: context.signal,
  });
  const text = request.template || formatOf(request.body) ? JSON.stringify(result.value) : result.text;
  return {
    response: chatCompletionBody(model, text, result.doneReason, result.stats.tokensIn, result.stats.tokensOut, started),
    tokensIn: result.stats.tokensIn,
    tokensOut: result.stats.tokensOut,
    latencyMs: Date.now() - started,
  };
}
