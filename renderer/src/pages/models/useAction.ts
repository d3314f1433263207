import { useCallback, useRef, useState } from 'react';
import { messageOf } from '../../lib/errors';

export interface Action<K extends string> {
  /** Which action is running, or null. */
  running: K | null;
  /** The last failure, in the core's words; cleared when another action starts. */
  error: string | null;
  /** Runs `work` unless an action is already running; resolves true when it succeeded. */
  run: (kind: K, work: () => Promise<void>) => Promise<boolean>;
  /** Forgets the last failure (the analyst changed what it was about). */
  clearError: () => void;
}

/** One call at a time for a control group (a row, a form): its busy state and its error. */
export function useAction<K extends string = 'default'>(): Action<K> {
  const [running, setRunning] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The state updates a render later; the ref stops a double click starting a second call.
  const busy = useRef(false);
  const run = useCallback(async (kind: K, work: () => Promise<void>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setRunning(kind);
    setError(null);
    try {
      await work();
      return true;
    } catch (error) {
      setError(messageOf(error));
      return false;
    } finally {
      busy.current = false;
      setRunning(null);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { running, error, run, clearError };
}
