import { useEffect, useRef } from 'react';
import type { InterviewDetail } from '../../../../main/interviews/schema';
import { handBack, resumeHandover, useHandover } from './handover';

/** Moves the focus to a screen's first button when it appears, so a keyboard user is never left on nothing. */
function useFocusOnShow<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

function HandBackButton({ primary = false }: { primary?: boolean }) {
  const ref = useFocusOnShow<HTMLButtonElement>();
  return (
    <button ref={primary ? ref : undefined} type="button" className={`button handover__button${primary ? ' button--primary' : ''}`} data-testid="handover-hand-back" onClick={() => void handBack()}>
      Hand back to the analyst
    </button>
  );
}

function ErrorLine() {
  const error = useHandover((state) => state.error);
  if (error === null) return null;
  return (
    <p className="handover__error" role="alert" data-testid="handover-error">
      {error}
    </p>
  );
}

/** Before the first question: a moment's wait, or, when opening failed, a way to try again or give the workstation back. */
export function HandoverStarting() {
  const busy = useHandover((state) => state.busy);
  const error = useHandover((state) => state.error);
  return (
    <section className="handover__screen" data-testid="handover-starting">
      {error === null ? (
        <p className="handover__lead" role="status">
          {busy === 'start' ? 'Getting the first question ready…' : 'One moment…'}
        </p>
      ) : (
        <>
          <ErrorLine />
          <div className="button-row handover__buttons">
            <button type="button" className="button button--primary handover__button" onClick={() => void resumeHandover()}>
              Try again
            </button>
            <HandBackButton />
          </div>
        </>
      )}
    </section>
  );
}

export function HandoverPaused() {
  const busy = useHandover((state) => state.busy);
  const resume = useFocusOnShow<HTMLButtonElement>();
  return (
    <section className="handover__screen" aria-labelledby="handover-paused-title" data-testid="handover-paused">
      <h3 id="handover-paused-title" className="handover__headline">
        Paused — your answers are saved
      </h3>
      <p className="handover__lead">Take the time you need. You can carry on exactly where you stopped, or hand the workstation back.</p>
      <div className="button-row handover__buttons">
        <button ref={resume} type="button" className="button button--primary handover__button" data-testid="handover-resume" disabled={busy !== null} onClick={() => void resumeHandover()}>
          {busy === 'start' ? 'Resuming…' : 'Resume'}
        </button>
        <HandBackButton />
      </div>
      <ErrorLine />
    </section>
  );
}

/** The closing words, then the workstation goes back to the analyst. */
export function HandoverFinished({ detail }: { detail: InterviewDetail }) {
  const closing = [...detail.turns].reverse().find((turn) => turn.kind === 'closing');
  return (
    <section className="handover__screen" aria-labelledby="handover-finished-title" data-testid="handover-finished">
      <h3 id="handover-finished-title" className="handover__headline">
        Thank you
      </h3>
      {closing !== undefined && (
        <p className="handover__closing" data-testid="handover-closing">
          {closing.text}
        </p>
      )}
      <p className="handover__lead">Please hand the workstation back to the person who set up this conversation.</p>
      <div className="button-row handover__buttons">
        <HandBackButton primary />
      </div>
      <ErrorLine />
    </section>
  );
}
