import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import type { Client, Contract } from '../../../../main/api/contract';
import type { OutputOf } from '../../../../main/api/define';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';
import type { ItemState } from './format';

export type ItemRow = OutputOf<Contract['batch.items']>['items'][number];
export type StateFilter = ItemState | 'all';
export type SortKey = 'seq' | 'latency' | 'overall';

export const pageSize = 50;

export interface ResultsQuery {
  sort: SortKey;
  descending: boolean;
  state: StateFilter;
  search: string;
  offset: number;
}

// Module level: the monitor's "Show the failed items" sets the filter the table reads.
export const useResultsQuery = create<ResultsQuery>(() => ({ sort: 'seq', descending: false, state: 'all', search: '', offset: 0 }));

/** Any change but paging goes back to the first page. */
export const changeQuery = (patch: Partial<ResultsQuery>): void => useResultsQuery.setState({ offset: 0, ...patch });

export const turnPage = (offset: number): void => useResultsQuery.setState({ offset: Math.max(0, offset) });

export interface ResultsPage {
  forId: string;
  total: number;
  items: ItemRow[];
}

/**
 * The page of items the query asks for, read again whenever `version` changes (items finished,
 * the batch changed status). While it is read, the previous page stays on screen.
 */
export function useResultsPage(batchId: string, query: ResultsQuery, version: string, api: Client = client): { page: ResultsPage | null; error: string | null; loading: boolean } {
  const [page, setPage] = useState<ResultsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const request = useRef(0);
  const { sort, descending, state, search, offset } = query;
  useEffect(() => {
    const mine = ++request.current;
    setLoading(true);
    const input = {
      id: batchId,
      sort,
      descending,
      offset,
      limit: pageSize,
      ...(state === 'all' ? {} : { state }),
      ...(search.trim() === '' ? {} : { search: search.trim() }),
    };
    api
      .call('batch.items', input)
      .then((answer) => {
        if (mine !== request.current) return;
        setPage({ forId: batchId, ...answer });
        setError(null);
      })
      .catch((reason: unknown) => mine === request.current && setError(messageOf(reason)))
      .finally(() => mine === request.current && setLoading(false));
  }, [api, batchId, sort, descending, state, search, offset, version]);
  return { page: page?.forId === batchId ? page : null, error, loading };
}

/**
 * Every item of a batch (or those in one state), in order, `pageLimit` at a time, up to `cap`.
 * For the analysis and the CSV export; `onPage` reports how many have been read.
 */
export async function readItems(
  batchId: string,
  options: { state?: ItemState; cap?: number; onPage?: (read: number, total: number) => void; signal?: AbortSignal },
  api: Client = client,
): Promise<{ items: ItemRow[]; total: number }> {
  const pageLimit = 500;
  const cap = options.cap ?? Number.POSITIVE_INFINITY;
  const items: ItemRow[] = [];
  let total = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const limit = Math.min(pageLimit, cap - items.length);
    if (limit <= 0) break;
    const answer = await api.call('batch.items', { id: batchId, sort: 'seq', descending: false, offset: items.length, limit, ...(options.state === undefined ? {} : { state: options.state }) });
    total = answer.total;
    items.push(...answer.items);
    options.onPage?.(items.length, total);
    if (answer.items.length < limit || items.length >= total) break;
  }
  return { items, total };
}
