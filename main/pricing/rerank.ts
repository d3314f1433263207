import { z } from 'zod';
import { availableModel, defaultLlmTimeoutMs, type PricingLlm } from './llm-engine';
import type { MatchedJob } from './types';

/** The prompt of the optional model re-rank; its id and version are recorded with each call. */
export const rerankTemplate = {
  id: 'pricing-rerank',
  version: 1,
  system:
    'You help a compensation analyst match a job to benchmark jobs. Given the job and numbered candidate ' +
    'benchmark jobs (each with its code), order the codes from best to worst fit, using only the codes given, ' +
    'each with a short reason (under 20 words). Leave out candidates that clearly do not fit.',
} as const;

/** Candidates the model sees. */
export const rerankDepth = 8;

/**
 * The answer's shape. The codes are offered to the model as an enum (constraining its grammar) but
 * validated as plain strings, so an unknown code is dropped rather than failing the whole answer.
 */
export function rerankSchema(codes: readonly string[]) {
  return z.object({
    ranking: z.array(z.object({ code: z.string().meta({ enum: [...codes] }), reason: z.string() })).max(codes.length),
  });
}

export interface Reranking {
  model: string;
  ranking: Array<{ code: string; reason: string }>;
}

export type Reranker = (query: { title: string; description: string | null }, candidates: readonly MatchedJob[]) => Promise<Reranking | null>;

/** A Reranker over the configured pricing model; null (no call) while it cannot be used. */
export function llmReranker(llm: PricingLlm): Reranker {
  return async (query, candidates) => {
    const model = await availableModel(llm, 'pricing');
    if (model === null || candidates.length < 2) return null;
    const codes = [...new Set(candidates.map((candidate) => candidate.code))];
    const listing = candidates.map((candidate, index) => `${index + 1}. code ${candidate.code}: ${candidate.title} (${candidate.why.join('; ')})`).join('\n');
    const answer = await llm.client.chat({
      feature: 'pricing',
      model,
      template: { id: rerankTemplate.id, version: rerankTemplate.version },
      messages: [
        { role: 'system', content: rerankTemplate.system },
        { role: 'user', content: `Job title: ${query.title}\n${query.description ? `Description: ${query.description.slice(0, 2000)}\n` : ''}Candidates:\n${listing}` },
      ],
      format: rerankSchema(codes),
      options: { temperature: 0 },
      signal: AbortSignal.timeout(llm.timeoutMs ?? defaultLlmTimeoutMs),
    });
    return { model, ranking: answer.value.ranking };
  };
}

/**
 * The top `depth` matches in the model's order (unknown and repeated codes ignored), those it left
 * out after them in the fused order, then the rest unchanged. Scores are kept as computed; each
 * re-ranked match says why. Null when the answer names no candidate.
 */
export function applyReranking(matches: readonly MatchedJob[], reranking: Reranking, depth = rerankDepth): MatchedJob[] | null {
  const top = matches.slice(0, depth);
  const byCode = new Map<string, MatchedJob>();
  for (const match of top) if (!byCode.has(match.code)) byCode.set(match.code, match);
  const ordered: MatchedJob[] = [];
  const placed = new Set<MatchedJob>();
  for (const { code, reason } of reranking.ranking) {
    const match = byCode.get(code.trim());
    if (match === undefined || placed.has(match)) continue;
    placed.add(match);
    const said = reason.trim().replace(/\s+/g, ' ').slice(0, 200);
    ordered.push({ ...match, why: [...match.why, `re-ranked by ${reranking.model}${said === '' ? '' : `: ${said}`}`] });
  }
  if (ordered.length === 0) return null;
  return [...ordered, ...top.filter((match) => !placed.has(match)), ...matches.slice(depth)];
}
