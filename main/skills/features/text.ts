/** Words and sentences as the feature extractor reads them: lower case, straight apostrophes, contractions kept whole. */

const wordPattern = /[a-z0-9]+(?:'[a-z]+)*/g;

export function tokensOf(text: string): string[] {
  return text.toLowerCase().replace(/[‘’`´]/g, "'").match(wordPattern) ?? [];
}

export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((part) => part.trim())
    .filter((part) => tokensOf(part).length > 0);
}

/** A sentence as a quote: whole when short, else cut at a word with an ellipsis. */
export function quoteOf(sentence: string, maxChars = 220): string {
  if (sentence.length <= maxChars) return sentence;
  const cut = sentence.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Moving-average type-token ratio (Covington & McFall, 2010): the share of distinct words in every
 * window of `window` words, averaged. Plain TTR depends on length; MATTR does not, so a long answer
 * is not read as a poorer vocabulary. Shorter texts get plain TTR over what there is.
 */
export function movingTypeTokenRatio(tokens: readonly string[], window = 50): number | null {
  if (tokens.length === 0) return null;
  if (tokens.length <= window) return new Set(tokens).size / tokens.length;
  const counts = new Map<string, number>();
  for (const token of tokens.slice(0, window)) counts.set(token, (counts.get(token) ?? 0) + 1);
  let sum = counts.size / window;
  for (let end = window; end < tokens.length; end += 1) {
    const leaving = tokens[end - window]!;
    const left = (counts.get(leaving) ?? 1) - 1;
    if (left === 0) counts.delete(leaving);
    else counts.set(leaving, left);
    counts.set(tokens[end]!, (counts.get(tokens[end]!) ?? 0) + 1);
    sum += counts.size / window;
  }
  return sum / (tokens.length - window + 1);
}
