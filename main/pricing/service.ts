import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../api/errors';
import { blsAttribution, buildCatalogue, ensureCatalogue, onetAttribution, type CatalogueStatus } from './build-catalogue';
import type { PricingConfig } from './config';
import type { PriceRequest } from './contributors';
import { templateExplanation, ungroundedNumbers, allowedNumbers, type ExplanationWriter } from './explain';
import { availableModel, defaultLlmTimeoutMs, modelKey, type PricingLlm } from './llm-engine';
import { engineExplanationWriter } from './llm-explain';
import { Matcher, type MatchOutcome, type ModelVectorLeg } from './match/matcher';
import { isoDate } from './math/aging';
import { computePrice } from './price';
import { toResult } from './result';
import type { PriceInput, PricingResult } from './schema';
import { blsSource } from './sources/bls-oews';
import { applyReranking, llmReranker, rerankDepth, rerankTemplate, type Reranker } from './rerank';
import { readConfig, writeConfig } from './store/config-store';
import { modelEmbedderId, modelVectorsCurrent, modelVectorTable, readModelVectors, unitVector } from './store/model-vectors';
import { PricingLookups } from './store/lookups';
import { saveRequest, readRequest } from './store/requests';

export interface PricingServiceDeps {
  db: Database;
  now?: () => number;
  /** The local model's explanation, when the engine is up; the template is used otherwise. */
  explain?: ExplanationWriter;
  /**
   * The local engine, when there is one: the explanation and the re-rank through the pricing
   * model, the vector leg through catalogue vectors made by `pricing.reembed`. Every use falls
   * back silently (template, fused order, hashed vectors) when the engine is down or a call fails.
   */
  llm?: PricingLlm;
  /** Overrides the re-rank over `llm` (tests). */
  rerank?: Reranker;
  log?: (level: 'info' | 'warn', message: string) => void;
}

/** Matches shown per result; more are fetched so every source gets its candidates. */
const shownMatches = 5;

export class PricingService {
  private state: { status: CatalogueStatus; matcher: Matcher; lookups: PricingLookups } | null = null;
  private readonly now: () => number;
  /** Matches depend only on the title and description (not location or level), so they are reused. */
  private readonly matchCache = new Map<string, MatchOutcome>();

  private readonly explain: ExplanationWriter | undefined;
  private readonly rerank: Reranker | undefined;

  constructor(private readonly deps: PricingServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.explain = deps.explain ?? (deps.llm === undefined ? undefined : engineExplanationWriter(deps.llm));
    this.rerank = deps.rerank ?? (deps.llm === undefined ? undefined : llmReranker(deps.llm));
  }

  get db(): Database {
    return this.deps.db;
  }

  /** Builds the catalogue on first use (a few seconds, once) and loads what matching keeps in memory. */
  ready(): { status: CatalogueStatus; matcher: Matcher; lookups: PricingLookups } {
    if (this.state === null) {
      const status = ensureCatalogue(this.db, { now: this.now });
      this.state = { status, matcher: Matcher.load(this.db, status.dims), lookups: new PricingLookups(this.db) };
    }
    return this.state;
  }

  rebuildCatalogue(): CatalogueStatus {
    this.state = null;
    this.matchCache.clear();
    buildCatalogue(this.db, { now: this.now });
    return this.ready().status;
  }

  /** After surveys or location factors change. */
  refresh(): void {
    this.state?.lookups.reloadLocations();
    this.matchCache.clear();
  }

  private match(matcher: Matcher, title: string, description: string | undefined, model?: { leg: ModelVectorLeg; embedder: string }): MatchOutcome {
    const key = `${model?.embedder ?? ''}\n${title}\n${description ?? ''}`;
    let outcome = this.matchCache.get(key);
    if (outcome === undefined) {
      outcome = matcher.match(title, description, shownMatches * 2, model?.leg);
      if (this.matchCache.size >= 5000) this.matchCache.delete(this.matchCache.keys().next().value!);
      this.matchCache.set(key, outcome);
    }
    return outcome;
  }

  config(): PricingConfig {
    return readConfig(this.db, (message) => this.deps.log?.('warn', message));
  }

  setConfig(config: PricingConfig): PricingConfig {
    return writeConfig(this.db, config, this.now());
  }

  private dataVersions(status: CatalogueStatus): PricingResult['dataVersions'] {
    const surveys = this.db.prepare("SELECT id, name, imported_at AS importedAt FROM pricing_sources WHERE kind = 'survey' ORDER BY name").all() as PricingResult['dataVersions']['surveys'];
    return { catalogue: status.dataVersion, embedder: `${status.embedder}/${status.dims}`, bls: `${blsSource.id} (${blsSource.effectiveDate})`, surveys };
  }

