import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { LlmClient } from '../../engine/client/index';
import { interviewPromptSchema, type InterviewPrompt } from '../../interviews/prompts';
import { resourcePath } from '../../resources';
import { skillIds } from '../schema';

export { fillPrompt } from '../../interviews/prompts';

/**
 * What skills need from the local engine, all optional: the client, the skills model
 * (settings.models.skills), the installed models, and the context length the client sends
 * (settings.contextLength), which the evidence is fitted into.
 */
export interface SkillLlm {
  client: Pick<LlmClient, 'chat'>;
  model: () => string;
  installed: () => Promise<readonly string[] | null>;
  contextTokens?: () => number;
  /** Cap on one reasoning call; 120 s by default. */
  timeoutMs?: number;
}

let cached: InterviewPrompt | null = null;

export function loadSkillPrompt(): InterviewPrompt {
  cached ??= interviewPromptSchema.parse(JSON.parse(readFileSync(resourcePath('prompts', 'skill-reasoning.v1.json'), 'utf8')));
  return cached;
}

/** The reasoning written without a model is versioned too, so every stored result names what wrote it. */
export const templateReasoningRef = { id: 'skill-reasoning-template', version: '1' } as const;

/** Output tokens allowed for the four notes; reserved out of the context when fitting the evidence. */
export const reasoningOutputTokens = 900;

const note = z.object({ reasoning: z.string().min(1).max(900), nextStep: z.string().min(1).max(300) });

/** The answer the model must give, sent to Ollama as the JSON schema of `format`: one note per skill, none left out. */
export const reasoningAnswerSchema = z.object(Object.fromEntries(skillIds.map((skill) => [skill, note])) as Record<(typeof skillIds)[number], typeof note>);
export type ReasoningAnswer = z.output<typeof reasoningAnswerSchema>;
