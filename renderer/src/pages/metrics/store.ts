import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { MetricsSummary } from '../../../../main/metrics/schema';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';

export type MetricsWindow = '1h' | '24h' | '7d' | '30d';
export type GroupBy = 'operation-model' | 'feature-model';

export const metricsWindows: Record<MetricsWindow, { label: string; words: string; minutes: number }> = {
  '1h': { label: '1 h', words: 'last hour', minutes: 60 },
  '24h': { label: '24 h', words: 'last 24 hours', minutes: 24 * 60 },
  '7d': { label: '7 days', words: 'last 7 days', minutes: 7 * 24 * 60 },
  '30d': { label: '30 days', words: 'last 30 days', minutes: 30 * 24 * 60 },
};

/** At most one refresh per this long while calls are being recorded (a batch records several a second). */
export const refreshEveryMs = 3_000;
/** The window slides even when nothing is called: old calls leave it. */
const slideEveryMs = 60_000;

interface MetricsState {
  window: MetricsWindow;
  groupBy: GroupBy;
  summary: MetricsSummary | null;
  /** What `summary` was read for, so a change of window shows "Reading…" rather than the old rows. */
  summaryFor: { window: MetricsWindow; groupBy: GroupBy } | null;
  error: string | null;
  loading: boolean;
}

export const useMetrics = create<MetricsState>(() => ({
  window: '24h',
  groupBy: 'operation-model',
  summary: null,
  summaryFor: null,
  error: null,
  loading: false,
}));

let request = 0;
let lastLoadAt = Number.NEGATIVE_INFINITY;

/** Reads the summary for the chosen window and grouping; when reads overlap, only the latest counts. */
export async function loadSummary(api: Client = client): Promise<void> {
  const mine = ++request;
  const { window: windowKey, groupBy } = useMetrics.getState();
  lastLoadAt = Date.now();
  useMetrics.setState({ loading: true });
  try {
    const summary = await api.call('metrics.summary', { minutes: metricsWindows[windowKey].minutes, groupBy });
    if (mine === request) useMetrics.setState({ summary, summaryFor: { window: windowKey, groupBy }, error: null, loading: false });
  } catch (error) {
    if (mine === request) useMetrics.setState({ error: messageOf(error), loading: false });
  }
}

export function chooseWindow(windowKey: MetricsWindow, api: Client = client): void {
  if (useMetrics.getState().window === windowKey) return;
  useMetrics.setState({ window: windowKey });
  void loadSummary(api);
}

export function chooseGroupBy(groupBy: GroupBy, api: Client = client): void {
  if (useMetrics.getState().groupBy === groupBy) return;
  useMetrics.setState({ groupBy });
  void loadSummary(api);
}

/** The CSV of what the page shows, as the core writes it. */
export async function fetchCsv(api: Client = client): Promise<{ fileName: string; csv: string }> {
  const { window: windowKey, groupBy } = useMetrics.getState();
  return api.call('metrics.csv', { minutes: metricsWindows[windowKey].minutes, groupBy });
}

/**
 * Reads the summary, then reads it again when calls are recorded (`llm.call`), at most once per
 * `refreshEveryMs`, the last call of a burst always included; and once a minute as the window
 * slides. Returns the unsubscribe.
 */
export function startMetricsFeed(api: Client = client): () => void {
  let timer = 0;
  const refreshSoon = (): void => {
    if (timer !== 0) return;
    const wait = Math.max(0, lastLoadAt + refreshEveryMs - Date.now());
    timer = window.setTimeout(() => {
      timer = 0;
      void loadSummary(api);
    }, wait);
  };
  const off = api.on('llm.call', refreshSoon);
  const slide = window.setInterval(() => {
    if (Date.now() - lastLoadAt >= slideEveryMs - 1000) void loadSummary(api);
  }, slideEveryMs);
  void loadSummary(api);
  return () => {
    off();
    window.clearTimeout(timer);
    window.clearInterval(slide);
  };
}
