// Deterministic answers: the same request always yields the same text, so tests can compare
// runs, while different prompts yield different texts.
import { hash32 } from './util.js';

const WORDS = (
  'the candidate shows strong evidence of teamwork and clear communication across projects '
  + 'with measurable results in planning delivery and stakeholder management while learning '
  + 'quickly from feedback under pressure and handling conflict calmly; experience covers data '
  + 'analysis reporting budgeting hiring mentoring and process improvement in growing teams'
).split(' ');

/** Picks words from the vocabulary driven by a seed string; `count` words. */
export function wordsFrom(seed: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push(WORDS[hash32(`${seed}#${i}`) % WORDS.length] ?? 'ok');
  }
  return out;
}

/** A short sentence-like answer (12 to 40 words) for a prompt. */
export function answerFor(seed: string): string {
  const count = 12 + (hash32(`len:${seed}`) % 29);
  const words = wordsFrom(seed, count);
  const first = words[0] ?? 'Ok';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

/** Splits an answer into the chunks a stream sends: one word (with its leading space) each. */
export function wordChunks(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

/** Splits JSON text into fixed-size pieces, as a model emits structured output token by token. */
export function sizedChunks(text: string, size = 8): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
