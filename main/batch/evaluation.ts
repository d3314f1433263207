import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The answer every candidate evaluation must follow (sent to Ollama as a JSON schema). */
export const evaluationSchema = z.object({
  education: z.number().int().min(1).max(10),
  company: z.number().int().min(1).max(10),
  trajectory: z.number().int().min(1).max(10),
  overall: z.number().int().min(1).max(10),
  recommendation: z.enum(['strong_yes', 'yes', 'maybe', 'no']),
  rationale: z.string().min(1).max(1200),
  evidence: z.array(z.string().min(1).max(400)).max(8),
});
export type Evaluation = z.output<typeof evaluationSchema>;

export const evaluationTemplateSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  description: z.string(),
  system: z.string().min(1),
  user: z.string().refine((text) => text.includes('{{profile}}'), 'The user prompt must contain {{profile}}'),
});
export type EvaluationTemplate = z.output<typeof evaluationTemplateSchema>;

/** resources/ sits beside main/ in the source tree and beside out/ once built. */
function resourcesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', '..', 'resources'), join(here, '..', '..', '..', 'resources')]) {
    try {
      readFileSync(join(candidate, 'prompts', 'candidate-evaluation.v1.json'));
      return candidate;
    } catch {
      // try the next place
    }
  }
  throw new Error('resources/prompts is missing: the app was not installed whole');
}

export function loadBundledTemplate(): EvaluationTemplate {
  const path = join(resourcesDir(), 'prompts', 'candidate-evaluation.v1.json');
  return evaluationTemplateSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * The chat messages for one profile. The system prompt comes first and is byte-identical for
 * every candidate, so Ollama reuses its cached prefix; only the profile varies.
 */
export function evaluationMessages(template: EvaluationTemplate, profile: unknown): Array<{ role: 'system' | 'user'; content: string }> {
  return [
    { role: 'system', content: template.system },
    { role: 'user', content: template.user.replace('{{profile}}', JSON.stringify(profile)) },
  ];
}
