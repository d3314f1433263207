import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import type { BatchSummary } from '../../../../main/batch/schema';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatInteger } from '../../lib/format';
import { useAction } from '../models/useAction';
import { remainingOf } from './format';
import { PriorityOptions } from './PriorityOptions';
import { runBatchAction, setPriority, type BatchAction } from './store';

const busyLabels: Record<BatchAction | 'priority', string> = {
  pause: 'Pausing…',
  resume: 'Resuming…',
  cancel: 'Cancelling…',
  retryFailed: 'Queueing…',
  priority: 'Saving…',
};

/** Pause, resume, cancel (asked first; results so far are kept), retry failed items, and priority. */
export function BatchControls({ batch }: { batch: BatchSummary }) {
  const action = useAction<BatchAction | 'priority'>();
  const [confirming, setConfirming] = useState(false);
  const priorityId = useId();
  const { status, counts } = batch;
  const busy = action.running !== null;
  const run = (kind: BatchAction) => () => void action.run(kind, () => runBatchAction(batch.id, kind));
  const label = (kind: BatchAction, idle: string): string => (action.running === kind ? busyLabels[kind] : idle);
  const canPause = status === 'in_progress';
  const canResume = status === 'paused';
  const canCancel = status === 'validating' || status === 'in_progress' || status === 'paused';
  const canRetry = counts.failed > 0 && ['completed', 'in_progress', 'paused', 'cancelled'].includes(status);
  const canPrioritise = canCancel;
  const remaining = remainingOf(counts);

  // A finished batch with nothing to retry has nothing to control.
  if (!canPause && !canResume && !canCancel && !canRetry && action.error === null) return null;

  const confirmCancel = async (): Promise<void> => {
    await action.run('cancel', () => runBatchAction(batch.id, 'cancel'));
    setConfirming(false);
  };

  return (
    <div className="batch-controls">
      <div className="button-row">
        {canPause && (
          <button type="button" className="button" data-testid="batch-pause" disabled={busy} onClick={run('pause')}>
            {label('pause', 'Pause')}
          </button>
        )}
        {canResume && (
          <button type="button" className="button button--primary" data-testid="batch-resume" disabled={busy} onClick={run('resume')}>
            {label('resume', 'Resume')}
          </button>
        )}
        {canRetry && (
          <button type="button" className="button" data-testid="batch-retry-failed" disabled={busy} onClick={run('retryFailed')}>
            {label('retryFailed', `Retry failed (${formatInteger(counts.failed)})`)}
          </button>
        )}
        {canCancel && (
          <button type="button" className="button button--quiet-danger" data-testid="batch-cancel" disabled={busy} onClick={() => setConfirming(true)}>
            Cancel…
          </button>
        )}
      </div>
      {canPrioritise && (
        <div className="batch-controls__priority">
          <label htmlFor={priorityId} className="split__label">
            Priority
          </label>
          <select
            id={priorityId}
            className="input input--compact"
            value={batch.priority}
            disabled={busy}
            onChange={(event) => {
              const priority = Number(event.target.value);
              void action.run('priority', () => setPriority(batch.id, priority));
            }}
          >
            <PriorityOptions value={batch.priority} />
          </select>
        </div>
      )}
      {action.error !== null && (
        <p className="inline-error batch-controls__error" role="alert">
          {action.error}
        </p>
      )}
      {createPortal(
        <ConfirmDialog
          open={confirming}
          title={`Cancel ${batch.sourceName}?`}
          confirmLabel="Cancel the batch"
          cancelLabel="Keep it running"
          danger
          busy={action.running === 'cancel'}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void confirmCancel()}
        >
          <p>
            The {formatInteger(remaining)} {remaining === 1 ? 'item' : 'items'} not yet evaluated will not run. The results so far ({formatInteger(counts.done)} done
            {counts.failed > 0 ? `, ${formatInteger(counts.failed)} failed` : ''}) are kept, and stay in the table and the exports.
          </p>
        </ConfirmDialog>,
        document.body,
      )}
    </div>
  );
}
