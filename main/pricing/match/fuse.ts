/** Reciprocal rank fusion: each list gives 1 / (k + rank) to what it ranks; lists are weighted. */
export function reciprocalRankFusion(lists: ReadonlyArray<{ ids: readonly number[]; weight: number }>, k = 30): Map<number, number> {
  const fused = new Map<number, number>();
  for (const { ids, weight } of lists) {
    ids.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return fused;
}

export interface Similarities {
  /** Best cosine between the request's title and one of the job's titles (exact sparse TF-IDF). */
  title: number;
  /** Cosine with the job's title profile (all its titles together). */
  profile: number;
  /** Cosine between the request's title and description and the job's description and tasks. */
  description: number;
}

/**
 * One 0..1 match score a person can read: mostly how close the best title is, with the title
 * profile and the description as support; a description given by the analyst weighs more.
 */
export type Emphasis = 'title' | 'both' | 'description';

/** Title only; title and description; a description under a title many jobs share ("Analyst"). */
const emphasisWeights: Record<Emphasis, Similarities> = {
  title: { title: 0.7, profile: 0.15, description: 0.15 },
  both: { title: 0.5, profile: 0.15, description: 0.35 },
  description: { title: 0.25, profile: 0.1, description: 0.65 },
};

export function matchScore(similarities: Similarities, emphasis: Emphasis): number {
  const weights = emphasisWeights[emphasis];
  const score = weights.title * similarities.title + weights.profile * similarities.profile + weights.description * similarities.description;
  return Math.max(0, Math.min(1, score));
}

/** Ids in rank order, one per group (the first, best hit of each). */
export function firstPerGroup<T>(hits: readonly T[], groupOf: (hit: T) => number): number[] {
  const seen = new Set<number>();
  const order: number[] = [];
  for (const hit of hits) {
    const group = groupOf(hit);
    if (seen.has(group)) continue;
    seen.add(group);
    order.push(group);
  }
  return order;
}
