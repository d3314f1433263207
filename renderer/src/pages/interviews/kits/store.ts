import { create } from 'zustand';
import type { Client } from '../../../../../main/api/contract';
import type { KitConfig, KitDetail, KitProgress, KitQuestion, KitSummary } from '../../../../../main/interviews/kits/schema';
import { client } from '../../../api/client';
import { messageOf } from '../../../lib/errors';
import { nextRun, type KitRun } from './progress';
import { throttled } from './throttle';

/** What the right-hand pane shows: the selected kit, or the form for a new one. */
export type KitPane = 'kit' | 'new';

interface KitsState {
  /** Most recently changed first; null until the first read. */
  list: { total: number; items: KitSummary[] } | null;
  listError: string | null;
  search: string;
  pane: KitPane;
  selectedId: string | null;
  detail: KitDetail | null;
  detailError: string | null;
  /** Generations seen by this page, by kit id, from kits.progress. */
  runs: Record<string, KitRun>;
  config: KitConfig | null;
  configError: string | null;
}

// Module level, so the list, the selection and the runs watched survive leaving the tab.
export const useKits = create<KitsState>(() => ({
  list: null,
  listError: null,
  search: '',
  pane: 'kit',
  selectedId: null,
  detail: null,
  detailError: null,
  runs: {},
  config: null,
  configError: null,
}));

let listRequest = 0;

/** Reads the list for the current search; when reads overlap, only the latest counts. */
export async function loadKits(api: Client = client): Promise<void> {
  const mine = ++listRequest;
  const { search } = useKits.getState();
  try {
    const list = await api.call('kits.list', { search: search.trim() === '' ? undefined : search.trim(), limit: 200 });
    if (mine !== listRequest) return;
    const before = useKits.getState();
    // With no kit at all, the form is what the interviewer needs first.
    const empty = before.list === null && list.total === 0 && before.search === '';
    useKits.setState({ list, listError: null, pane: empty ? 'new' : before.pane });
    const newest = list.items[0];
    if (before.selectedId === null && newest !== undefined) selectKit(newest.id, api);
  } catch (error) {
    if (mine === listRequest) useKits.setState({ listError: messageOf(error) });
  }
}

export function searchKits(search: string, api: Client = client): void {
  useKits.setState({ search });
  void loadKits(api);
}

let detailRequest = 0;

export async function loadKit(id: string, api: Client = client): Promise<void> {
  const mine = ++detailRequest;
  try {
    const detail = await api.call('kits.get', { id });
    if (mine === detailRequest && useKits.getState().selectedId === id) useKits.setState({ detail, detailError: null });
  } catch (error) {
    if (mine === detailRequest) useKits.setState({ detailError: messageOf(error) });
  }
}

export function selectKit(id: string, api: Client = client): void {
  useKits.setState((state) => ({ selectedId: id, pane: 'kit', detail: state.detail?.id === id ? state.detail : null, detailError: null }));
  void loadKit(id, api);
}

/** Shows a kit the core just answered with, and its row. */
export function showKit(detail: KitDetail, api: Client = client): void {
  useKits.setState({ selectedId: detail.id, pane: 'kit', detail, detailError: null });
  void loadKits(api);
}

export const openNewKit = (): void => useKits.setState({ pane: 'new' });
export const closeNewKit = (): void => useKits.setState({ pane: 'kit' });

/** One question as the core saved it (a rating, notes), put in place without reading the whole kit. */
export function putQuestion(kitId: string, question: KitQuestion): void {
  useKits.setState((state) =>
    state.detail?.id === kitId ? { detail: { ...state.detail, questions: state.detail.questions.map((entry) => (entry.seq === question.seq ? question : entry)) } } : {},
  );
}

/** The form falls back to every language when the settings cannot be read; the settings panel says why. */
export async function loadConfig(api: Client = client): Promise<void> {
  try {
    useKits.setState({ config: await api.call('kits.getConfig', {}), configError: null });
  } catch (error) {
    useKits.setState({ configError: messageOf(error) });
  }
}

const refreshSelected = throttled(() => {
  const { selectedId } = useKits.getState();
  if (selectedId !== null) void loadKit(selectedId);
}, 400);
const refreshList = throttled(() => void loadKits(), 1000);

/** A kit's count of questions done, as the event says, so the counts shown keep up with the bar between reads. */
function withDone<T extends { id: string; questionsDone: number }>(kit: T, event: KitProgress): T {
  return kit.id === event.kitId && event.stage === 'questions' && event.done > kit.questionsDone ? { ...kit, questionsDone: event.done } : kit;
}

function onProgress(event: KitProgress): void {
  useKits.setState((state) => ({
    runs: { ...state.runs, [event.kitId]: nextRun(state.runs[event.kitId], event, Date.now()) },
    detail: state.detail === null ? null : withDone(state.detail, event),
    list: state.list === null ? null : { ...state.list, items: state.list.items.map((kit) => withDone(kit, event)) },
  }));
  // Questions appear as they finish: the kit shown is read again, at most a few times a second.
  if (useKits.getState().selectedId === event.kitId) refreshSelected();
  refreshList();
}

let listening = false;

/** Reads the list and the selected kit, and follows kits.progress once for the life of the page. */
export function startKitsFeed(api: Client = client): void {
  if (!listening) {
    listening = true;
    api.on('kits.progress', onProgress);
  }
  void loadKits(api);
  void loadConfig(api);
  const { selectedId } = useKits.getState();
  if (selectedId !== null) void loadKit(selectedId, api);
}
