import type { z } from 'zod';
import type { InterviewLlm } from '../llm';
import { fillPrompt, templateOf, loadKitPrompt, type KitPromptName } from './prompts';

export { usableModel } from '../llm';

/**
 * What kits need from the local engine, all optional: the client, the interviews model
 * (settings.models.interviews) and the installed models. Without it, or while it is away, gaps
 * come from the heuristic and questions from the bundled bank.
 */
export interface KitLlm extends Pick<InterviewLlm, 'client' | 'model' | 'installed'> {
  /** Cap on one model call; 120 s by default. */
  callTimeoutMs?: number;
}

export interface KitCallResult<T> {
  value: T;
  template: { id: string; version: string };
  options: Record<string, unknown>;
  callId: number | null;
}

/**
 * One structured call with a kit prompt: its system prompt is sent as the same bytes every time
 * (whatever the gap, kit or language) so Ollama reuses the cached prefix; everything that varies
 * goes in the user message.
 */
export async function kitCall<S extends z.ZodType>(
  llm: KitLlm,
  model: string,
  name: KitPromptName,
  values: Readonly<Record<string, string>>,
  format: S,
  settings: { temperature: number; numPredict: number; signal?: AbortSignal },
): Promise<KitCallResult<z.output<S>>> {
  const template = templateOf(loadKitPrompt(name));
  const timeout = AbortSignal.timeout(llm.callTimeoutMs ?? 120_000);
  const options = { temperature: settings.temperature, num_predict: settings.numPredict };
  const result = await llm.client.chat({
    feature: 'interviews',
    model,
    template,
    format,
    messages: kitMessages(name, values),
    options,
    trim: 'truncate-middle',
    signal: settings.signal === undefined ? timeout : AbortSignal.any([settings.signal, timeout]),
  });
  return { value: result.value as z.output<S>, template, options: { ...options, format: 'json-schema' }, callId: result.callId };
}

/** The messages a kit prompt sends for given values; what tests compare to see the system prompt never varies. */
export function kitMessages(name: KitPromptName, values: Readonly<Record<string, string>>): Array<{ role: 'system' | 'user'; content: string }> {
  const prompt = loadKitPrompt(name);
  return [
    { role: 'system', content: prompt.system },
    { role: 'user', content: fillPrompt(prompt.user, values) },
  ];
}
