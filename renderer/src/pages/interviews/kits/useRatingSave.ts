import { useRef, useState } from 'react';
import { messageOf } from '../../../lib/errors';
import { rateQuestion } from './actions';
import { interviewerName } from './interviewer';

export interface RatingSave {
  /** What the radios show: the value being saved, else the saved one. */
  shown: number | null;
  saving: boolean;
  error: string | null;
  choose: (rating: number | null) => void;
}

/**
 * The interviewer's rating, saved the moment it is chosen. Arrow keys move through a radio group
 * choosing as they go: only the last choice is sure to be saved, and saved last.
 */
export function useRatingSave(kitId: string, seq: number, saved: number | null): RatingSave {
  const [wanted, setWanted] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<number | null | undefined>(undefined);
  const running = useRef(false);

  const flush = async (): Promise<void> => {
    if (running.current) return;
    running.current = true;
    try {
      while (latest.current !== undefined) {
        const rating = latest.current;
        const by = await interviewerName();
        if (by === null) {
          setError('Not saved: say who you are to rate.');
          break;
        }
        try {
          await rateQuestion(kitId, seq, { rating }, by);
          if (latest.current === rating) latest.current = undefined;
        } catch (caught) {
          setError(messageOf(caught));
          break;
        }
      }
    } finally {
      latest.current = undefined;
      running.current = false;
      setWanted(undefined);
    }
  };

  const choose = (rating: number | null): void => {
    latest.current = rating;
    setWanted(rating);
    setError(null);
    void flush();
  };

  return { shown: wanted !== undefined ? wanted : saved, saving: wanted !== undefined, error, choose };
}
