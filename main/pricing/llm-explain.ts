import type { LlmClient } from '../engine/client/index';
import type { ExplanationWriter } from './explain';
import { availableModel, defaultLlmTimeoutMs, type PricingLlm } from './llm-engine';

/** The prompt of the model-written explanation; its id and version are recorded with each call. */
export const explanationTemplate = {
  id: 'pricing-explanation',
  version: 1,
  system:
    'You explain a salary benchmark result to a compensation analyst in 3 to 5 plain sentences. ' +
    'Use only the numbers in the facts you are given, written exactly as given (keep "≥" where it appears). ' +
    'Never add a number, percentage or date that is not in the facts. Say which benchmark jobs were used, ' +
    'the median and range, the location and aging adjustments, and what limits confidence.',
} as const;

export const explanationTemplateRef = `${explanationTemplate.id}@${explanationTemplate.version}`;

/**
 * An ExplanationWriter over the workstation's LLM client. The service keeps its answer only when
 * every number in it is one the computation produced (see ungroundedNumbers), so a model that
 * invents a figure falls back to the template. `model` gives null while no model can be used
 * (engine down, model not installed): the template is used then, without a call.
 */
export function llmExplanationWriter(
  llm: Pick<LlmClient, 'chat'>,
  model: () => string | null | Promise<string | null>,
  timeoutMs = defaultLlmTimeoutMs,
): ExplanationWriter {
  return async (_request, _result, template) => {
    const name = await model();
    if (name === null) return null;
    const answer = await llm.chat({
      feature: 'pricing',
      model: name,
      template: { id: explanationTemplate.id, version: explanationTemplate.version },
      messages: [
        { role: 'system', content: explanationTemplate.system },
        { role: 'user', content: `Facts:\n${template}` },
      ],
      options: { temperature: 0.2, num_predict: 400 },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = answer.text.trim();
    return text === '' ? null : { text, model: name, template: explanationTemplateRef };
  };
}

/** The writer for the configured pricing model, used only while the engine is up and has it. */
export function engineExplanationWriter(llm: PricingLlm): ExplanationWriter {
  return llmExplanationWriter(llm.client, () => availableModel(llm, 'pricing'), llm.timeoutMs ?? defaultLlmTimeoutMs);
}
