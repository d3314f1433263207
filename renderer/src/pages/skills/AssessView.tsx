import { useEffect } from 'react';
import { SegmentedControl } from '../../components/SegmentedControl';
import { formatTime } from '../../lib/format';
import { nameOf } from '../interviews/format';
import { assess, loadFinishedInterviews, toggleInterview, useAssess, type ReasoningMode } from './assess-store';
import { JobPanel } from './JobPanel';
import { TranscriptBox } from './TranscriptBox';

const reasoningOptions: readonly { value: ReasoningMode; label: string; title: string }[] = [
  { value: 'auto', label: 'Local model', title: 'The local model writes the reasoning when it is there; the template otherwise' },
  { value: 'template', label: 'Template', title: 'Written from a fixed template, without the model' },
];

function InterviewPicker() {
  const interviews = useAssess((state) => state.interviews);
  const error = useAssess((state) => state.interviewsError);
  const chosen = useAssess((state) => state.chosen);
  let content;
  if (interviews === null) content = error === null ? <p className="muted">Reading the interviews…</p> : <p className="inline-error">The interviews could not be read: {error}</p>;
  else if (interviews.length === 0) content = <p className="muted">No finished exit interview with answers yet.</p>;
  else
    content = (
      <ul className="skills-picker" aria-label="Finished exit interviews">
        {interviews.map((interview) => (
          <li key={interview.id}>
            <label className="checkbox skills-picker__item" data-testid="skills-pick-interview" data-id={interview.id}>
              <input type="checkbox" checked={chosen.includes(interview.id)} onChange={() => toggleInterview(interview.id)} />
              <span>
                <strong>{nameOf(interview)}</strong>
                <span className="muted">
                  {' '}
                  · {interview.setup.employeeRef ?? 'no id'} · {interview.answers} answers · {formatTime(interview.endedAt ?? interview.createdAt)}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    );
  return (
    <section className="card" aria-labelledby="skills-pick-title">
      <h3 id="skills-pick-title" className="card__title">
        Finished exit interviews
      </h3>
      {content}
    </section>
  );
}

/** Choose what to read, then infer: one source at once, several as a job with progress. */
export function AssessView() {
  const reasoning = useAssess((state) => state.reasoning);
  const busy = useAssess((state) => state.busy);
  const error = useAssess((state) => state.error);
  const chosen = useAssess((state) => state.chosen.length);
  const pasted = useAssess((state) => state.transcriptText.trim() !== '');
  const count = chosen + (pasted ? 1 : 0);
  useEffect(() => void loadFinishedInterviews(), []);
  return (
    <div className="skills-assess" data-testid="skills-assess">
      <InterviewPicker />
      <TranscriptBox />
      <div className="skills-assess__bar">
        <SegmentedControl label="Reasoning" options={reasoningOptions} value={reasoning} onChange={(value) => useAssess.setState({ reasoning: value })} testId="skills-reasoning" />
        <button type="button" className="button button--primary" disabled={busy || count === 0} onClick={() => void assess()} data-testid="skills-infer">
          {busy ? 'Assessing…' : count > 1 ? `Assess ${count} as a job` : 'Assess'}
        </button>
      </div>
      {error !== null && (error.field === null || !error.field.startsWith('transcript')) && (
        <p className="inline-error" role="alert" data-testid="skills-assess-error">
          {error.field !== null && <span className="mono">{error.field}: </span>}
          {error.message}
        </p>
      )}
      <JobPanel />
    </div>
  );
}
