import { ContextOverflowError } from './errors';
import type { ChatMessage, TrimReport, TrimRule } from './types';

/**
 * Token estimates made before sending, without the model's tokenizer (which lives in Ollama).
 * English text runs about 4 characters per token in the Llama 3 and Qwen 2.5 tokenizers; 3.5 errs
 * on the high side, so input judged to fit does fit, with some room for digits, code and names,
 * which tokenise denser. Each chat message adds its template's role header and end-of-turn
 * markers (about 4 tokens), and every prompt ends with the assistant header (about 3).
 */
export const charsPerToken = 3.5;
export const messageOverheadTokens = 4;
export const replyPrimingTokens = 3;
/** Output tokens reserved when the call sets no num_predict, at most half the context. */
export const defaultOutputReserve = 1024;

export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / charsPerToken);
}

export function estimateMessagesTokens(messages: readonly ChatMessage[]): number {
  let total = replyPrimingTokens;
  for (const message of messages) total += messageOverheadTokens + estimateTextTokens(message.content);
  return total;
}

export function estimatePromptTokens(prompt: string, system?: string): number {
  const systemTokens = system ? messageOverheadTokens + estimateTextTokens(system) : 0;
  return systemTokens + messageOverheadTokens + estimateTextTokens(prompt) + replyPrimingTokens;
}

/** What the prompt may use: num_ctx less the output tokens asked for (or the default reserve). */
export function promptBudget(numCtx: number, numPredict: number | undefined, outputReserve = defaultOutputReserve): number {
  const reserve = numPredict !== undefined && numPredict > 0 ? numPredict : Math.min(outputReserve, Math.floor(numCtx / 2));
  return Math.max(0, numCtx - reserve);
}

export interface Fitted<T> {
  value: T;
  estimate: number;
  trimmed: TrimReport | null;
}

/** Fits chat messages into the budget by the rule, or throws ContextOverflowError. */
export function fitMessages(messages: readonly ChatMessage[], budget: number, numCtx: number, rule?: TrimRule): Fitted<ChatMessage[]> {
  let kept = messages.map((message) => ({ ...message }));
  let estimate = estimateMessagesTokens(kept);
  if (estimate <= budget) return { value: kept, estimate, trimmed: null };
  if (!rule) throw new ContextOverflowError(estimate, budget, numCtx);
  const report: TrimReport = { rule, droppedMessages: 0, removedChars: 0 };
  if (rule === 'drop-oldest-turns') {
    const lastUser = kept.map((message) => message.role).lastIndexOf('user');
    while (estimate > budget) {
      const oldest = kept.findIndex((message, index) => message.role !== 'system' && index < lastUser - report.droppedMessages);
      if (oldest < 0) break;
      report.removedChars += kept[oldest]!.content.length;
      kept = kept.filter((_, index) => index !== oldest);
      report.droppedMessages += 1;
      estimate = estimateMessagesTokens(kept);
    }
  } else {
    const texts = kept.map((message) => message.content);
    const cut = cutToFit(texts, () => estimateMessagesTokens(kept.map((m, i) => ({ ...m, content: texts[i]! }))), budget, rule);
    kept = kept.map((message, index) => ({ ...message, content: texts[index]! }));
    report.removedChars = cut;
    estimate = estimateMessagesTokens(kept);
  }
  if (estimate > budget) throw new ContextOverflowError(estimate, budget, numCtx, ` even after trimming (${rule})`);
  return { value: kept, estimate, trimmed: report };
}

/** Fits a generate prompt; the system prompt is never cut. */
export function fitPrompt(prompt: string, system: string | undefined, budget: number, numCtx: number, rule?: TrimRule): Fitted<string> {
  const estimateOf = (text: string): number => estimatePromptTokens(text, system);
  const estimate = estimateOf(prompt);
  if (estimate <= budget) return { value: prompt, estimate, trimmed: null };
  if (!rule) throw new ContextOverflowError(estimate, budget, numCtx);
  if (rule === 'drop-oldest-turns') throw new ContextOverflowError(estimate, budget, numCtx, ' (drop-oldest-turns applies to chat messages only)');
  const texts = [prompt];
  const removedChars = cutToFit(texts, () => estimateOf(texts[0]!), budget, rule);
  const fitted = estimateOf(texts[0]!);
  if (fitted > budget) throw new ContextOverflowError(fitted, budget, numCtx, ` even after trimming (${rule})`);
  return { value: texts[0]!, estimate: fitted, trimmed: { rule, droppedMessages: 0, removedChars } };
}

/** Fits each embedding input into the whole context (embeddings produce no output tokens). */
export function fitInputs(inputs: readonly string[], numCtx: number, rule?: TrimRule): Fitted<string[]> {
  const out = [...inputs];
  let removedChars = 0;
  for (const [index, input] of inputs.entries()) {
    const estimate = estimateTextTokens(input);
    if (estimate <= numCtx) continue;
    if (!rule || rule === 'drop-oldest-turns') {
      const detail = ` (input ${index + 1} of ${inputs.length}${rule ? '; drop-oldest-turns applies to chat messages only' : ''})`;
      throw new ContextOverflowError(estimate, numCtx, numCtx, detail);
    }
    const texts = [input];
    removedChars += cutToFit(texts, () => estimateTextTokens(texts[0]!), numCtx, rule);
    out[index] = texts[0]!;
  }
  const estimate = out.reduce((sum, text) => sum + estimateTextTokens(text), 0);
  return { value: out, estimate, trimmed: removedChars > 0 && rule ? { rule, droppedMessages: 0, removedChars } : null };
}

const markerAllowance = 64;

/**
 * Cuts the longest text (in place) until `estimate()` fits the budget, leaving a visible marker
 * where text was taken out, so the model (and whoever reads the log) knows. Returns chars cut.
 */
function cutToFit(texts: string[], estimate: () => number, budget: number, rule: 'truncate-middle' | 'truncate-end'): number {
  let removed = 0;
  for (let round = 0; round < texts.length * 3 && estimate() > budget; round += 1) {
    const longest = texts.reduce((best, text, index) => (text.length > texts[best]!.length ? index : best), 0);
    const text = texts[longest]!;
    if (text.length <= markerAllowance) break;
    const excessChars = Math.ceil((estimate() - budget) * charsPerToken) + markerAllowance;
    const count = Math.min(excessChars, text.length);
    const marker = `[… ${count} characters cut to fit the context …]`;
    if (rule === 'truncate-end') {
      texts[longest] = `${text.slice(0, text.length - count)}\n${marker}`;
    } else {
      const head = Math.floor((text.length - count) / 2);
      texts[longest] = `${text.slice(0, head)}\n${marker}\n${text.slice(head + count)}`;
    }
    removed += count;
  }
  return removed;
}
