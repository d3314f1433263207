import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { BatchEvent, BatchProgress, BatchStats, BatchSummary } from '../../../../main/batch/schema';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';
import { isFinished, isLive } from './format';
import { useResultsQuery } from './results';

export interface BatchDetail {
  summary: BatchSummary;
  stats: BatchStats;
  /** Newest first, as batch.get answers; pushed events are added at the front. */
  events: BatchEvent[];
}

interface BatchPageState {
  /** Newest first; null until the first read. */
  batches: BatchSummary[] | null;
  listError: string | null;
  selectedId: string | null;
  /** The selected batch with its rates and events; null while it is read. */
  detail: BatchDetail | null;
  detailError: string | null;
}

/** The most events kept for the monitor; batch.get answers the latest 200. */
const maxEvents = 500;

// Module level, so the selected batch survives leaving the page and coming back.
export const useBatches = create<BatchPageState>(() => ({
  batches: null,
  listError: null,
  selectedId: null,
  detail: null,
  detailError: null,
}));

const upsert = (batches: readonly BatchSummary[] | null, summary: BatchSummary): BatchSummary[] => {
  const list = batches ?? [];
  return list.some((batch) => batch.id === summary.id) ? list.map((batch) => (batch.id === summary.id ? summary : batch)) : [summary, ...list];
};

/** Records a summary an action handed back (submit, pause, cancel…) without waiting for its event. */
export function acceptSummary(summary: BatchSummary): void {
  useBatches.setState((state) => ({
    batches: upsert(state.batches, summary),
    detail: state.detail?.summary.id === summary.id ? { ...state.detail, summary } : state.detail,
  }));
}

let listRequest = 0;

export async function loadBatches(api: Client = client): Promise<void> {
  const request = ++listRequest;
  try {
    const batches = await api.call('batch.list', { limit: 200 });
    if (request !== listRequest) return;
    useBatches.setState((state) => ({
      batches,
      listError: null,
      // The newest batch is shown until the analyst picks one.
      selectedId: state.selectedId !== null && batches.some((batch) => batch.id === state.selectedId) ? state.selectedId : (batches[0]?.id ?? null),
    }));
    const { selectedId, detail } = useBatches.getState();
    if (selectedId !== null && detail?.summary.id !== selectedId) void loadDetail(selectedId, api);
  } catch (error) {
    if (request === listRequest) useBatches.setState({ listError: messageOf(error) });
  }
}

let detailRequest = 0;

export async function loadDetail(id: string, api: Client = client): Promise<void> {
  const request = ++detailRequest;
  try {
    const detail = await api.call('batch.get', { id });
    if (request !== detailRequest || useBatches.getState().selectedId !== id) return;
    useBatches.setState((state) => ({ detail, detailError: null, batches: upsert(state.batches, detail.summary) }));
  } catch (error) {
    if (request === detailRequest) useBatches.setState({ detailError: messageOf(error) });
  }
}

export function selectBatch(id: string, api: Client = client): void {
  if (useBatches.getState().selectedId === id) return;
  // Another batch's results start on their first page, unsearched; the sort and filter stay.
  useResultsQuery.setState({ offset: 0, search: '' });
  useBatches.setState({ selectedId: id, detail: null, detailError: null });
  void loadDetail(id, api);
}

function acceptProgress(progress: BatchProgress, api: Client): void {
  const { batches, detail } = useBatches.getState();
  const known = batches?.find((batch) => batch.id === progress.id);
  // Queued elsewhere (the CLI, a script on /v1): the list is read again to show it.
  if (known === undefined) {
    if (batches !== null) void loadBatches(api);
    return;
  }
  const summary = { ...known, status: progress.status, counts: progress.counts };
  useBatches.setState((state) => ({
    batches: upsert(state.batches, summary),
    detail: state.detail?.summary.id === progress.id ? { ...state.detail, summary: { ...state.detail.summary, status: progress.status, counts: progress.counts }, stats: progress.stats } : state.detail,
  }));
  // A change of status brings times (started, finished) that progress does not carry.
  if (detail?.summary.id === progress.id && detail.summary.status !== progress.status && (isFinished(progress.status) || detail.summary.startedAt === null)) {
    void loadDetail(progress.id, api);
  }
}

function acceptEvent(event: BatchEvent): void {
  useBatches.setState((state) => {
    const detail = state.detail;
    if (detail === null) return {};
    // Events of no batch (a runner recycle) concern whichever batch is running.
    const concerns = event.batchId === detail.summary.id || (event.batchId === null && isLive(detail.summary.status));
    if (!concerns) return {};
    return { detail: { ...detail, events: [event, ...detail.events].slice(0, maxEvents) } };
  });
}

/** Reads the batches and the selected one, then follows progress and events. Returns the unsubscribe. */
export function startBatchFeed(api: Client = client): () => void {
  const offs = [api.on('batch.progress', (progress) => acceptProgress(progress, api)), api.on('batch.event', acceptEvent)];
  void loadBatches(api);
  const { selectedId } = useBatches.getState();
  if (selectedId !== null) void loadDetail(selectedId, api);
  return () => {
    for (const off of offs) off();
  };
}

export type BatchAction = 'pause' | 'resume' | 'cancel' | 'retryFailed';

const methodOf = {
  pause: 'batch.pause',
  resume: 'batch.resume',
  cancel: 'batch.cancel',
  retryFailed: 'batch.retryFailed',
} as const;

/** Pause, resume, cancel or retry; the summary handed back updates the page at once. */
export async function runBatchAction(id: string, action: BatchAction, api: Client = client): Promise<void> {
  acceptSummary(await api.call(methodOf[action], { id }));
  void loadDetail(id, api);
}

export async function setPriority(id: string, priority: number, api: Client = client): Promise<void> {
  acceptSummary(await api.call('batch.setPriority', { id, priority }));
}
