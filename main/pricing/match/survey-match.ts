import type { Database } from 'better-sqlite3';
import type { MatchedJob } from '../types';
import type { HashedTfidfEmbedder } from '../text/embedder';
import { cosineSparse, type SparseVector } from '../text/features';
import { analyseTitle } from '../text/normalise';
import { matchScore, reciprocalRankFusion, type Emphasis } from './fuse';
import type { MatchLegs } from './legs';
import { ftsQuery, type PreparedQuery } from './query';

interface QueryVectors {
  titleVector: Float32Array;
  bodyVector: Float32Array;
  /** The request's title, one sparse vector per reading of an ambiguous typo. */
  readings: SparseVector[];
  emphasis: Emphasis;
}

interface SurveyRow {
  id: number;
  sourceId: string;
  jobCode: string;
  title: string;
}

/**
 * The analyst's survey jobs matched the same way as the catalogue (vectors and keywords, fused,
 * then scored on similarities), one match per source and job code: its levels and locations are
 * chosen when pricing.
 */
export function matchSurveyJobs(db: Database, legs: MatchLegs, embedder: HashedTfidfEmbedder, query: PreparedQuery, vectors: QueryVectors): MatchedJob[] {
  const vecTitles = legs.surveyVecTitles(vectors.titleVector, 30);
  const vecBodies = legs.surveyVecDescriptions(vectors.bodyVector, 30);
  const keywords = legs.ftsSurvey(ftsQuery(query.bodyWords), 30);
  const fused = reciprocalRankFusion([
    { ids: vecTitles.map((hit) => hit.id), weight: 1 },
    { ids: vecBodies.map((hit) => hit.id), weight: 0.7 },
    { ids: keywords.map((hit) => hit.id), weight: 1 },
  ]);
  const ids = [...fused.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([id]) => id);
  if (ids.length === 0) return [];
  const profile = legs.similarities('pricing_vec_survey_titles', vectors.titleVector, ids);
  const body = legs.similarities('pricing_vec_survey_descriptions', vectors.bodyVector, ids);
  const rows = db
    .prepare(`SELECT id, source_id AS sourceId, job_code AS jobCode, title FROM pricing_benchmarks WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as SurveyRow[];
  const best = new Map<string, MatchedJob>();
  for (const row of rows) {
    const words = analyseTitle(row.title).words;
    const titleVector = embedder.titleSparse(words);
    const titleSimilarity = Math.max(...vectors.readings.map((reading) => cosineSparse(reading, titleVector)));
    const score = matchScore({ title: titleSimilarity, profile: profile.get(row.id) ?? 0, description: body.get(row.id) ?? 0 }, vectors.emphasis);
    const shared = [...new Set(query.titleWords.filter((word) => words.includes(word)))];
    const match: MatchedJob = {
      kind: 'survey',
      code: row.jobCode,
      soc: null,
      title: row.title,
      score,
      why: [`survey job "${row.title}"`, ...(shared.length > 0 ? [`words in common: ${shared.join(', ')}`] : [])],
      wageCode: null,
      benchmarkId: row.id,
      sourceId: row.sourceId,
    };
    const key = `${row.sourceId}\t${row.jobCode}`;
    if ((best.get(key)?.score ?? -1) < score) best.set(key, match);
  }
  return [...best.values()];
}
