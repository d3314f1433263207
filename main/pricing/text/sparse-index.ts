import type { SparseVector } from './features';

/**
 * Exact cosine search over a few thousand sparse TF-IDF vectors through an inverted index.
 * Descriptions are long, so hashing them into a few hundred dimensions adds noise of about
 * 1/√dims to every similarity (measured on the labelled set: top-10 recall of the description
 * leg 106/194 hashed at 512 dims against 154/194 exact); kept in memory, they are searched exactly
 * in about a millisecond.
 */
export class SparseIndex {
  private readonly postings = new Map<string, Array<[number, number]>>();

  constructor(vectors: ReadonlyArray<{ id: number; vector: SparseVector }>) {
    for (const { id, vector } of vectors) {
      for (const [feature, weight] of vector) {
        let list = this.postings.get(feature);
        if (list === undefined) this.postings.set(feature, (list = []));
        list.push([id, weight]);
      }
    }
  }

  /** Cosine of the query with every document sharing a feature (both sides unit length). */
  scores(query: SparseVector): Map<number, number> {
    const scores = new Map<number, number>();
    for (const [feature, weight] of query) {
      for (const [id, value] of this.postings.get(feature) ?? []) scores.set(id, (scores.get(id) ?? 0) + weight * value);
    }
    return scores;
  }

  search(query: SparseVector, k: number): Array<{ id: number; strength: number }> {
    return [...this.scores(query)].sort((a, b) => b[1] - a[1]).slice(0, k).map(([id, strength]) => ({ id, strength }));
  }
}
