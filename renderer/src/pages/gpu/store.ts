import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { GpuEvent, GpuHistoryPoint, GpuSample, GpuState } from '../../../../main/gpu/schema';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';
import { keepSamplesMs, maxGapFor, mergeEvents, mergeSamples } from './samples';

export type LiveWindow = '5m' | '15m' | '60m';
export type HistoryRange = '6h' | '24h' | '7d';

export const liveWindows: Record<LiveWindow, { label: string; words: string; ms: number }> = {
  '5m': { label: '5 min', words: 'last 5 minutes', ms: 5 * 60_000 },
  '15m': { label: '15 min', words: 'last 15 minutes', ms: 15 * 60_000 },
  '60m': { label: '60 min', words: 'last 60 minutes', ms: 60 * 60_000 },
};

export const historyRanges: Record<HistoryRange, { label: string; words: string; ms: number }> = {
  '6h': { label: '6 h', words: 'last 6 hours', ms: 6 * 3_600_000 },
  '24h': { label: '24 h', words: 'last 24 hours', ms: 24 * 3_600_000 },
  '7d': { label: '7 days', words: 'last 7 days', ms: 7 * 24 * 3_600_000 },
};

/** Points asked of the stored history: about one per two pixels of a chart. */
export const historyPoints = 360;

interface GpuPageState {
  /** Device, processes, guard levels; null until first read. */
  state: GpuState | null;
  stateError: string | null;
  /** Full-rate samples, oldest first, the last hour at most. */
  samples: GpuSample[];
  samplesError: string | null;
  /** Chart events of the history range and any pushed since, oldest first. */
  events: GpuEvent[];
  eventsError: string | null;
  liveWindow: LiveWindow;
  historyRange: HistoryRange;
  /** The stored history of `historyRange` as last read; null while the first read runs. */
  history: GpuHistoryPoint[] | null;
  historyRead: { range: HistoryRange; from: number; to: number } | null;
  historyError: string | null;
}

// Module level, so the analyst's choice of windows survives leaving the page and coming back.
export const useGpuPage = create<GpuPageState>(() => ({
  state: null,
  stateError: null,
  samples: [],
  samplesError: null,
  events: [],
  eventsError: null,
  liveWindow: '5m',
  historyRange: '6h',
  history: null,
  historyRead: null,
  historyError: null,
}));

/** Whether there is a GPU to show: still being looked for, there, or not (with `problem` saying why). */
export type GpuPhase = 'reading' | 'available' | 'absent';

export function phaseOf(state: GpuState | null): GpuPhase {
  if (state === null) return 'reading';
  if (state.available) return 'available';
  // Unavailable without a reason yet: the first nvidia-smi has not answered.
  return state.problem === null ? 'reading' : 'absent';
}

const intervalOf = (): number => useGpuPage.getState().state?.sampler.intervalMs ?? 1000;

const acceptSamples = (incoming: readonly GpuSample[]): void =>
  useGpuPage.setState((page) => ({ samples: mergeSamples(page.samples, incoming, Date.now() - keepSamplesMs), samplesError: null }));

const acceptEvents = (incoming: readonly GpuEvent[]): void => useGpuPage.setState((page) => ({ events: mergeEvents(page.events, incoming), eventsError: null }));

async function loadRecent(api: Client, sinceMs: number): Promise<void> {
  try {
    acceptSamples(await api.call('gpu.recent', { sinceMs }));
  } catch (error) {
    useGpuPage.setState({ samplesError: messageOf(error) });
  }
}

async function loadLatest(api: Client): Promise<void> {
  try {
    const state = await api.call('gpu.latest', {});
    useGpuPage.setState({ state, stateError: null });
  } catch (error) {
    useGpuPage.setState({ stateError: messageOf(error) });
  }
}

let eventsRequest = 0;

async function loadEvents(api: Client): Promise<void> {
  const request = ++eventsRequest;
  const to = Date.now();
  const from = to - historyRanges[useGpuPage.getState().historyRange].ms;
  try {
    const events = await api.call('gpu.events', { from: new Date(from).toISOString(), to: new Date(to + 60_000).toISOString() });
    if (request === eventsRequest) acceptEvents(events);
  } catch (error) {
    if (request === eventsRequest) useGpuPage.setState({ eventsError: messageOf(error) });
  }
}

let historyRequest = 0;

/** Reads the stored history of the chosen range; when reads overlap (quick range changes) the latest wins. */
export async function loadHistory(api: Client = client): Promise<void> {
  const request = ++historyRequest;
  const range = useGpuPage.getState().historyRange;
  const to = Date.now();
  const from = to - historyRanges[range].ms;
  try {
    const history = await api.call('gpu.history', { from: new Date(from).toISOString(), to: new Date(to).toISOString(), maxPoints: historyPoints });
    if (request === historyRequest) useGpuPage.setState({ history, historyRead: { range, from, to }, historyError: null });
  } catch (error) {
    if (request === historyRequest) useGpuPage.setState({ historyError: messageOf(error) });
  }
}

export function chooseLiveWindow(liveWindow: LiveWindow): void {
  useGpuPage.setState({ liveWindow });
}

export function chooseHistoryRange(historyRange: HistoryRange, api: Client = client): void {
  if (useGpuPage.getState().historyRange === historyRange) return;
  useGpuPage.setState({ historyRange, history: null, historyError: null });
  void loadHistory(api);
  void loadEvents(api);
}

/** Stored points are written every 10 s; an empty history is asked again sooner, so the first points show up quickly. */
const stateRetryMs = 2000;

const historyRefreshMs = (): number => ((useGpuPage.getState().history?.length ?? 0) < 2 ? 15_000 : 60_000);

/**
 * Seeds the live charts with the last hour from memory (`gpu.recent`), then appends each pushed
 * sample; reads the state, the events and the stored history, and keeps them current. A gap in the
 * pushed samples (the event stream reconnected) is filled from `gpu.recent`. Returns the unsubscribe.
 */
export function startGpuFeed(api: Client = client): () => void {
  let active = true;
  let filling = false;
  const fillGap = (sinceMs: number): void => {
    if (filling) return;
    filling = true;
    void loadRecent(api, sinceMs).finally(() => (filling = false));
  };
  const offs = [
    api.on('gpu.sample', (sample) => {
      const last = useGpuPage.getState().samples.at(-1);
      acceptSamples([sample]);
      if (last !== undefined && sample.at - last.at > maxGapFor(intervalOf())) fillGap(last.at);
    }),
    api.on('gpu.state', (state) => useGpuPage.setState({ state, stateError: null })),
    api.on('gpu.event', (event) => acceptEvents([event])),
  ];
  // Always bounded: the memory ring holds an hour, and the page never shows more.
  void loadRecent(api, Date.now() - keepSamplesMs);
  void loadLatest(api);
  void loadEvents(api);
  void loadHistory(api);

  let timer = 0;
  const scheduleHistory = (): void => {
    timer = window.setTimeout(() => {
      if (!active) return;
      void loadHistory(api).finally(() => active && scheduleHistory());
    }, historyRefreshMs());
  };
  scheduleHistory();

  // The first nvidia-smi answer may be pushed before this page's event stream is open, and the
  // state read above may predate it: until the state says whether there is a GPU, read it again.
  const stateTimer = window.setInterval(() => {
    if (active && phaseOf(useGpuPage.getState().state) === 'reading') void loadLatest(api);
  }, stateRetryMs);
  return () => {
    active = false;
    window.clearTimeout(timer);
    window.clearInterval(stateTimer);
    for (const off of offs) off();
  };
}
