import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { maxAnswerChars } from '../../../../main/interviews/contract';
import { editDraft, sendAnswer, useHandover } from './handover';

/**
 * The employee's answer: Enter sends, Shift+Enter starts a new line. It waits while the next
 * question is written, and takes the focus back as soon as it may be typed in again.
 */
export function AnswerBox() {
  const draft = useHandover((state) => state.draft);
  const sending = useHandover((state) => state.sending);
  const error = useHandover((state) => state.error);
  const box = useRef<HTMLTextAreaElement>(null);
  const waiting = sending !== null;

  // A disabled box loses the focus; it gets it back when the next question is on screen, with the
  // caret after any restored draft so the employee carries on rather than typing in front of it.
  useEffect(() => {
    const element = box.current;
    if (waiting || element === null) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, [waiting]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void sendAnswer();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    // Enter while an input method composes a word finishes the word, not the answer.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void sendAnswer();
  };

  return (
    <form className="handover__answer" aria-label="Your answer" noValidate onSubmit={onSubmit}>
      <label className="handover__answer-label" htmlFor="handover-answer">
        Your answer
      </label>
      <textarea
        ref={box}
        id="handover-answer"
        className="input handover__textarea"
        data-testid="handover-answer"
        rows={4}
        maxLength={maxAnswerChars}
        value={draft}
        disabled={waiting}
        aria-describedby="handover-answer-help"
        aria-invalid={error !== null || undefined}
        onChange={(event) => editDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="handover__answer-row">
        <p className="handover__help" id="handover-answer-help">
          Enter sends your answer; Shift+Enter starts a new line. What you type is kept, even if you pause.
        </p>
        <button type="submit" className="button button--primary handover__send" data-testid="handover-send" disabled={waiting || draft.trim() === ''}>
          Send
        </button>
      </div>
      {error !== null && (
        <p className="handover__error" role="alert" data-testid="handover-error">
          {error}
        </p>
      )}
    </form>
  );
}
