import { readFileSync } from 'node:fs';
import { resourcePath } from '../../resources';
import { interviewPromptSchema, type InterviewPrompt } from '../prompts';

export { fillPrompt } from '../prompts';

/** The kit prompts, versioned files in resources/prompts; their id and version go with every output. */
export const kitPromptNames = ['kit-requirements.v1', 'kit-evidence.v1', 'kit-question.v1', 'kit-quality.v1', 'kit-refine.v1'] as const;
export type KitPromptName = (typeof kitPromptNames)[number];

const cache = new Map<KitPromptName, InterviewPrompt>();

export function loadKitPrompt(name: KitPromptName): InterviewPrompt {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const prompt = interviewPromptSchema.parse(JSON.parse(readFileSync(resourcePath('prompts', `${name}.json`), 'utf8')));
  cache.set(name, prompt);
  return prompt;
}

export const templateOf = (prompt: InterviewPrompt): { id: string; version: string } => ({ id: prompt.id, version: prompt.version });
