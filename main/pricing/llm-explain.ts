import type { LlmClient } from '../engine/client/index';
import type { ExplanationWriter } from './explain';

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

/**
 * An ExplanationWriter over the workstation's LLM client. The service keeps its answer only when
 * every number in it is one the computation produced (see ungroundedNumbers), so a model that
 * invents a figure falls back to the template. Wire it only while a model is configured and the
 * engine is up: pricing waits for the answer.
 */
export function llmExplanationWriter(llm: Pick<LlmClient, 'chat'>, model: () => string | null, timeoutMs = 20_000): ExplanationWriter {
  return async (_request, _result, template) => {
    const name = model();
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
    return text === '' ? null : { text, model: name };
  };
}
