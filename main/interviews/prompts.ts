import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resourcePath } from '../resources';

/** A versioned prompt of the interviews feature; its id and version go with every output it makes. */
export const interviewPromptSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  description: z.string(),
  system: z.string().min(1),
  user: z.string().min(1),
});
export type InterviewPrompt = z.output<typeof interviewPromptSchema>;

const cache = new Map<string, InterviewPrompt>();

export function loadInterviewPrompt(name: 'exit-follow-up.v1' | 'exit-analysis.v1'): InterviewPrompt {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const prompt = interviewPromptSchema.parse(JSON.parse(readFileSync(resourcePath('prompts', `${name}.json`), 'utf8')));
  cache.set(name, prompt);
  return prompt;
}

/** Fills `{{name}}` slots; a slot the values do not name is an error of ours, not the analyst's. */
export function fillPrompt(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`The prompt needs {{${key}}}, which was not given`);
    return value;
  });
}
