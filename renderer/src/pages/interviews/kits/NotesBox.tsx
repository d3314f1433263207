import type { KitQuestion } from '../../../../../main/interviews/kits/schema';
import { formatTime } from '../../../lib/format';
import { useNotesAutosave, type NotesState } from './useNotesAutosave';

function stateText(state: NotesState, notesAt: string | null, error: string | null): string {
  if (state === 'typing') return 'Saved when you pause…';
  if (state === 'saving') return 'Saving…';
  if (state === 'failed') return error ?? 'Not saved.';
  return notesAt === null ? 'Saved as you type.' : `Saved ${formatTime(notesAt)}.`;
}

/** What the candidate said and the interviewer's impressions, saved as they type. */
export function NotesBox({ kitId, question }: { kitId: string; question: KitQuestion }) {
  const notes = useNotesAutosave(kitId, question.seq, question.notes);
  const id = `kit-${kitId}-q${question.seq}-notes`;
  return (
    <div className="kit-notes">
      <label className="kit-section-title" htmlFor={id}>
        Your notes
      </label>
      <textarea
        id={id}
        className="input kit-notes__text"
        data-testid="kit-notes"
        placeholder="What the candidate said: the situation, what they did, the result…"
        maxLength={20_000}
        value={notes.text}
        aria-describedby={`${id}-state`}
        onChange={(event) => notes.change(event.target.value)}
        onBlur={notes.flush}
      />
      <p id={`${id}-state`} className={notes.state === 'failed' ? 'inline-error' : 'footnote'} data-testid="kit-notes-state" data-state={notes.state}>
        {stateText(notes.state, question.notesAt, notes.error)}
      </p>
    </div>
  );
}
