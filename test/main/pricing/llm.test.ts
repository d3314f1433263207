import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/api/errors';
import { createLlmClient, type LlmClient } from '../../../main/engine/client/index';
import { pricingMethods } from '../../../main/pricing/contract';
import { createPricingCore, createPricingHandlers } from '../../../main/pricing/handlers';
import { installedFromTags, type PricingLlm } from '../../../main/pricing/llm-engine';
import { explanationTemplateRef } from '../../../main/pricing/llm-explain';
import type { EmbedProgress } from '../../../main/pricing/reembed';
import { applyReranking } from '../../../main/pricing/rerank';
import { readModelVectors } from '../../../main/pricing/store/model-vectors';
import type { MatchedJob } from '../../../main/pricing/types';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useCatalogueDatabase } from './fixture';

const fixture = useCatalogueDatabase();
let standin: OllamaStandin;
const models = { pricing: 'llama3.1:8b', embedding: 'nomic-embed-text' };

beforeAll(async () => {
  standin = await startOllamaStandin();
});
afterAll(async () => {
  await standin.close();
});

function client(url: string): LlmClient {
  return createLlmClient({ db: fixture.db(), host: () => url, defaults: () => ({ numCtx: 8192, keepAlive: '5m' }), retry: { maxRetries: 0 }, breaker: { failureThreshold: 1000 } });
}

function engine(url: string, overrides: Partial<PricingLlm> = {}): PricingLlm {
  return { client: client(url), models: () => models, installed: installedFromTags(() => url, 0), ...overrides };
}

function core(llm: PricingLlm | undefined, progress: EmbedProgress[] = []) {
  const pricing = createPricingCore({ db: fixture.db(), llm, emitEmbed: (event) => progress.push(event) });
  return { ...pricing, handlers: createPricingHandlers(pricing) };
}

async function closedUrl(): Promise<string> {
  const gone = await startOllamaStandin();
  await gone.close();
  return gone.url;
}

describe('the model-written explanation', () => {
  it('is written by the pricing model through the LLM client when the engine is up', async () => {
    const { service } = core(engine(standin.url));
    const result = await service.price({ title: 'Senior Software Engineer', rerank: false }, { persist: false });
    expect(result.explanation).toMatchObject({ method: 'llm', model: 'llama3.1:8b', template: explanationTemplateRef });
    expect(result.explanation.text.length).toBeGreaterThan(0);
    expect(pricingMethods['pricing.price'].output.parse(result)).toEqual(result);
  });

  it('falls back to the template, without an error, when the engine is down', async () => {
    const url = await closedUrl();
    const down = await core(engine(url)).service.price({ title: 'Senior Software Engineer' }, { persist: false });
    expect(down.explanation).toMatchObject({ method: 'template', model: null });
    expect(down.explanation.text).toContain(down.percentiles.p50!.display);
    // Installed by the last report, but the call itself fails: still the template.
    const stale = await core(engine(url, { installed: async () => ['llama3.1:8b', 'nomic-embed-text:latest'] })).service.price({ title: 'Registered Nurse' }, { persist: false });
    expect(stale.explanation.method).toBe('template');
    expect(stale.notes.join(' ')).not.toMatch(/re-ranked/);
  });

  it('uses the template when the pricing model is not installed', async () => {
    const result = await core(engine(standin.url, { models: () => ({ ...models, pricing: 'qwen2.5:14b' }) })).service.price({ title: 'Accountant' }, { persist: false });
    expect(result.explanation.method).toBe('template');
  });

  it('rejects a model explanation with a number the computation did not produce', async () => {
    const real = client(standin.url);
    const lying = {
      chat: (async (request: Parameters<LlmClient['chat']>[0]) => {
        const answer = await real.chat(request);
        return { ...answer, text: `${answer.text} The median is $1,234,567.` };
      }) as LlmClient['chat'],
      embed: real.embed,
    };
    const result = await core(engine(standin.url, { client: lying })).service.price({ title: 'Senior Software Engineer', rerank: false }, { persist: false });
    expect(result.explanation.method).toBe('template');
    expect(result.explanation.text).not.toContain('1,234,567');
  });
});

