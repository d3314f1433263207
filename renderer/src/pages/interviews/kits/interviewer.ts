import { create } from 'zustand';
import { storageKeys } from './format';

/**
 * Who is rating: asked once, kept in this browser's storage, and sent as `by` with every rating
 * and note. A rating asked for before a name is known waits for the dialog's answer.
 */

function stored(): string | null {
  try {
    const name = window.localStorage.getItem(storageKeys.interviewer)?.trim() ?? '';
    return name === '' ? null : name;
  } catch {
    // Storage can be off (a locked-down profile): the name is then asked once per page load.
    return null;
  }
}

interface InterviewerState {
  name: string | null;
  /** Set while the dialog is open: settles the caller's wait with the name, or null when dismissed. */
  asking: ((name: string | null) => void) | null;
}

export const useInterviewer = create<InterviewerState>(() => ({ name: stored(), asking: null }));

export function setInterviewer(name: string): void {
  const trimmed = name.trim();
  try {
    window.localStorage.setItem(storageKeys.interviewer, trimmed);
  } catch {
    // Kept for this page load only.
  }
  useInterviewer.setState({ name: trimmed });
}

/** Opens the dialog (again, to change the name) and resolves with what it answered. */
export function askInterviewer(): Promise<string | null> {
  const waiting = useInterviewer.getState().asking;
  return new Promise((resolve) => {
    useInterviewer.setState({
      asking: (name) => {
        waiting?.(name);
        resolve(name);
      },
    });
  });
}

/** The name, asking for it first when none is known yet. */
export async function interviewerName(): Promise<string | null> {
  return useInterviewer.getState().name ?? askInterviewer();
}

/** The dialog's answer: remembered when given, and handed to everyone waiting. */
export function answerInterviewer(name: string | null): void {
  const { asking } = useInterviewer.getState();
  if (name !== null && name.trim() !== '') setInterviewer(name);
  useInterviewer.setState({ asking: null });
  asking?.(name === null || name.trim() === '' ? null : name.trim());
}
