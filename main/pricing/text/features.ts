/**
 * Sparse text features and the hashed vectors made from them (the default, model-free
 * embedding): word unigrams, word bigrams and character 3-grams, each group TF-IDF weighted and
 * normalised on its own, then mixed with fixed shares so that long words cannot drown the words.
 */
export type SparseVector = Map<string, number>;

export interface FeatureStats {
  /** Documents the statistics were counted over. */
  documents: number;
  /** Document frequency of each feature. */
  df: ReadonlyMap<string, number>;
}

export interface FeatureShares {
  words: number;
  bigrams: number;
  chars: number;
}

export const titleShares: FeatureShares = { words: 1, bigrams: 0.45, chars: 0.75 };
export const descriptionShares: FeatureShares = { words: 1, bigrams: 0.2, chars: 0 };
/** Descriptions are long enough that typos wash out: no character n-grams there. */
export const descriptionWithChars = false;

/** Feature names with their counts, grouped by the prefix w: b: c:. */
export function featureCounts(words: readonly string[], withChars = true): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string): void => void counts.set(feature, (counts.get(feature) ?? 0) + 1);
  words.forEach((word, index) => {
    add(`w:${word}`);
    if (index > 0) add(`b:${words[index - 1]}_${word}`);
    if (!withChars) return;
    const padded = `#${word}#`;
    for (let start = 0; start + 3 <= padded.length; start += 1) add(`c:${padded.slice(start, start + 3)}`);
  });
  return counts;
}

export const idfOf = (stats: FeatureStats, feature: string): number => Math.log((stats.documents + 1) / ((stats.df.get(feature) ?? 0) + 1)) + 1;

/** TF-IDF per group, each group unit length, mixed by its share; the result is unit length. */
export function weighFeatures(counts: ReadonlyMap<string, number>, stats: FeatureStats, shares: FeatureShares): SparseVector {
  const share = [shares.words, shares.bigrams, shares.chars];
  const sums = [0, 0, 0];
  const weights: Array<[string, number, number]> = [];
  for (const [feature, count] of counts) {
    const prefix = feature.charCodeAt(0);
    const group = prefix === 119 /* w */ ? 0 : prefix === 98 /* b */ ? 1 : 2;
    if (share[group] === 0) continue;
    const value = (1 + Math.log(count)) * idfOf(stats, feature);
    sums[group] = sums[group]! + value * value;
    weights.push([feature, value, group]);
  }
  // Each group scaled to length `share`; the groups are orthogonal, so the total length is known.
  const total = Math.sqrt(sums.reduce((sum, value, group) => (value > 0 ? sum + share[group]! * share[group]! : sum), 0));
  const scale = sums.map((value, group) => (value > 0 && total > 0 ? share[group]! / Math.sqrt(value) / total : 0));
  const vector: SparseVector = new Map();
  for (const [feature, value, group] of weights) vector.set(feature, value * scale[group]!);
  return vector;
}

export function normalise(vector: SparseVector): SparseVector {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm === 0) return vector;
  for (const [feature, value] of vector) vector.set(feature, value / norm);
  return vector;
}

export function cosineSparse(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [feature, value] of small) dot += value * (large.get(feature) ?? 0);
  return dot;
}

/** FNV-1a, 32 bits. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The hashing trick with a sign bit, so collisions cancel on average instead of piling up. */
export function hashVector(vector: ReadonlyMap<string, number>, dims: number): Float32Array {
  const out = new Float32Array(dims);
  for (const [feature, value] of vector) {
    const hash = hash32(feature);
    const bucket = hash % dims;
    out[bucket] = out[bucket]! + (hash & 0x80000000 ? -value : value);
  }
  let sum = 0;
  for (const value of out) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let index = 0; index < dims; index += 1) out[index]! /= norm;
  return out;
}

export function addInto(target: SparseVector, vector: ReadonlyMap<string, number>, weight = 1): void {
  for (const [feature, value] of vector) target.set(feature, (target.get(feature) ?? 0) + weight * value);
}
