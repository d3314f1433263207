import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { Analysis, CorrectionField, ExitSetup, InterviewDetail, InterviewStatus, InterviewSummary } from '../../../../main/interviews/schema';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';

export type InterviewsView = 'interviews' | 'report' | 'guide' | 'kits';
/** What the right-hand pane shows: the selected interview, or the form for a new one. */
export type Pane = 'detail' | 'new';

interface InterviewsState {
  view: InterviewsView;
  /** Newest first; null until the first read. */
  list: { total: number; items: InterviewSummary[] } | null;
  listError: string | null;
  search: string;
  status: InterviewStatus | '';
  pane: Pane;
  selectedId: string | null;
  detail: InterviewDetail | null;
  detailError: string | null;
  /** The interview being analysed, so its button says so and a second click waits. */
  analysing: string | null;
  analysisError: string | null;
}

// Module level, so the list, the selection and the tab survive leaving the page and coming back.
export const useInterviews = create<InterviewsState>(() => ({
  view: 'interviews',
  list: null,
  listError: null,
  search: '',
  status: '',
  pane: 'detail',
  selectedId: null,
  detail: null,
  detailError: null,
  analysing: null,
  analysisError: null,
}));

export const showView = (view: InterviewsView): void => useInterviews.setState({ view });

let listRequest = 0;

/** Reads the list for the current search and status; when reads overlap, only the latest counts. */
export async function loadList(api: Client = client): Promise<void> {
  const mine = ++listRequest;
  const { search, status } = useInterviews.getState();
  try {
    const list = await api.call('interviews.list', { search: search.trim() === '' ? undefined : search.trim(), status: status === '' ? undefined : status, limit: 200 });
    if (mine !== listRequest) return;
    const before = useInterviews.getState();
    // With no interview at all, the form is what the analyst needs first.
    const empty = before.list === null && list.total === 0 && before.search === '' && before.status === '';
    useInterviews.setState({ list, listError: null, pane: empty ? 'new' : before.pane });
    // The newest interview is shown until the analyst picks one.
    const newest = list.items[0];
    if (before.selectedId === null && newest !== undefined) {
      useInterviews.setState({ selectedId: newest.id });
      void loadDetail(newest.id, api);
    }
  } catch (error) {
    if (mine === listRequest) useInterviews.setState({ listError: messageOf(error) });
  }
}

export function searchList(search: string, api: Client = client): void {
  useInterviews.setState({ search });
  void loadList(api);
}

export function filterList(status: InterviewStatus | '', api: Client = client): void {
  useInterviews.setState({ status });
  void loadList(api);
}

let detailRequest = 0;

export async function loadDetail(id: string, api: Client = client): Promise<void> {
  const mine = ++detailRequest;
  try {
    const detail = await api.call('interviews.get', { id });
    if (mine === detailRequest && useInterviews.getState().selectedId === id) useInterviews.setState({ detail, detailError: null });
  } catch (error) {
    if (mine === detailRequest) useInterviews.setState({ detailError: messageOf(error) });
  }
}

export function selectInterview(id: string, api: Client = client): void {
  const same = useInterviews.getState().selectedId === id;
  useInterviews.setState((state) => ({ selectedId: id, pane: 'detail', detail: same ? state.detail : null, detailError: null, analysisError: null }));
  void loadDetail(id, api);
}

/** Shows one interview on the Exit interviews tab, read afresh (after a hand-over, say). */
export async function showInterview(id: string, api: Client = client): Promise<void> {
  useInterviews.setState((state) => ({ view: 'interviews', selectedId: id, pane: 'detail', detail: state.detail?.id === id ? state.detail : null, detailError: null, analysisError: null }));
  await Promise.all([loadDetail(id, api), loadList(api)]);
}

export const openNewForm = (): void => useInterviews.setState({ pane: 'new' });

export const closeNewForm = (): void => useInterviews.setState({ pane: 'detail' });

/** Sets up an interview and shows it; throws the core's error so the form can point at the field. */
export async function createInterview(setup: Partial<ExitSetup>, api: Client = client): Promise<InterviewSummary> {
  const created = await api.call('interviews.create', setup);
  selectInterview(created.id, api);
  await loadList(api);
  return created;
}

/** Re-reads what an action changed: the detail shown and its row in the list. */
export async function refreshSelected(api: Client = client): Promise<void> {
  const { selectedId } = useInterviews.getState();
  await Promise.all([selectedId === null ? Promise.resolve() : loadDetail(selectedId, api), loadList(api)]);
}

export async function endInterview(id: string, api: Client = client): Promise<void> {
  await api.call('interviews.end', { id });
  await refreshSelected(api);
}

export async function deleteInterview(id: string, api: Client = client): Promise<void> {
  await api.call('interviews.delete', { id });
  useInterviews.setState({ selectedId: null, detail: null });
  await loadList(api);
}

const withAnalysis = (analysis: Analysis): void =>
  useInterviews.setState((state) => (state.detail?.id === analysis.interviewId ? { detail: { ...state.detail, analysis, analysed: true } } : {}));

export async function analyseInterview(id: string, api: Client = client): Promise<void> {
  if (useInterviews.getState().analysing !== null) return;
  useInterviews.setState({ analysing: id, analysisError: null });
  try {
    withAnalysis(await api.call('interviews.analyse', { id }));
    void loadList(api);
  } catch (error) {
    useInterviews.setState({ analysisError: messageOf(error) });
  } finally {
    useInterviews.setState({ analysing: null });
  }
}

/** The analyst's value for one label (or, with `clear`, back to the suggestion); the list shows the reason that counts. */
export async function correctLabel(id: string, field: CorrectionField, value: unknown, clear = false, api: Client = client): Promise<void> {
  withAnalysis(await api.call('interviews.correct', clear ? { id, field, clear: true } : { id, field, value }));
  void loadList(api);
}

export function startInterviewsFeed(api: Client = client): void {
  void loadList(api);
  const { selectedId } = useInterviews.getState();
  if (selectedId !== null) void loadDetail(selectedId, api);
}