  /** Prices one job with no I/O beyond reads: the explanation is the template. */
  compute(input: PriceInput, options: { rerunOf?: string | null; config?: PricingConfig; outcome?: MatchOutcome; embedder?: string } = {}): { request: PriceRequest; result: PricingResult; computation: ReturnType<typeof computePrice> } {
    const { status, matcher, lookups } = this.ready();
    const config = options.config ?? this.config();
    const createdAt = this.now();
    const outcome = options.outcome ?? this.match(matcher, input.title, input.description);
    const request: PriceRequest = {
      title: input.title,
      description: input.description ?? null,
      location: input.location ?? null,
      level: input.level ?? null,
      payBasis: input.payBasis ?? config.payBasis,
      currency: input.currency ?? config.currency,
      effectiveDate: input.effectiveDate ?? isoDate(createdAt),
    };
    const priced = { ...request, level: request.level ?? outcome.query.level };
    const computation = computePrice(priced, outcome.matches, lookups.forBasis(request.payBasis), config);
    const result = toResult(request, computation, {
      id: randomUUID(),
      createdAt,
      rerunOf: options.rerunOf ?? null,
      detectedLevel: outcome.query.level,
      readAs: outcome.query.notes,
      matches: outcome.matches.slice(0, shownMatches),
      explanation: { text: templateExplanation(request, computation), method: 'template', model: null },
      dataVersions: { ...this.dataVersions(status), ...(options.embedder === undefined ? {} : { embedder: options.embedder }) },
      attribution: [blsAttribution, onetAttribution],
    });
    return { request, result, computation };
  }

  /** Prices, asks the local model for an explanation when one is wired (numbers checked), and keeps the request. */
  async price(input: PriceInput, options: { persist?: boolean; rerunOf?: string | null } = {}): Promise<PricingResult> {
    const { status, matcher } = this.ready();
    const notes: string[] = [];
    let outcome: MatchOutcome | undefined;
    const model = await this.modelVectorLeg(status, input.title);
    if (model !== null) outcome = this.match(matcher, input.title, input.description, model);
    if (this.rerank !== undefined && input.rerank !== false) {
      const base = outcome ?? this.match(matcher, input.title, input.description);
      const reranking = await this.rerank({ title: input.title, description: input.description ?? null }, base.matches.slice(0, rerankDepth)).catch((error: unknown) => {
        this.deps.log?.('info', `Pricing re-rank skipped: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      const reordered = reranking === null ? null : applyReranking(base.matches, reranking);
      if (reranking !== null && reordered !== null) {
        outcome = { query: base.query, matches: reordered };
        notes.push(`Matches re-ranked by ${reranking.model} (${rerankTemplate.id} v${rerankTemplate.version}); scores and the priced benchmarks are unchanged.`);
      }
    }
    const { request, result, computation } = this.compute(input, { rerunOf: options.rerunOf ?? null, outcome, embedder: model?.embedder });
    result.notes = [...result.notes, ...notes];
    if (this.explain !== undefined) {
      const written = await this.explain(request, computation, result.explanation.text).catch(() => null);
      if (written !== null && written.text.trim() !== '' && ungroundedNumbers(written.text, allowedNumbers(result.explanation.text)).length === 0) {
        result.explanation = { text: written.text, method: 'llm', model: written.model, ...(written.template === undefined ? {} : { template: written.template }) };
      }
    }
    if (options.persist !== false) saveRequest(this.db, input, result);
    return result;
  }

  /**
   * The request's title embedded by the embedding model whose catalogue vectors are stored, when
   * they fit this catalogue and the engine has the model; null means the hashed vector leg.
   */
  private async modelVectorLeg(status: CatalogueStatus, title: string): Promise<{ leg: ModelVectorLeg; embedder: string } | null> {
    const llm = this.deps.llm;
    if (llm === undefined) return null;
    const info = readModelVectors(this.db);
    if (!modelVectorsCurrent(info, status)) return null;
    const model = await availableModel(llm, 'embedding');
    if (model === null || modelKey(model) !== modelKey(info.model)) return null;
    try {
      const answer = await llm.client.embed({ feature: 'pricing', model, input: [title], signal: AbortSignal.timeout(llm.timeoutMs ?? defaultLlmTimeoutMs) });
      const values = answer.embeddings[0];
      if (values === undefined || values.length !== info.dims) return null;
      return { leg: { table: modelVectorTable, vector: unitVector(values) }, embedder: modelEmbedderId(info) };
    } catch (error) {
      this.deps.log?.('info', `Pricing used the built-in embeddings: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  get(id: string): PricingResult {
    const stored = readRequest(this.db, id);
    if (stored === null) throw new ApiError('not_found', `No pricing request ${id}`, 'id');
    return stored.result;
  }

  /** The stored input priced again on today's data and settings; the new result points back. */
  async rerun(id: string): Promise<PricingResult> {
    const stored = readRequest(this.db, id);
    if (stored === null) throw new ApiError('not_found', `No pricing request ${id}`, 'id');
    const { effectiveDate: _previous, ...input } = stored.input;
    return this.price(input, { rerunOf: id });
  }
}
