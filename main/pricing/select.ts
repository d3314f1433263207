import type { PricingConfig } from './config';
import type { MatchedJob } from './types';

export interface SelectedSource {
  sourceId: string;
  best: number;
  matches: MatchedJob[];
}

/**
 * Which matches are priced from, per source: occupations folded to their BLS wage code (the best
 * score kept), then those within `relativeCutoff` of the source's best and above `minScore`,
 * at most `maxBenchmarks`. Occupations without BLS wages are reported, never priced, but they
 * still set the source's best: a job that is clearly an infantry officer is not priced from the
 * police officers that match it far less well.
 */
export function selectBenchmarks(matches: readonly MatchedJob[], blend: PricingConfig['blend']): { sources: SelectedSource[]; notes: string[] } {
  const notes: string[] = [];
  const bySource = new Map<string, Map<string, MatchedJob>>();
  const bestOf = new Map<string, number>();
  for (const match of matches) {
    bestOf.set(match.sourceId, Math.max(bestOf.get(match.sourceId) ?? 0, match.score));
    if (match.kind === 'occupation' && match.wageCode === null) {
      if (match.score >= blend.minScore) notes.push(`${match.title} (${match.code}) matched but BLS publishes no wage data for it.`);
      continue;
    }
    const key = match.kind === 'occupation' ? match.wageCode! : match.code;
    const jobs = bySource.get(match.sourceId) ?? new Map<string, MatchedJob>();
    bySource.set(match.sourceId, jobs);
    if ((jobs.get(key)?.score ?? -1) < match.score) jobs.set(key, match);
  }
  const sources: SelectedSource[] = [];
  for (const [sourceId, jobs] of bySource) {
    const ranked = [...jobs.values()].sort((a, b) => b.score - a.score);
    const best = bestOf.get(sourceId) ?? 0;
    const kept = ranked.filter((match) => match.score >= blend.minScore && match.score >= best * blend.relativeCutoff).slice(0, blend.maxBenchmarks);
    if (kept.length > 0) sources.push({ sourceId, best, matches: kept });
  }
  return { sources, notes };
}
