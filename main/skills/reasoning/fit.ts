import { estimateMessagesTokens, promptBudget, type ChatMessage } from '../../engine/client/index';
import { quoteOf } from '../features/text';
import type { Fused } from '../fusion/fuse';
import { skillTitles } from '../schema';
import { fillPrompt, loadSkillPrompt } from './prompt';

/**
 * Fits the evidence into the model's context, counted with the LLM client's own token estimate.
 * Rather than letting the client cut text blindly, evidence is given up in order of least worth:
 * second quotes, then quote length, then the weaker items, then the quotes, keeping every skill's
 * score line to the last. What was cut is reported and stored with the assessment.
 */

export interface FitLevel {
  items: number;
  quotes: number;
  quoteChars: number;
}

/** From everything to the bare scores; the first that fits is used. */
export const fitLevels: readonly FitLevel[] = [
  { items: 5, quotes: 2, quoteChars: 220 },
  { items: 5, quotes: 1, quoteChars: 120 },
  { items: 3, quotes: 1, quoteChars: 120 },
  { items: 3, quotes: 0, quoteChars: 0 },
  { items: 1, quotes: 0, quoteChars: 0 },
  { items: 0, quotes: 0, quoteChars: 0 },
];

export interface FittedPrompt {
  messages: ChatMessage[];
  estimatedTokens: number;
  budgetTokens: number;
  itemsDropped: number;
  quotesShortened: number;
}

const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
const figure = (value: number | null): string => (value === null ? 'not measured' : String(Math.round(value * 100) / 100));

export interface SkillForPrompt {
  fused: Fused;
  modelLabel: string;
}

export function evidenceText(skills: readonly SkillForPrompt[], level: FitLevel): { text: string; itemsDropped: number; quotesShortened: number } {
  let itemsDropped = 0;
  let quotesShortened = 0;
  const blocks = skills.map(({ fused, modelLabel }) => {
    const lines = [`## ${skillTitles[fused.skill]}: ${fused.inferred.toFixed(2)} / 5 (confidence ${fused.confidence.value.toFixed(2)}; ${modelLabel})`];
    if (fused.fusion.redistributed !== null) lines.push(`Note: ${fused.fusion.redistributed}`);
    const kept = fused.evidence.slice(0, level.items);
    itemsDropped += fused.evidence.length - kept.length;
    for (const item of kept) {
      lines.push(`- ${item.label}: ${figure(item.raw)} ${item.unit} (${signed(item.contribution)} points)`);
      const quotes = item.quotes.slice(0, level.quotes);
      quotesShortened += item.quotes.length - quotes.length;
      for (const quote of quotes) {
        const text = quoteOf(quote.text, level.quoteChars);
        if (text !== quote.text) quotesShortened += 1;
        lines.push(`  "${text}"`);
      }
    }
    return lines.join('\n');
  });
  return { text: blocks.join('\n\n'), itemsDropped, quotesShortened };
}

/** The messages at the first level that fits the budget, or null when not even the scores fit. */
export function fitReasoningPrompt(skills: readonly SkillForPrompt[], interview: string, numCtx: number, outputTokens: number): FittedPrompt | null {
  const prompt = loadSkillPrompt();
  const budgetTokens = promptBudget(numCtx, outputTokens);
  for (const level of fitLevels) {
    const evidence = evidenceText(skills, level);
    const messages: ChatMessage[] = [
      { role: 'system', content: prompt.system },
      { role: 'user', content: fillPrompt(prompt.user, { interview, evidence: evidence.text }) },
    ];
    const estimatedTokens = estimateMessagesTokens(messages);
    if (estimatedTokens <= budgetTokens) return { messages, estimatedTokens, budgetTokens, itemsDropped: evidence.itemsDropped, quotesShortened: evidence.quotesShortened };
  }
  return null;
}
