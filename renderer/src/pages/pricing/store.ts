import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { PricingConfig } from '../../../../main/pricing/config';
import type { HistoryItem, PriceInput, PricingResult } from '../../../../main/pricing/schema';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';

export interface CatalogueAnswer {
  status: { dataVersion: string; embedder: string; dims: number; builtAt: number; buildMs: number; occupations: number; titles: number; occupationsWithWages: number; states: number };
  sources: { id: string; name: string; kind: 'bundled' | 'survey'; publisher: string | null; licence: string | null; currency: string | null; effectiveDate: string | null; fileName: string | null; rows: number; importedAt: number }[];
  attribution: string[];
}

/** What produced the result on screen: a new request, a past one opened, or a past one re-run. */
export type ResultOrigin = 'priced' | 'opened' | 'rerun';
export type Busy = 'price' | 'open' | 'rerun';

export const historyPageSize = 10;

interface PricingState {
  catalogue: CatalogueAnswer | null;
  /** 'loading' until the first answer: the catalogue is built on first use, which takes seconds. */
  catalogueState: 'loading' | 'ready' | 'error';
  catalogueError: string | null;
  config: PricingConfig | null;
  result: PricingResult | null;
  origin: ResultOrigin | null;
  busy: Busy | null;
  /** Which history row is being opened or re-run. */
  busyId: string | null;
  error: string | null;
  history: { search: string; offset: number; total: number; items: HistoryItem[] } | null;
  historySearch: string;
  historyOffset: number;
  historyError: string | null;
  historyLoading: boolean;
}

export const usePricing = create<PricingState>(() => ({
  catalogue: null,
  catalogueState: 'loading',
  catalogueError: null,
  config: null,
  result: null,
  origin: null,
  busy: null,
  busyId: null,
  error: null,
  history: null,
  historySearch: '',
  historyOffset: 0,
  historyError: null,
  historyLoading: false,
}));

/** Reads the catalogue's versions, sources and attribution (building it on first use) and the settings. */
export async function loadCatalogue(api: Client = client): Promise<void> {
  if (usePricing.getState().catalogue === null) usePricing.setState({ catalogueState: 'loading' });
  try {
    const [catalogue, config] = await Promise.all([api.call('pricing.catalogue', {}), api.call('pricing.getConfig', {})]);
    usePricing.setState({ catalogue, config, catalogueState: 'ready', catalogueError: null });
  } catch (error) {
    usePricing.setState({ catalogueState: usePricing.getState().catalogue === null ? 'error' : 'ready', catalogueError: messageOf(error) });
  }
}

let historyRequest = 0;

/** Reads the page of history for the current search and offset; when reads overlap, only the latest counts. */
export async function loadHistory(api: Client = client): Promise<void> {
  const mine = ++historyRequest;
  const { historySearch: search, historyOffset: offset } = usePricing.getState();
  usePricing.setState({ historyLoading: true });
  try {
    const page = await api.call('pricing.history', { search: search.trim() === '' ? undefined : search.trim(), offset, limit: historyPageSize });
    if (mine === historyRequest) usePricing.setState({ history: { search, offset, ...page }, historyError: null, historyLoading: false });
  } catch (error) {
    if (mine === historyRequest) usePricing.setState({ historyError: messageOf(error), historyLoading: false });
  }
}

export function searchHistory(search: string, api: Client = client): void {
  usePricing.setState({ historySearch: search, historyOffset: 0 });
  void loadHistory(api);
}

export function turnHistoryPage(offset: number, api: Client = client): void {
  usePricing.setState({ historyOffset: Math.max(0, offset) });
  void loadHistory(api);
}

async function runResult(kind: Busy, id: string | null, work: () => Promise<PricingResult>, origin: ResultOrigin, api: Client): Promise<boolean> {
  if (usePricing.getState().busy !== null) return false;
  usePricing.setState({ busy: kind, busyId: id, error: null });
  try {
    const result = await work();
    usePricing.setState({ result, origin, busy: null, busyId: null });
    // The first price builds the catalogue too: read its sources now if that read had not answered.
    if (usePricing.getState().catalogueState !== 'ready') void loadCatalogue(api);
    if (kind !== 'open') void loadHistory(api);
    return true;
  } catch (error) {
    usePricing.setState({ busy: null, busyId: null, error: messageOf(error) });
    return false;
  }
}

export const priceJob = (input: PriceInput, api: Client = client): Promise<boolean> => runResult('price', null, () => api.call('pricing.price', input), 'priced', api);

export const openRequest = (id: string, api: Client = client): Promise<boolean> => runResult('open', id, () => api.call('pricing.get', { id }), 'opened', api);

export const rerunRequest = (id: string, api: Client = client): Promise<boolean> => runResult('rerun', id, () => api.call('pricing.rerun', { id }), 'rerun', api);

/** Deletes an imported survey source, then reads the sources again. */
export async function deleteSource(id: string, api: Client = client): Promise<void> {
  await api.call('pricing.deleteSource', { id });
  await loadCatalogue(api);
}

export function startPricingFeed(api: Client = client): void {
  void loadCatalogue(api);
  void loadHistory(api);
}
