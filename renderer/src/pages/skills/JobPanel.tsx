import { ProgressBar } from '../models/ProgressBar';
import { cancelJob, useAssess } from './assess-store';
import { showSkillsView } from './store';

const statusWords = { running: 'Assessing…', completed: 'Done', cancelled: 'Cancelled', failed: 'Failed', interrupted: 'Interrupted (the app stopped)' } as const;

function etaText(seconds: number | null): string {
  if (seconds === null) return 'time left not known yet';
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** A job of several people: progress, rate, time left and Cancel, from skills.progress. */
export function JobPanel() {
  const job = useAssess((state) => state.job);
  if (job === null) return null;
  const share = job.total === 0 ? null : job.done / job.total;
  const running = job.status === 'running';
  return (
    <section className="card skills-job" aria-labelledby="skills-job-title" data-testid="skills-job" data-status={job.status} data-done={job.done} data-total={job.total}>
      <div className="card__head">
        <h3 id="skills-job-title" className="card__title">
          {statusWords[job.status]}
        </h3>
        {running ? (
          <button type="button" className="button button--small" onClick={() => void cancelJob()} data-testid="skills-job-cancel">
            Cancel
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={() => showSkillsView('people')}>
            See the people
          </button>
        )}
      </div>
      <ProgressBar share={share} label="People assessed" valueText={`${job.done} of ${job.total}`} />
      <p className="skills-job__facts" aria-live="polite">
        <span data-testid="skills-job-count">
          {job.done} of {job.total} people
        </span>
        {job.failed > 0 && <span className="error-text">{job.failed} failed</span>}
        {running && <span>{job.perSecond.toFixed(1)} per second</span>}
        {running && <span>{etaText(job.etaSeconds)}</span>}
      </p>
      {job.lastError !== null && <p className="inline-error">Last problem: {job.lastError}</p>}
    </section>
  );
}
