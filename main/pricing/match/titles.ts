/** An occupation's title as matching keeps it in memory. */
export interface KnownTitle {
  title: string;
  kind: string;
  /** The analysed words, space-separated (as indexed). */
  matchText: string;
}

/**
 * The titles worth scoring exactly for one occupation: those sharing a word with the request,
 * the most shared words first, then the shortest; at most `limit`.
 */
export function titlesSharingWords(titles: readonly KnownTitle[], words: ReadonlySet<string>, limit: number): KnownTitle[] {
  const scored: Array<{ title: KnownTitle; shared: number; length: number }> = [];
  for (const title of titles) {
    const tokens = title.matchText.split(' ');
    let shared = 0;
    for (const token of tokens) if (words.has(token)) shared += 1;
    if (shared > 0) scored.push({ title, shared, length: tokens.length });
  }
  return scored.sort((a, b) => b.shared - a.shared || a.length - b.length).slice(0, limit).map((entry) => entry.title);
}
