import { expandAbbreviation } from './abbreviations';

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return d[rows * cols - 1]!;
}

/**
 * Corrects words the catalogue has never seen to the closest word it has (one edit for short
 * words, two for long ones; the more common word wins a tie), so a typo still finds its titles.
 */
export class Speller {
  private readonly byLength = new Map<number, Array<[string, number]>>();

  constructor(private readonly vocabulary: ReadonlyMap<string, number>) {
    for (const [word, count] of vocabulary) {
      if (word.length < 4) continue;
      const list = this.byLength.get(word.length) ?? [];
      list.push([word, count]);
      this.byLength.set(word.length, list);
    }
  }

  /**
   * The word itself when the catalogue knows it, else the closest known words (all of those at the
   * smallest distance, most common first, at most three), else the word itself.
   */
  corrections(word: string): string[] {
    if (word.length < 4 || this.vocabulary.has(word) || /\d/.test(word) || expandAbbreviation(word) !== undefined) return [word];
    const limit = word.length >= 8 ? 2 : 1;
    let bestDistance = limit + 1;
    let found: Array<[string, number]> = [];
    for (let length = word.length - limit; length <= word.length + limit; length += 1) {
      for (const [candidate, count] of this.byLength.get(length) ?? []) {
        if (candidate[0] !== word[0]) continue; // a first letter is rarely the one mistyped
        const distance = editDistance(word, candidate, Math.min(limit, bestDistance));
        if (distance > limit || distance > bestDistance) continue;
        if (distance < bestDistance) [bestDistance, found] = [distance, []];
        found.push([candidate, count]);
      }
    }
    return found.length === 0 ? [word] : found.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([candidate]) => candidate);
  }

  correct(word: string): string {
    return this.corrections(word)[0]!;
  }
}
