import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { InterviewDetail } from '../../../../main/interviews/schema';
import { client } from '../../api/client';
import { ApiError } from '../../lib/errors';
import { isFinished } from './format';
import { showInterview } from './store';

/** Where the employee is: talking, on the paused screen, or at the closing words. */
export type HandoverPhase = 'starting' | 'talking' | 'paused' | 'finished';

interface HandoverState {
  /** The interview handed over; null when the analyst has the workstation. */
  id: string | null;
  detail: InterviewDetail | null;
  /** The answer box; kept here so pausing can save it and a failed send can put it back. */
  draft: string;
  /** Times the answer got shorter while it was typed (runs of deleting, not single keys). */
  revisions: number;
  deleting: boolean;
  /** When the question on screen was shown (ms), for typingMs. */
  shownAt: number;
  /** The answer being sent, shown as a bubble while the next question is written. */
  sending: string | null;
  /** The interviewer's next turn as the model writes it. */
  streamed: string;
  busy: 'start' | 'pause' | 'end' | null;
  /** In the employee's words: never a stack trace, never lost text. */
  error: string | null;
}

const initial = { id: null, detail: null, draft: '', revisions: 0, deleting: false, shownAt: 0, sending: null, streamed: '', busy: null, error: null } as const;

export const useHandover = create<HandoverState>(() => ({ ...initial }));

export function phaseOf(detail: InterviewDetail | null): HandoverPhase {
  if (detail === null) return 'starting';
  if (isFinished(detail.status) || detail.turns.at(-1)?.kind === 'closing') return 'finished';
  if (detail.status === 'paused') return 'paused';
  return 'talking';
}

/** Something an employee can act on; the core's own sentence only where it is already plain (a refused answer). */
export function employeeMessage(error: unknown, doing: string): string {
  if (error instanceof ApiError && (error.code === 'invalid_input' || error.code === 'conflict')) return error.message.replace(/^[a-z]+: /, '');
  return `${doing} did not work just now. Nothing you typed is lost: try again in a moment, or ask the person who set this up.`;
}

const draftDelayMs = 1000;
let draftTimer: number | undefined;

function cancelDraftSave(): void {
  window.clearTimeout(draftTimer);
  draftTimer = undefined;
}

/** Saves the answer box now; a failure is quiet (the text is still on screen, and the next save tries again). */
async function saveDraftNow(api: Client): Promise<void> {
  cancelDraftSave();
  const { id, draft, detail } = useHandover.getState();
  if (id === null || detail === null || isFinished(detail.status)) return;
  await api.call('interviews.saveDraft', { id, text: draft }).catch(() => undefined);
}

/** The employee typed: count a new run of deleting as one revision, and save the draft once typing stops. */
export function editDraft(text: string, api: Client = client): void {
  const { draft, revisions, deleting } = useHandover.getState();
  const shorter = text.length < draft.length;
  useHandover.setState({ draft: text, revisions: revisions + (shorter && !deleting ? 1 : 0), deleting: shorter });
  cancelDraftSave();
  draftTimer = window.setTimeout(() => void saveDraftNow(api), draftDelayMs);
}

/** A new detail from the core; a new question on screen restarts the typing clock and the revision count. */
function accept(detail: InterviewDetail): void {
  const before = useHandover.getState().detail;
  const newQuestion = before === null || before.turns.at(-1)?.seq !== detail.turns.at(-1)?.seq;
  useHandover.setState({ detail, ...(newQuestion ? { shownAt: Date.now(), revisions: 0, deleting: false } : {}) });
}

async function startOrResume(id: string, api: Client): Promise<void> {
  useHandover.setState({ busy: 'start', error: null });
  try {
    const detail = await api.call('interviews.start', { id });
    accept(detail);
    // Shown again after a pause: the time away is not typing time.
    useHandover.setState({ shownAt: Date.now() });
    // The unsent answer comes back into the box, so nothing typed before a pause or a crash is lost.
    if (useHandover.getState().draft === '') useHandover.setState({ draft: detail.draft });
  } catch (error) {
    useHandover.setState({ error: employeeMessage(error, 'Opening the conversation') });
  } finally {
    useHandover.setState({ busy: null });
  }
}