describe('the model re-rank', () => {
  it('re-orders the top matches with the model’s reasons and says so in the notes', async () => {
    const { service } = core(engine(standin.url));
    const plain = await service.price({ title: 'Data Analyst', rerank: false }, { persist: false });
    const reranked = await service.price({ title: 'Data Analyst' }, { persist: false });
    expect(reranked.notes.some((note) => /Matches re-ranked by llama3\.1:8b \(pricing-rerank v1\)/.test(note))).toBe(true);
    expect(reranked.matches[0]!.why.some((why) => why.startsWith('re-ranked by llama3.1:8b'))).toBe(true);
    expect(plain.notes.join(' ')).not.toMatch(/re-ranked/);
    // Same candidates, the model's order; the pricing is unchanged.
    expect(reranked.percentiles).toEqual(plain.percentiles);
  });

  it('is ignored when the call fails', async () => {
    standin.setFault({ kind: 'busy', count: 10 });
    try {
      const result = await core(engine(standin.url)).service.price({ title: 'Data Analyst' }, { persist: false });
      expect(result.notes.join(' ')).not.toMatch(/re-ranked/);
      expect(result.matches[0]!.why.join(' ')).not.toMatch(/re-ranked/);
      expect(result.explanation.method).toBe('template');
    } finally {
      standin.clearFaults();
    }
  });

  it('ignores unknown and repeated codes, and an answer naming none', () => {
    const job = (code: string, score: number): MatchedJob => ({ kind: 'occupation', code, soc: code.slice(0, 7), title: code, score, why: ['x'], wageCode: code.slice(0, 7), benchmarkId: null, sourceId: 'bls' });
    const matches = [job('a', 0.9), job('b', 0.8), job('c', 0.7)];
    const order = applyReranking(matches, { model: 'm', ranking: [{ code: 'zz', reason: '' }, { code: 'c', reason: 'closest' }, { code: 'c', reason: 'again' }] });
    expect(order!.map((match) => match.code)).toEqual(['c', 'a', 'b']);
    expect(order![0]!.why).toEqual(['x', 're-ranked by m: closest']);
    expect(applyReranking(matches, { model: 'm', ranking: [{ code: 'nope', reason: '' }] })).toBeNull();
  });
});

describe('re-embedding the catalogue with an Ollama embedding model', () => {
  it('refuses, with a clear error, when the engine is down', async () => {
    const { handlers } = core(engine(await closedUrl()));
    await expect(Promise.resolve(handlers['pricing.reembed']({}))).rejects.toSatisfy((error) => error instanceof ApiError && error.code === 'engine_unavailable');
  });

  it('can be cancelled, leaving the vectors in use as they were', async () => {
    const { reembed } = core(engine(standin.url));
    const before = readModelVectors(fixture.db());
    const run = await reembed!.start();
    expect(reembed!.cancel(run.jobId)).toBe(true);
    const end = await run.finished;
    expect(end.status).toBe('cancelled');
    expect(readModelVectors(fixture.db())).toEqual(before);
  });

  it('embeds the titles in batches with progress, then prices with them and says so', async () => {
    const progress: EmbedProgress[] = [];
    const { reembed, service, handlers } = core(engine(standin.url), progress);
    const run = await reembed!.start();
    expect(run.model).toBe('nomic-embed-text');
    const end = await run.finished;
    expect(end).toMatchObject({ status: 'completed', done: run.total, total: run.total, dims: 768, error: null });
    const running = progress.filter((event) => event.status === 'running');
    expect(running.length).toBeGreaterThan(1);
    expect(running.map((event) => event.done)).toEqual([...running.map((event) => event.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ status: 'completed' });
    expect(pricingMethods['pricing.reembedStatus'].output.parse(handlers['pricing.reembedStatus']({ jobId: run.jobId }))).toMatchObject({ status: 'completed' });
    expect(readModelVectors(fixture.db())).toMatchObject({ model: 'nomic-embed-text', dims: 768, count: run.total });

    const result = await service.price({ title: 'Software Developer', rerank: false }, { persist: false });
    expect(result.dataVersions.embedder).toBe('ollama:nomic-embed-text/768');
    expect(result.matches.length).toBeGreaterThan(0);
    expect(result.percentiles.p50).not.toBeNull();

    // Engine down afterwards: the hashed embedder is the fallback.
    const fallback = await core(engine(await closedUrl())).service.price({ title: 'Software Developer' }, { persist: false });
    expect(fallback.dataVersions.embedder).toBe('hashed-tfidf-v1/512');
    expect(fallback.matches[0]!.soc).toBe('15-1252');
  });
});
