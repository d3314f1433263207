import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resourcePath } from '../../../resources';
import { fillPrompt } from '../prompts';
import { categoryOf } from '../gaps/lexicon';
import { questionContentSchema, type Gap, type KitLanguage, type QuestionContent } from '../schema';

/**
 * The bundled question bank (resources/question-banks/kit-bank.v1.json): one template per skill
 * category with the gap's skill filled in. It is what a kit gets when the model is away; it is
 * written in English, and a kit in another language says so on each bank question.
 */

const bankSchema = z.object({
  id: z.string(),
  version: z.string(),
  language: z.literal('English'),
  description: z.string(),
  templates: z.record(z.string(), questionContentSchema).refine((templates) => 'default' in templates, 'The bank needs a default template'),
});
type Bank = z.output<typeof bankSchema>;

let loaded: Bank | null = null;

export function questionBank(): Bank {
  loaded ??= bankSchema.parse(JSON.parse(readFileSync(resourcePath('question-banks', 'kit-bank.v1.json'), 'utf8')));
  return loaded;
}

const fill = (text: string, skill: string): string => fillPrompt(text, { skill });

export interface BankQuestion {
  content: QuestionContent;
  template: { id: string; version: string };
  category: string;
  notice: string | null;
}

export function bankQuestion(gap: Pick<Gap, 'skill'>, language: KitLanguage): BankQuestion {
  const bank = questionBank();
  const category = categoryOf(gap.skill.split(' / ')[0] ?? gap.skill);
  const template = bank.templates[category] ?? bank.templates.default;
  if (template === undefined) throw new Error('The question bank has no default template');
  const content: QuestionContent = {
    question: fill(template.question, gap.skill),
    probes: {
      situation: fill(template.probes.situation, gap.skill),
      task: fill(template.probes.task, gap.skill),
      action: fill(template.probes.action, gap.skill),
      result: fill(template.probes.result, gap.skill),
    },
    rubric: template.rubric.map((anchor) => fill(anchor, gap.skill)),
    strongSigns: template.strongSigns.map((sign) => fill(sign, gap.skill)),
  };
  const notice = language === bank.language ? null : `From the bundled question bank, which is in English: the local model was not available to write it in ${language}.`;
  return { content, template: { id: bank.id, version: bank.version }, category, notice };
}
