import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resourcePath } from '../../resources';

/**
 * The word lists of resources/skills/lexicon.v1.json, compiled to token patterns. Matching walks
 * the tokens once per list, longest entry first, and never counts one word twice for a list:
 * "I think" is one hedge, not a hedge and a stray "think".
 */

export const lexiconListNames = [
  'perspective_taking', 'emotion_words', 'hedging', 'certainty', 'first_person_singular', 'first_person_plural', 'social_words',
  'causal_words', 'insight_words', 'negations', 'future_orientation', 'solution_words', 'coping_words',
] as const;
export type LexiconListName = (typeof lexiconListNames)[number];

const lexiconFileSchema = z.object({
  id: z.string(),
  version: z.string(),
  description: z.string(),
  lists: z.object(Object.fromEntries(lexiconListNames.map((name) => [name, z.array(z.string().min(1)).min(1)])) as Record<LexiconListName, z.ZodArray<z.ZodString>>),
});

type TokenPattern = { kind: 'exact' | 'prefix' | 'suffix'; text: string };
type EntryPattern = readonly TokenPattern[];

export interface CompiledLexicon {
  id: string;
  version: string;
  lists: Record<LexiconListName, readonly EntryPattern[]>;
}

function compileToken(word: string): TokenPattern {
  if (word.length > 1 && word.endsWith('*')) return { kind: 'prefix', text: word.slice(0, -1) };
  if (word.length > 1 && word.startsWith('*')) return { kind: 'suffix', text: word.slice(1) };
  return { kind: 'exact', text: word };
}

function compileEntry(entry: string): EntryPattern {
  return entry.toLowerCase().replace(/[‘’]/g, "'").trim().split(/\s+/).map(compileToken);
}

let loaded: CompiledLexicon | null = null;

export function skillLexicon(): CompiledLexicon {
  if (loaded !== null) return loaded;
  const file = lexiconFileSchema.parse(JSON.parse(readFileSync(resourcePath('skills', 'lexicon.v1.json'), 'utf8')));
  const lists = Object.fromEntries(
    lexiconListNames.map((name) => [name, file.lists[name].map(compileEntry).sort((a, b) => b.length - a.length)]),
  ) as Record<LexiconListName, EntryPattern[]>;
  loaded = { id: file.id, version: file.version, lists };
  return loaded;
}

const tokenMatches = (pattern: TokenPattern, token: string): boolean =>
  pattern.kind === 'exact' ? token === pattern.text : pattern.kind === 'prefix' ? token.startsWith(pattern.text) : token.endsWith(pattern.text);

function entryMatchesAt(entry: EntryPattern, tokens: readonly string[], at: number): boolean {
  if (at + entry.length > tokens.length) return false;
  return entry.every((pattern, offset) => tokenMatches(pattern, tokens[at + offset]!));
}

/** How many times a list's entries occur in the tokens, without overlaps. */
export function countMatches(entries: readonly EntryPattern[], tokens: readonly string[]): number {
  let count = 0;
  let at = 0;
  while (at < tokens.length) {
    const hit = entries.find((entry) => entryMatchesAt(entry, tokens, at));
    if (hit === undefined) at += 1;
    else {
      count += 1;
      at += hit.length;
    }
  }
  return count;
}
