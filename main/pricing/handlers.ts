import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import type { HandlersOf } from '../api/define';
import { blsAttribution, onetAttribution } from './build-catalogue';
import { BulkPricing, type BulkProgress } from './bulk';
import { pricingConfigSchema } from './config';
import type { pricingMethods } from './contract';
import type { ExplanationWriter } from './explain';
import type { PricingLlm } from './llm-engine';
import { CatalogueReembedder, type EmbedProgress } from './reembed';
import { PricingService } from './service';
import { stateFactorMethod } from './sources/states';
import { loadAnalystFactors, loadStateFactors } from './store/lookups';
import { listRequests } from './store/requests';
import { listSources } from './store/sources';
import { deleteSurveySource, importSurvey } from './survey/import';
import { importLocationFactors } from './survey/location-import';

export type PricingHandlers = HandlersOf<typeof pricingMethods>;

export interface PricingDeps {
  service: PricingService;
  bulk: BulkPricing;
  reembed?: CatalogueReembedder;
}



/**
 * The service, bulk runner and re-embedder for one database; `emit` carries their progress to the
 * event bus. `llm` (optional) lets the local engine write explanations, re-rank and embed.
 */
export function createPricingCore(options: {
  db: Database;
  emit?: (name: 'pricing.bulkProgress', payload: BulkProgress) => void;
  /** Re-embedding progress (the `pricing.embedProgress` event). */
  emitEmbed?: (progress: EmbedProgress) => void;
  explain?: ExplanationWriter;
  llm?: PricingLlm;
  now?: () => number;
  log?: (level: 'info' | 'warn', message: string) => void;
}): PricingDeps {
  const service = new PricingService({ db: options.db, explain: options.explain, llm: options.llm, now: options.now, log: options.log });
  return {
    service,
    bulk: new BulkPricing(service, (progress) => options.emit?.('pricing.bulkProgress', progress), options.now),
    reembed: new CatalogueReembedder(service, options.llm, (progress) => options.emitEmbed?.(progress), options.now),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nested objects are merged key by key; anything else the patch gives replaces what was there. */
export function mergePatch(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = isRecord(value) && isRecord(base[key]) && key !== 'sourceWeights' ? mergePatch(base[key], value) : value;
  return merged;
}

export function createPricingHandlers({ service, bulk, reembed = new CatalogueReembedder(service, undefined, () => {}) }: PricingDeps): PricingHandlers {
  const db = service.db;
  return {
    'pricing.price': (input) => service.price(input),
    'pricing.history': ({ search, offset, limit }) => listRequests(db, search, offset, limit),
    'pricing.get': ({ id }) => service.get(id),
    'pricing.rerun': ({ id }) => service.rerun(id),
    'pricing.catalogue': () => ({ status: service.ready().status, sources: listSources(db), attribution: [blsAttribution, onetAttribution] }),
    'pricing.rebuildCatalogue': () => service.rebuildCatalogue(),
    'pricing.getConfig': () => service.config(),
    'pricing.setConfig': ({ patch }) => {
      const parsed = pricingConfigSchema.safeParse(mergePatch(service.config() as Record<string, unknown>, patch));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.map(String).join('.') ?? '';
        throw new ApiError('invalid_input', `${field === '' ? '' : `${field}: `}${issue?.message ?? 'invalid settings'}`, field === '' ? undefined : `patch.${field}`);
      }
      return service.setConfig(parsed.data);
    },
    'pricing.importSurvey': ({ path, mapping, allowPartial, replace }) => {
      const result = importSurvey(db, service.ready().matcher.embedder, path, mapping, { allowPartial, replace, now: Date.now() });
      service.refresh();
      return result;
    },
    'pricing.deleteSource': ({ id }) => {
      service.ready();
      const deleted = deleteSurveySource(db, id);
      if (!deleted) throw new ApiError('not_found', `No data source ${id}`, 'id');
      return { deleted };
    },
    'pricing.importLocationFactors': ({ path, sourceName, mapping }) => {
      service.ready();
      const result = importLocationFactors(db, path, sourceName, mapping, Date.now());
      service.refresh();
      return result;
    },
    'pricing.locationFactors': () => {
      service.ready();
      return { analyst: loadAnalystFactors(db).map(({ key: _key, ...factor }) => factor), states: loadStateFactors(db), stateMethod: stateFactorMethod };
    },
    'pricing.bulkStart': ({ inputPath, outputPath }) => {
      const { jobId, total, finished } = bulk.start(inputPath, outputPath);
      finished.catch(() => {}); // failures are recorded in the run and reported by progress
      return { jobId, total };
    },
    'pricing.bulkStatus': ({ jobId }) => bulk.status(jobId),
    'pricing.reembed': async () => {
      const { jobId, total, model, finished } = await reembed.start();
      finished.catch(() => {}); // failures are reported by progress
      return { jobId, total, model };
    },
    'pricing.reembedStatus': ({ jobId }) => reembed.status(jobId),
    'pricing.reembedCancel': ({ jobId }) => ({ cancelled: reembed.cancel(jobId) }),
    'pricing.bulkCancel': ({ jobId }) => ({ cancelled: bulk.cancel(jobId) }),
  };
}
