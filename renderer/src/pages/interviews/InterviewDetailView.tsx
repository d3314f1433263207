import type { InterviewDetail } from '../../../../main/interviews/schema';
import { formatTime } from '../../lib/format';
import { AnalysisPanel } from './AnalysisPanel';
import { answersText, isFinished, nameOf, tenureText } from './format';
import { InterviewActions } from './InterviewActions';
import { StatusBadge } from './StatusBadge';
import { useInterviews } from './store';
import { Transcript } from './Transcript';

function Facts({ detail }: { detail: InterviewDetail }) {
  const { setup } = detail;
  const facts: [string, string | null][] = [
    ['Employee id', setup.anonymous ? 'Not stored (anonymous)' : setup.employeeRef],
    ['Department', setup.department],
    ['Role', setup.role],
    ['Tenure', tenureText(setup.tenureMonths)],
    ['Manager', setup.manager],
    ['Departure', setup.voluntary ? 'Voluntary' : 'Involuntary'],
    ['Leaving date', setup.leavingDate],
    ['Answers', answersText(detail.answers)],
    ['Set up', formatTime(detail.createdAt)],
    ['Started', detail.startedAt === null ? null : formatTime(detail.startedAt)],
    ['Ended', detail.endedAt === null ? null : formatTime(detail.endedAt)],
    ['Guide', `version ${detail.guideVersion}`],
  ];
  return (
    <dl className="facts interview-facts" data-testid="interview-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className={value === null ? 'muted' : undefined}>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The selected interview: its facts and actions, the analysis, and the transcript. */
export function InterviewDetailView() {
  const detail = useInterviews((state) => (state.detail?.id === state.selectedId ? state.detail : null));
  const selectedId = useInterviews((state) => state.selectedId);
  const detailError = useInterviews((state) => state.detailError);
  if (selectedId === null) {
    return (
      <section className="card">
        <p className="muted">Pick an interview from the list, or set up a new one.</p>
      </section>
    );
  }
  if (detail === null) {
    return <section className="card">{detailError === null ? <p className="muted">Reading the interview…</p> : <p className="inline-error" role="alert">The interview could not be read: {detailError}</p>}</section>;
  }
  const { progress } = detail;
  const covered = new Set(detail.turns.flatMap((turn) => (turn.role === 'interviewer' && turn.area !== null ? [turn.area] : []))).size;
  const progressText = isFinished(detail.status)
    ? `${covered} of ${progress.areas} topics of the guide covered.`
    : `Topic ${progress.areaIndex} of ${progress.areas}${detail.model !== null ? ` · follow-ups by ${detail.model} when it is running, otherwise from the guide` : ''}.`;
  return (
    <div className="interview-detail" data-testid="interview-detail" data-id={detail.id} data-status={detail.status} data-answers={detail.answers}>
      <section className="card" aria-labelledby="interview-detail-title">
        <div className="card__head">
          <h2 id="interview-detail-title" className="card__title interview-detail__title" tabIndex={-1}>
            {nameOf(detail)}
          </h2>
          <StatusBadge status={detail.status} />
        </div>
        {detail.status !== 'ready' && progress.areas > 0 && (
          <p className="footnote" data-testid="interview-progress">
            {progressText}
          </p>
        )}
        <Facts detail={detail} />
        <InterviewActions detail={detail} />
      </section>
      <AnalysisPanel detail={detail} />
      <Transcript detail={detail} />
    </div>
  );
}
