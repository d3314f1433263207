import type { PullProgress } from '../../../../main/engine/models/schema';
import { formatBytes, formatPercent } from '../../lib/format';
import { formatEta, formatRate } from './describe';
import { ProgressBar } from './ProgressBar';
import { shareDone } from './pulls';
import { cancelPull, pullModel } from './store';
import { useAction } from './useAction';

const stateLabels: Record<PullProgress['state'], string> = {
  running: 'Pulling',
  done: 'Installed',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

const toneOf: Record<PullProgress['state'], string> = {
  running: 'idle',
  done: 'good',
  cancelled: 'idle',
  failed: 'bad',
};

/** "0.9 GiB of 1.9 GiB", or just what is known so far. */
function amount(pull: PullProgress): string {
  if (pull.totalBytes <= 0) return pull.completedBytes > 0 ? formatBytes(pull.completedBytes) : 'Size not known yet';
  if (pull.state === 'done') return formatBytes(pull.totalBytes);
  return `${formatBytes(pull.completedBytes)} of ${formatBytes(pull.totalBytes)}`;
}

/** What the line under the bar says, part by part. */
function details(pull: PullProgress, share: number | null): string[] {
  if (pull.state === 'failed' && pull.totalBytes <= 0) return [];
  const parts = [amount(pull)];
  if (pull.state === 'done') return parts;
  if (share !== null) parts.push(formatPercent(share));
  if (pull.state !== 'running') return parts;
  if (pull.bytesPerSecond > 0) parts.push(formatRate(pull.bytesPerSecond));
  if (pull.etaSeconds !== null) parts.push(formatEta(pull.etaSeconds));
  return parts;
}

/** One pull: its bar, bytes, rate and time left, and Cancel, or Resume/Retry once it stopped. */
export function PullItem({ pull }: { pull: PullProgress }) {
  const action = useAction<'cancel' | 'resume'>();
  const share = shareDone(pull);
  const parts = details(pull, share);
  const stopped = pull.state === 'cancelled' || pull.state === 'failed';
  // A pull that stopped before anything was known (a name not in the library) has no bar to show.
  const showBar = pull.state === 'running' || (stopped && pull.totalBytes > 0);
  return (
    <li className="pull-item" data-testid="pull-item" data-model={pull.model} data-state={pull.state} data-completed-bytes={pull.completedBytes} data-total-bytes={pull.totalBytes}>
      <div className="pull-item__head">
        <span className="pull-item__name mono">{pull.model}</span>
        {/* Polite: the state changes rarely (pulling → installed), the bar many times a second. */}
        <span className="pull-item__state" data-tone={toneOf[pull.state]} aria-live="polite">
          {stateLabels[pull.state]}
        </span>
        <span className="pull-item__actions">
          {pull.state === 'running' && (
            <button type="button" className="button button--small" aria-label={`Cancel the pull of ${pull.model}`} disabled={action.running !== null} onClick={() => void action.run('cancel', () => cancelPull(pull.model))}>
              {action.running === 'cancel' ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
          {stopped && (
            <button
              type="button"
              className="button button--small"
              aria-label={`${pull.state === 'cancelled' ? 'Resume' : 'Retry'} the pull of ${pull.model}`}
              disabled={action.running !== null}
              onClick={() => void action.run('resume', () => pullModel(pull.model))}
            >
              {action.running === 'resume' ? 'Starting…' : pull.state === 'cancelled' ? 'Resume' : 'Retry'}
            </button>
          )}
        </span>
      </div>
      {showBar && <ProgressBar share={share} label={`Pull of ${pull.model}`} valueText={`${stateLabels[pull.state]}: ${parts.join(', ')}`} />}
      {parts.length > 0 && (
        <p className="pull-item__details">
          <span className="pull-item__numbers">{parts.join(' · ')}</span>
          {pull.state === 'running' && <span className="pull-item__status">{pull.status}</span>}
          {pull.state === 'cancelled' && <span className="pull-item__status">What was downloaded is kept: Resume picks up from there.</span>}
        </p>
      )}
      {pull.state === 'failed' && pull.error !== null && <p className="inline-error">{pull.error}</p>}
      {action.error !== null && (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      )}
    </li>
  );
}
