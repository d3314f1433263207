import { expandAbbreviation } from '../text/abbreviations';
import { analyseTitle, descriptionWords, singular, type Level } from '../text/normalise';
import type { Speller } from '../text/spelling';

/** A request's text, read the way the catalogue is: what the matcher searches with. */
export interface PreparedQuery {
  titleWords: string[];
  /** The title words again with each other reading of an ambiguous typo (none when there is none). */
  titleVariants: string[][];
  /** Title words then description words: the text compared with occupation descriptions. */
  bodyWords: string[];
  level: Level | null;
  /** What was read differently from how it was written, for "why it matched". */
  notes: string[];
}

export function prepareQuery(title: string, description: string | undefined, speller: Speller | null): PreparedQuery {
  const analysis = analyseTitle(title);
  const notes = analysis.expansions.map(({ from, to }) => `read "${from}" as "${to}"`);
  const readings = analysis.words.map((word) => {
    const corrections = speller?.corrections(word) ?? [word];
    if (corrections[0] !== word) notes.push(`read "${word}" as "${corrections.join('" or "')}"`);
    return corrections;
  });
  const titleWords = readings.map((options) => options[0]!);
  const titleVariants: string[][] = [];
  for (let variant = 1; variant < 3; variant += 1) {
    if (readings.some((options) => options.length > variant)) titleVariants.push(readings.map((options) => options[variant] ?? options[0]!));
  }
  const acronyms = acronymExpansions(description ?? '');
  const bodyWords = [...titleWords, ...acronyms, ...descriptionWords(description ?? '').map((word) => speller?.correct(word) ?? word)];
  return { titleWords, titleVariants, bodyWords, level: analysis.level, notes };
}

/** An FTS5 query that ranks documents by how many of the words they hold (bm25), any one enough. */
export function ftsQuery(words: readonly string[]): string | null {
  const distinct = [...new Set(words.filter((word) => /^[a-z0-9]+$/.test(word)))];
  return distinct.length === 0 ? null : distinct.map((word) => `"${word}"`).join(' OR ');
}

/** Capitalised shorthand in a description (CNA, RN, CPA) spelled out; lower-case words are left alone. */
export function acronymExpansions(description: string): string[] {
  const words: string[] = [];
  for (const token of description.match(/\b[A-Z]{2,6}s?\b/g) ?? []) {
    const expansion = expandAbbreviation(token.replace(/s$/, '').toLowerCase());
    if (expansion !== undefined) words.push(...expansion.split(' ').map(singular));
  }
  return words;
}
