import type { Database } from 'better-sqlite3';
import type { MatchedJob } from '../types';
import { HashedTfidfEmbedder } from '../text/embedder';
import { cosineSparse, type FeatureStats, type SparseVector } from '../text/features';
import { Speller } from '../text/spelling';
import { occupationDocumentWords } from '../catalogue-model';
import { blsSource } from '../sources/bls-oews';
import { SparseIndex } from '../text/sparse-index';
import { firstPerGroup, matchScore, reciprocalRankFusion, type Emphasis } from './fuse';
import { MatchLegs, type LegHit } from './legs';
import { titlesSharingWords, type KnownTitle } from './titles';
import { ftsQuery, prepareQuery, type PreparedQuery } from './query';
import { matchSurveyJobs } from './survey-match';

interface OccupationEntry {
  id: number;
  code: string;
  soc: string;
  wageCode: string | null;
  title: string;
  words: string[];
}

/** The request's title embedded by a model, searched in that model's table instead of the hashed one. */
export interface ModelVectorLeg {
  table: string;
  vector: Float32Array;
}

export interface MatchOutcome {
  query: PreparedQuery;
  matches: MatchedJob[];
}

const legDepth = 40;
const candidatesScored = 25;
const maxBodyWords = 200;
/** Share of catalogue titles a word must appear in for a title made only of such words to be generic. */
const genericShare = 0.005;
const commonShare = 0.02;

/** Hybrid matching over the catalogue (and any survey jobs): see MatchLegs for the legs. */
export class Matcher {
  private readonly legs: MatchLegs;
  private readonly occupations = new Map<number, OccupationEntry>();
  private readonly titleVectors = new Map<string, SparseVector>();

  private readonly descriptions: SparseIndex;
  /** Every catalogue title by occupation (about 61,000; a few MB), for exact title scoring. */
  private readonly titles = new Map<number, KnownTitle[]>();

  constructor(
    private readonly db: Database,
    readonly embedder: HashedTfidfEmbedder,
    private readonly speller: Speller,
  ) {
    this.legs = new MatchLegs(db);
    const rows = db.prepare(`SELECT o.id, o.code, o.soc, o.wage_code AS wageCode, o.title, o.description, o.tasks, t.match_text AS matchText
      FROM pricing_occupations o JOIN pricing_titles t ON t.occupation_id = o.id AND t.kind = 'title'`).all() as Array<Omit<OccupationEntry, 'words'> & { matchText: string; description: string; tasks: string }>;
    for (const [occupationId, title, kind, matchText] of db.prepare('SELECT occupation_id, title, kind, match_text FROM pricing_titles ORDER BY id').raw().all() as Array<[number, string, string, string]>) {
      let list = this.titles.get(occupationId);
      if (list === undefined) this.titles.set(occupationId, (list = []));
      list.push({ title, kind, matchText });
    }
    const documents: Array<{ id: number; vector: SparseVector }> = [];
    for (const row of rows) {
      this.occupations.set(row.id, { id: row.id, code: row.code, soc: row.soc, wageCode: row.wageCode, title: row.title, words: row.matchText.split(' ') });
      const words = occupationDocumentWords({ title: row.title, description: row.description, tasks: row.tasks.split('\n') });
      documents.push({ id: row.id, vector: embedder.descriptionSparse(words) });
    }
    this.descriptions = new SparseIndex(documents);
  }

  /** Loads the statistics the stored catalogue was built with. */
  static load(db: Database, dims: number): Matcher {
    const stats = (space: string): FeatureStats => {
      const rows = db.prepare('SELECT feature, df FROM pricing_features WHERE space = ?').raw().all(space) as Array<[string, number]>;
      const df = new Map(rows);
      const documents = df.get('#documents') ?? 0;
      df.delete('#documents');
      return { documents, df };
    };
    const titleStats = stats('title');
    const descriptionStats = stats('description');
    const vocabulary = new Map<string, number>();
    for (const source of [titleStats.df, descriptionStats.df]) {
      for (const [feature, df] of source) if (feature.startsWith('w:')) vocabulary.set(feature.slice(2), (vocabulary.get(feature.slice(2)) ?? 0) + df);
    }
    return new Matcher(db, new HashedTfidfEmbedder(titleStats, descriptionStats, dims), new Speller(vocabulary));
  }

  private titleSparse(words: string): SparseVector {
    let vector = this.titleVectors.get(words);
    if (vector === undefined) {
      vector = this.embedder.titleSparse(words.split(' '));
      if (this.titleVectors.size > 20_000) this.titleVectors.clear(); // bounded: a few tens of MB at most
      this.titleVectors.set(words, vector);
    }
    return vector;
  }

