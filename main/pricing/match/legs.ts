import type { Database, Statement } from 'better-sqlite3';
import { vectorBlob } from '../text/embedder';

/** One ranked list from one way of searching; fused with the others by the matcher. */
export interface LegHit {
  id: number;
  /** Higher is better: cosine similarity for vectors, -bm25 for keywords. */
  strength: number;
}

export interface TitleHit {
  titleId: number;
  occupationId: number;
  title: string;
  kind: string;
  matchText: string;
  strength: number;
}

/**
 * The SQL of matching, prepared once: sqlite-vec nearest neighbours over title profiles and
 * descriptions, FTS5 over every title and over descriptions, and the same two over survey jobs.
 */
export class MatchLegs {
  private readonly statements: Record<string, Statement>;
  private readonly counts = new Map<string, number>();

  constructor(private readonly db: Database) {
    const knn = (table: string): string => `SELECT rowid AS id, distance FROM ${table} WHERE embedding MATCH ? AND k = ?`;
    this.statements = {
      vecTitles: db.prepare(knn('pricing_vec_titles')),
      vecDescriptions: db.prepare(knn('pricing_vec_descriptions')),
      vecSurveyTitles: db.prepare(knn('pricing_vec_survey_titles')),
      vecSurveyDescriptions: db.prepare(knn('pricing_vec_survey_descriptions')),
      ftsTitles: db.prepare(`SELECT t.id AS titleId, t.occupation_id AS occupationId, t.title, t.kind, t.match_text AS matchText, -f.rank AS strength
        FROM (SELECT rowid, rank FROM pricing_titles_fts WHERE pricing_titles_fts MATCH ? ORDER BY rank LIMIT ?) f
        JOIN pricing_titles t ON t.id = f.rowid ORDER BY f.rank`),
      ftsOccupations: db.prepare(`SELECT rowid AS id, -bm25(pricing_occupations_fts, 4.0, 1.0) AS strength FROM pricing_occupations_fts
        WHERE pricing_occupations_fts MATCH ? ORDER BY bm25(pricing_occupations_fts, 4.0, 1.0) LIMIT ?`),
      ftsSurvey: db.prepare(`SELECT rowid AS id, -bm25(pricing_survey_fts, 4.0, 1.0) AS strength FROM pricing_survey_fts
        WHERE pricing_survey_fts MATCH ? ORDER BY bm25(pricing_survey_fts, 4.0, 1.0) LIMIT ?`),
      titleCount: db.prepare('SELECT count(*) AS n FROM pricing_titles_fts WHERE pricing_titles_fts MATCH ?'),
      surveyCount: db.prepare("SELECT count(*) AS n FROM pricing_benchmarks b JOIN pricing_sources s ON s.id = b.source_id WHERE s.kind = 'survey'"),
    };
  }

  private knn(name: string, vector: Float32Array, k: number): LegHit[] {
    const rows = this.statements[name]!.all(vectorBlob(vector), k) as Array<{ id: number | bigint; distance: number }>;
    return rows.map((row) => ({ id: Number(row.id), strength: 1 - row.distance }));
  }

  vecTitles(vector: Float32Array, k: number): LegHit[] {
    return this.knn('vecTitles', vector, k);
  }

  /** Nearest neighbours in a table made by a model (its width varies, so prepared per call). */
  modelKnn(table: string, vector: Float32Array, k: number): LegHit[] {
    const rows = this.db.prepare(`SELECT rowid AS id, distance FROM ${table} WHERE embedding MATCH ? AND k = ?`).all(vectorBlob(vector), k) as Array<{ id: number | bigint; distance: number }>;
    return rows.map((row) => ({ id: Number(row.id), strength: 1 - row.distance }));
  }

  vecDescriptions(vector: Float32Array, k: number): LegHit[] {
    return this.knn('vecDescriptions', vector, k);
  }

  ftsTitles(query: string | null, limit: number): TitleHit[] {
    return query === null ? [] : (this.statements.ftsTitles!.all(query, limit) as TitleHit[]);
  }

  ftsOccupations(query: string | null, limit: number): LegHit[] {
    return query === null ? [] : (this.statements.ftsOccupations!.all(query, limit) as LegHit[]);
  }

  /** Cosine similarity of a vector with some rows of a vec0 table (for candidates another leg found). */
  similarities(table: 'pricing_vec_titles' | 'pricing_vec_descriptions' | 'pricing_vec_survey_titles' | 'pricing_vec_survey_descriptions', vector: Float32Array, ids: readonly number[]): Map<number, number> {
    if (ids.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT rowid AS id, vec_distance_cosine(embedding, ?) AS distance FROM ${table} WHERE rowid IN (${ids.map(() => '?').join(',')})`)
      .all(vectorBlob(vector), ...ids) as Array<{ id: number | bigint; distance: number }>;
    return new Map(rows.map((row) => [Number(row.id), 1 - row.distance]));
  }

  /** How many titles the keyword search finds for one word (after FTS5's stemming); remembered. */
  titleCount(word: string): number {
    let count = this.counts.get(word);
    if (count === undefined) {
      count = (this.statements.titleCount!.get(`"${word}"`) as { n: number }).n;
      this.counts.set(word, count);
    }
    return count;
  }

  hasSurveys(): boolean {
    return (this.statements.surveyCount!.get() as { n: number }).n > 0;
  }

  surveyVecTitles(vector: Float32Array, k: number): LegHit[] {
    return this.knn('vecSurveyTitles', vector, k);
  }

  surveyVecDescriptions(vector: Float32Array, k: number): LegHit[] {
    return this.knn('vecSurveyDescriptions', vector, k);
  }

  ftsSurvey(query: string | null, limit: number): LegHit[] {
    return query === null ? [] : (this.statements.ftsSurvey!.all(query, limit) as LegHit[]);
  }
}
