import type { Database } from 'better-sqlite3';
import { vectorBlob } from '../text/embedder';
import type { CatalogueStatus } from '../build-catalogue';

/**
 * Catalogue title vectors made by an Ollama embedding model (`pricing.reembed`), kept apart from
 * the hashed ones (which stay the default and the fallback) in a sqlite-vec table as wide as the
 * model's vectors. Which model, width and catalogue they belong to is in pricing_meta.
 */
export const modelVectorTable = 'pricing_vec_titles_model';
const metaKey = 'model-embeddings';

export interface ModelVectorsInfo {
  model: string;
  dims: number;
  count: number;
  builtAt: number;
  /** The catalogue the vectors were made from: a rebuilt catalogue needs them made again. */
  catalogue: string;
  catalogueBuiltAt: number;
}

export const modelEmbedderId = (info: Pick<ModelVectorsInfo, 'model' | 'dims'>): string => `ollama:${info.model}/${info.dims}`;

export function readModelVectors(db: Database): ModelVectorsInfo | null {
  const row = db.prepare('SELECT value FROM pricing_meta WHERE key = ?').get(metaKey) as { value: string } | undefined;
  if (row === undefined) return null;
  const exists = db.prepare('SELECT count(*) AS n FROM sqlite_master WHERE name = ?').get(modelVectorTable) as { n: number };
  return exists.n === 1 ? (JSON.parse(row.value) as ModelVectorsInfo) : null;
}

/** Whether stored model vectors describe this catalogue build. */
export function modelVectorsCurrent(info: ModelVectorsInfo | null, status: CatalogueStatus): info is ModelVectorsInfo {
  return info !== null && info.catalogue === status.dataVersion && info.catalogueBuiltAt === status.builtAt;
}

/** What is embedded per occupation: its title and a few alternate titles, one line. */
export function occupationEmbeddingTexts(db: Database, alternates = 4): Array<{ id: number; text: string }> {
  const rows = db.prepare('SELECT occupation_id AS id, title, kind FROM pricing_titles ORDER BY occupation_id, (kind = \'title\') DESC, id').all() as Array<{ id: number; title: string; kind: string }>;
  const texts = new Map<number, string[]>();
  for (const row of rows) {
    const list = texts.get(row.id) ?? [];
    if (list.length <= alternates && !list.includes(row.title)) list.push(row.title);
    texts.set(row.id, list);
  }
  return [...texts].map(([id, titles]) => ({ id, text: titles.join('; ') }));
}

/** Replaces the model vectors in one transaction (the table is sized to the model's width). */
export function writeModelVectors(db: Database, info: ModelVectorsInfo, vectors: ReadonlyArray<{ id: number; vector: Float32Array }>): void {
  db.transaction(() => {
    db.exec(`DROP TABLE IF EXISTS ${modelVectorTable}`);
    db.exec(`CREATE VIRTUAL TABLE ${modelVectorTable} USING vec0 (embedding float[${info.dims}] distance_metric=cosine)`);
    const insert = db.prepare(`INSERT INTO ${modelVectorTable} (rowid, embedding) VALUES (?, ?)`);
    for (const { id, vector } of vectors) insert.run(BigInt(id), vectorBlob(vector));
    db.prepare('INSERT INTO pricing_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(metaKey, JSON.stringify(info));
  }).immediate();
}

/** Unit length, so cosine distance in sqlite-vec behaves whatever the model returns. */
export function unitVector(values: readonly number[]): Float32Array {
  const vector = Float32Array.from(values);
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < vector.length; index += 1) vector[index]! /= norm;
  return vector;
}
