import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNavigation } from '../../state/navigation';
import { HandoverConversation } from './HandoverConversation';
import { HandoverFinished, HandoverPaused, HandoverStarting } from './HandoverScreens';
import { endHandover, pauseHandover, phaseOf, useHandover } from './handover';

/**
 * While the employee has the workstation the rest of the app is inert and its shortcuts do
 * nothing, so no key (Escape, Ctrl+1…8, Alt+Left) can lead them into the analyst's data.
 */
function useLockedApp(): void {
  useEffect(() => {
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    // Back and forward change the route, not this view: the page is put back at once.
    const stayOnPage = useNavigation.subscribe((state) => {
      if (state.page !== 'interviews') state.navigate('interviews');
    });
    const blockShortcuts = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.key.length !== 1) return;
      // Editing keys (copy, paste, undo, select all) stay; page and app shortcuts go no further.
      if (/^[acvxyz]$/i.test(event.key)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', blockShortcuts, { capture: true });
    return () => {
      stayOnPage();
      root?.removeAttribute('inert');
      window.removeEventListener('keydown', blockShortcuts, { capture: true });
    };
  }, []);
}

function HandoverOverlay() {
  const detail = useHandover((state) => state.detail);
  const busy = useHandover((state) => state.busy);
  const sending = useHandover((state) => state.sending);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const phase = phaseOf(detail);
  useLockedApp();

  const progress = detail?.progress;
  return (
    <div className="handover" role="dialog" aria-modal="true" aria-labelledby="handover-title" data-testid="handover" data-phase={phase}>
      <header className="handover__bar">
        <h2 id="handover-title" className="handover__title">
          Exit interview
        </h2>
        {phase === 'talking' && progress !== undefined && progress.areaIndex > 0 && (
          <p className="handover__progress" data-testid="handover-progress">
            Topic {progress.areaIndex} of {progress.areas}
          </p>
        )}
        {phase === 'talking' && (
          <div className="handover__actions">
            <button type="button" className="button handover__button" data-testid="handover-pause" disabled={busy !== null || sending !== null} onClick={() => void pauseHandover()}>
              {busy === 'pause' ? 'Pausing…' : 'Pause'}
            </button>
            <button type="button" className="button handover__button" data-testid="handover-end" disabled={busy !== null || sending !== null} onClick={() => setConfirmEnd(true)}>
              {busy === 'end' ? 'Ending…' : 'End'}
            </button>
          </div>
        )}
      </header>
      <div className="handover__body">
        {phase === 'starting' && <HandoverStarting />}
        {phase === 'talking' && detail !== null && <HandoverConversation detail={detail} />}
        {phase === 'paused' && <HandoverPaused />}
        {phase === 'finished' && detail !== null && <HandoverFinished detail={detail} />}
      </div>
      <ConfirmDialog
        open={confirmEnd}
        title="End the interview now?"
        confirmLabel="End the interview"
        cancelLabel="Keep going"
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          // Closed first: while the dialog is open the closing screen cannot take the focus.
          setConfirmEnd(false);
          void endHandover();
        }}
      >
        <p>Everything you have said so far is saved. No more questions will be asked.</p>
      </ConfirmDialog>
    </div>
  );
}

/** The hand-over view, over the whole window, while an interview is handed to the employee. */
export function Handover() {
  const id = useHandover((state) => state.id);
  if (id === null) return null;
  return createPortal(<HandoverOverlay key={id} />, document.body);
}