  match(title: string, description?: string, limit = 5, modelLeg?: ModelVectorLeg): MatchOutcome {
    const query = prepareQuery(title, description, this.speller);
    query.bodyWords = query.bodyWords.slice(0, maxBodyWords);
    const hasDescription = (description ?? '').trim().length > 0;
    const titleVector = this.embedder.titleVector(query.titleWords);
    const bodyVector = this.embedder.descriptionVector(query.bodyWords);
    const bodyScores = this.descriptions.scores(this.embedder.descriptionSparse(query.bodyWords));
    const generic = this.isGeneric(query.titleWords);
    const readings = [query.titleWords, ...query.titleVariants].map((words) => this.embedder.titleSparse(words));

    // With model vectors the vector leg ranks by them; scores keep the hashed profile cosine (comparable across embedders).
    const vecTitles = modelLeg === undefined ? this.legs.vecTitles(titleVector, legDepth) : this.legs.modelKnn(modelLeg.table, modelLeg.vector, legDepth);
    const vecBodies = [...bodyScores].sort((a, b) => b[1] - a[1]).slice(0, legDepth).map(([id, strength]) => ({ id, strength }));
    const titleQuery = ftsQuery(this.rarerWords([...query.titleWords, ...query.titleVariants.flat()]));
    const titleHits = this.legs.ftsTitles(titleQuery, 200);
    const ftsBodies = this.legs.ftsOccupations(ftsQuery(query.bodyWords), legDepth);
    const bodyWeight = !hasDescription ? 0.5 : generic ? 2 : 1;
    const fused = reciprocalRankFusion([
      { ids: vecTitles.map((hit) => hit.id), weight: 1 },
      { ids: vecBodies.map((hit) => hit.id), weight: bodyWeight },
      { ids: firstPerGroup(titleHits, (hit) => hit.occupationId).slice(0, legDepth), weight: 1 },
      { ids: ftsBodies.map((hit) => hit.id), weight: bodyWeight },
    ]);
    const candidates = [...fused.entries()].sort((a, b) => b[1] - a[1]).slice(0, candidatesScored).map(([id]) => id);

    const profile = this.similaritiesFor('pricing_vec_titles', titleVector, modelLeg === undefined ? vecTitles : [], candidates);
    const body = bodyScores;
    const words = new Set([...query.titleWords, ...query.titleVariants.flat()]);
    const bestTitles = new Map(candidates.map((id) => [id, this.bestTitle(id, readings, titlesSharingWords(this.titles.get(id) ?? [], words, 10))]));

    const topTitle = Math.max(0, ...[...bestTitles.values()].map((best) => best?.similarity ?? 0));
    const sharingTopTitle = [...bestTitles.values()].filter((best) => (best?.similarity ?? 0) >= topTitle - 0.05).length;
    const emphasis: Emphasis = !hasDescription ? 'title' : sharingTopTitle >= 3 || generic ? 'description' : 'both';
    const scored: MatchedJob[] = [];
    for (const id of candidates) {
      const occupation = this.occupations.get(id);
      const best = bestTitles.get(id);
      if (occupation === undefined || best === undefined || best === null) continue;
      const score = matchScore({ title: best.similarity, profile: profile.get(id) ?? 0, description: body.get(id) ?? 0 }, emphasis);
      const why = [best.kind === 'title' ? `occupation title "${best.title}"` : `alternate title "${best.title}"`];
      const shared = [...new Set(query.bodyWords.filter((word) => best.words.includes(word)))];
      if (shared.length > 0) why.push(`words in common: ${shared.join(', ')}`);
      if (emphasis !== 'title') why.push(`description similarity ${(body.get(id) ?? 0).toFixed(2)}`);
      scored.push({ kind: 'occupation', code: occupation.code, soc: occupation.soc, title: occupation.title, score, why, wageCode: occupation.wageCode, benchmarkId: null, sourceId: blsSource.id });
    }
    const surveys = this.legs.hasSurveys() ? matchSurveyJobs(this.db, this.legs, this.embedder, query, { titleVector, bodyVector, readings, emphasis }) : [];
    const matches = [...scored, ...surveys].sort((a, b) => b.score - a.score).slice(0, Math.max(limit, 1));
    return { query, matches };
  }

  /**
   * The title words to search titles by: words the keyword search finds in more than 2 % of
   * titles ("operation" stems like "operator": 6,000 titles) are left to the other legs when a
   * rarer word is there, since ranking every title holding them is the slowest part of a
   * request; exact title scoring still sees them.
   */
  private rarerWords(words: string[]): string[] {
    const common = commonShare * this.embedder.titleStats.documents;
    const rarer = words.filter((word) => /^[a-z0-9]+$/.test(word) && this.legs.titleCount(word) < common);
    return rarer.length > 0 ? rarer : words;
  }

  /** A title every word of which hundreds of catalogue titles share ("Analyst", "Technician I"). */
  private isGeneric(words: readonly string[]): boolean {
    const common = genericShare * this.embedder.titleStats.documents;
    return words.every((word) => (this.embedder.titleStats.df.get(`w:${word}`) ?? 0) >= common);
  }

  private similaritiesFor(table: 'pricing_vec_titles', vector: Float32Array, hits: LegHit[], candidates: number[]): Map<number, number> {
    const known = new Map(hits.map((hit) => [hit.id, hit.strength]));
    const missing = candidates.filter((id) => !known.has(id));
    for (const [id, value] of this.legs.similarities(table, vector, missing)) known.set(id, value);
    return known;
  }

  /** The occupation's title closest to any reading of the request's title: its main title or one FTS found. */
  private bestTitle(id: number, readings: SparseVector[], hits: KnownTitle[]): BestTitle | null {
    const occupation = this.occupations.get(id);
    if (occupation === undefined) return null;
    const options = [{ title: occupation.title, kind: 'title', matchText: occupation.words.join(' ') }, ...hits];
    let best: BestTitle | null = null;
    for (const option of options) {
      const vector = this.titleSparse(option.matchText);
      const similarity = Math.max(...readings.map((reading) => cosineSparse(reading, vector)));
      if (best === null || similarity > best.similarity + 1e-9) best = { similarity, title: option.title, kind: option.kind, words: option.matchText.split(' ') };
    }
    return best;
  }
}

interface BestTitle {
  similarity: number;
  title: string;
  kind: string;
  words: string[];
}
