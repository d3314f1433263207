import type { KitDetail } from '../../../../../main/interviews/kits/schema';
import { useAction } from '../../models/useAction';
import { ProgressBar } from '../../models/ProgressBar';
import { useNow } from '../../models/useNow';
import { cancelKit, resumeKit } from './actions';
import { etaText, phaseOf } from './format';
import { etaSeconds, runOfDetail } from './progress';
import { useKits } from './store';

/**
 * Where the kit's generation is: finding the gaps, questions written of all with the time left at
 * the rate so far (and Cancel), or why it stopped (and Resume). Nothing once the kit is ready.
 */
export function KitProgressPanel({ detail }: { detail: KitDetail }) {
  const phase = phaseOf(detail);
  const working = phase === 'gaps' || phase === 'questions';
  const watched = useKits((state) => state.runs[detail.id]);
  const now = useNow(1000, working);
  const action = useAction<'cancel' | 'resume'>();
  if (phase === 'ready') return null;

  // The events are fresher than the kit (read again at most a few times a second) while they agree it is running.
  const run = watched !== undefined && (watched.stage === 'gaps' || watched.stage === 'questions') ? watched : runOfDetail(detail, now);
  const done = working ? run.done : detail.questionsDone;
  const total = working ? run.total : detail.gaps;
  const left = detail.gaps - detail.questionsDone;
  const busy = action.running !== null;

  let text: string;
  if (phase === 'gaps' || run.stage === 'gaps') text = 'Finding the gaps between the CV and the job description…';
  else if (phase === 'questions') text = `${done} of ${total} questions written · ${etaText(etaSeconds(run, now))}`;
  else if (phase === 'cancelled') text = `Stopped with ${detail.questionsDone} of ${detail.gaps} questions written. They are kept; Resume writes the ${left === 1 ? 'one' : left} left.`;
  else text = `${detail.error ?? 'The generation was cut off (the app was closed or restarted).'} Resume writes the questions not yet done.`;

  return (
    <div className="kit-progress" data-testid="kit-progress" data-stage={phase} data-done={done} data-total={total}>
      {working && (
        <ProgressBar share={phase === 'gaps' || run.stage === 'gaps' ? null : total === 0 ? 0 : done / total} label="Generation of the kit" valueText={text} />
      )}
      <div className="kit-progress__row">
        <p className="kit-progress__text" role="status" data-testid="kit-progress-text">
          {text}
        </p>
        {working ? (
          <button type="button" className="button button--small" data-testid="kit-cancel" disabled={busy} onClick={() => void action.run('cancel', () => cancelKit(detail.id))}>
            {action.running === 'cancel' ? 'Stopping…' : 'Cancel'}
          </button>
        ) : (
          <button type="button" className="button button--small button--primary" data-testid="kit-resume" disabled={busy} onClick={() => void action.run('resume', () => resumeKit(detail.id))}>
            {action.running === 'resume' ? 'Resuming…' : 'Resume'}
          </button>
        )}
      </div>
      {action.error !== null && (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      )}
    </div>
  );
}