/** Remembered for the tab, so a reload lands back in the conversation, never in the analyst's data. */
const handedOverKey = 'tw.interviews.handedOver';

export function openHandover(id: string, api: Client = client): Promise<void> {
  cancelDraftSave();
  window.sessionStorage.setItem(handedOverKey, id);
  useHandover.setState({ ...initial, id });
  return startOrResume(id, api);
}

/** After a reload in the middle of a hand-over, the employee is put back where they were. */
export function reopenHandover(api: Client = client): void {
  const id = window.sessionStorage.getItem(handedOverKey);
  if (id !== null && useHandover.getState().id === null) void openHandover(id, api);
}

export function resumeHandover(api: Client = client): Promise<void> {
  const { id } = useHandover.getState();
  return id === null ? Promise.resolve() : startOrResume(id, api);
}

/** Sends the answer in the box; while the next question is written the box waits, and on failure the text goes back in. */
export async function sendAnswer(api: Client = client): Promise<boolean> {
  const { id, draft, revisions, shownAt, sending, detail } = useHandover.getState();
  const text = draft.trim();
  if (id === null || sending !== null || text === '' || phaseOf(detail) !== 'talking') return false;
  cancelDraftSave();
  useHandover.setState({ sending: text, draft: '', streamed: '', error: null });
  try {
    const typingMs = Math.max(0, Math.round(Date.now() - shownAt));
    accept(await api.call('interviews.answer', { id, text, typingMs, revisions }));
    useHandover.setState({ sending: null, streamed: '' });
    return true;
  } catch (error) {
    useHandover.setState((state) => ({ sending: null, streamed: '', draft: state.draft === '' ? draft : state.draft, error: employeeMessage(error, 'Sending your answer') }));
    await saveDraftNow(api);
    // Paused or ended elsewhere (the analyst's window, the CLI): show the screen that matches.
    const fresh = await api.call('interviews.get', { id }).catch(() => null);
    if (fresh !== null && fresh.status !== detail?.status) accept(fresh);
    return false;
  }
}

/** A piece of the next question as the model writes it; `reset` means start that question again. */
export function receiveToken(event: { interviewId: string; token: string; reset: boolean }): void {
  const { id, sending } = useHandover.getState();
  if (event.interviewId !== id || sending === null) return;
  useHandover.setState((state) => ({ streamed: event.reset ? '' : state.streamed + event.token }));
}

export async function pauseHandover(api: Client = client): Promise<void> {
  const { id } = useHandover.getState();
  if (id === null) return;
  useHandover.setState({ busy: 'pause', error: null });
  try {
    await saveDraftNow(api);
    accept(await api.call('interviews.pause', { id }));
  } catch (error) {
    useHandover.setState({ error: employeeMessage(error, 'Pausing') });
  } finally {
    useHandover.setState({ busy: null });
  }
}

export async function endHandover(api: Client = client): Promise<void> {
  const { id } = useHandover.getState();
  if (id === null) return;
  cancelDraftSave();
  useHandover.setState({ busy: 'end', error: null });
  try {
    accept(await api.call('interviews.end', { id }));
  } catch (error) {
    useHandover.setState({ error: employeeMessage(error, 'Ending the interview') });
  } finally {
    useHandover.setState({ busy: null });
  }
}

/** The analyst has the workstation again: close the view and show what was said. */
export async function handBack(api: Client = client): Promise<void> {
  const { id } = useHandover.getState();
  await saveDraftNow(api);
  window.sessionStorage.removeItem(handedOverKey);
  useHandover.setState({ ...initial });
  if (id !== null) await showInterview(id, api);
  document.getElementById('interview-detail-title')?.focus();
}
