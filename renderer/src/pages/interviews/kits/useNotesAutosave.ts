import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../../lib/errors';
import { rateQuestion } from './actions';
import { interviewerName } from './interviewer';

/** Typing, waiting for the pause, saving, saved, or not saved (and why). */
export type NotesState = 'idle' | 'typing' | 'saving' | 'saved' | 'failed';

const pauseMs = 1000;

export interface NotesAutosave {
  text: string;
  state: NotesState;
  error: string | null;
  change: (text: string) => void;
  /** Saves now what is waiting (on leaving the box). */
  flush: () => void;
}

/**
 * The interviewer's notes on one question, saved once they pause typing (and when they leave the
 * box or the kit), never overwritten by a re-read of the kit while unsaved words are in the box.
 */
export function useNotesAutosave(kitId: string, seq: number, saved: string): NotesAutosave {
  const [text, setText] = useState(saved);
  const [state, setState] = useState<NotesState>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(saved);
  const dirty = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (dirty.current) return;
    latest.current = saved;
    setText(saved);
  }, [saved]);

  const save = async (): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    if (!dirty.current) return;
    const notes = latest.current;
    const by = await interviewerName();
    if (by === null) {
      setState('failed');
      setError('Not saved yet: say who you are, then type on to save.');
      return;
    }
    setState('saving');
    try {
      await rateQuestion(kitId, seq, { notes }, by);
      if (latest.current !== notes) return;
      dirty.current = false;
      setState('saved');
      setError(null);
    } catch (caught) {
      setState('failed');
      setError(`Not saved: ${messageOf(caught)}`);
    }
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  // Leaving the kit (another kit, another tab) still saves what was typed last.
  useEffect(() => () => void saveRef.current(), []);

  const change = (value: string): void => {
    latest.current = value;
    dirty.current = true;
    setText(value);
    setState('typing');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveRef.current(), pauseMs);
  };

  return { text, state, error, change, flush: () => void saveRef.current() };
}
