// Embeddings as a hashed bag of words (plus character trigrams): deterministic, unit length,
// and texts that share words point in similar directions, so similarity search behaves.
import { hash32 } from './util.js';

function features(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const grams: string[] = [];
  for (const word of words) {
    const padded = `^${word}$`;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.push(`g:${padded.slice(i, i + 3)}`);
  }
  return [...words.map((w) => `w:${w}`), ...grams];
}

export function embedText(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const feature of features(text)) {
    const h = hash32(feature);
    const weight = feature.startsWith('w:') ? 1 : 0.35;
    const index = h % dimensions;
    vector[index] = (vector[index] ?? 0) + ((h >>> 31) === 1 ? -weight : weight);
    // A second slot per feature spreads mass so short texts are not one-hot.
    const index2 = hash32(`2${feature}`) % dimensions;
    vector[index2] = (vector[index2] ?? 0) + weight * 0.5;
  }
  // A faint text-specific component: distinct texts never collide exactly.
  for (let i = 0; i < 8; i += 1) {
    const index = hash32(`n${i}:${text}`) % dimensions;
    vector[index] = (vector[index] ?? 0) + 0.01;
  }
  return normalize(vector);
}

export function normalize(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? vector : vector.map((x) => x / norm);
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}
