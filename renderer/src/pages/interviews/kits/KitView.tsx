import type { KitDetail } from '../../../../../main/interviews/kits/schema';
import { formatTime } from '../../../lib/format';
import { countsText, dayText, phaseOf } from './format';
import { GapList } from './GapList';
import { askInterviewer, useInterviewer } from './interviewer';
import { KitActions } from './KitActions';
import { KitStatusBadge } from './KitBadges';
import { KitProgressPanel } from './KitProgressPanel';
import { QuestionCard } from './QuestionCard';
import { useKits } from './store';

const documentText = (document: KitDetail['cv']): string => (document.kind === 'text' ? 'Pasted text' : document.name);

function Facts({ detail }: { detail: KitDetail }) {
  const facts: [string, string][] = [
    ['CV', documentText(detail.cv)],
    ['Job description', documentText(detail.jd)],
    ['Language', detail.language],
    ['Contents', countsText(detail)],
    ['Made', formatTime(detail.createdAt)],
    ['Kept until', dayText(detail.expiresAt)],
  ];
  return (
    <dl className="facts interview-facts" data-testid="kit-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Interviewer() {
  const name = useInterviewer((state) => state.name);
  return (
    <p className="footnote kit-interviewer" data-testid="kit-interviewer">
      {name === null ? 'Your name is asked before your first rating or note.' : `Rating and taking notes as ${name}.`}{' '}
      {name !== null && (
        <button type="button" className="link-button" onClick={() => void askInterviewer()}>
          Change name
        </button>
      )}
    </p>
  );
}

/** The selected kit: its facts, progress and files; the gaps; then a card per question. */
export function KitView() {
  const detail = useKits((state) => (state.detail?.id === state.selectedId ? state.detail : null));
  const selectedId = useKits((state) => state.selectedId);
  const detailError = useKits((state) => state.detailError);
  if (selectedId === null) {
    return (
      <section className="card">
        <p className="muted">Pick a kit from the list, or make a new one from a CV and a job description.</p>
      </section>
    );
  }
  if (detail === null) {
    return <section className="card">{detailError === null ? <p className="muted">Reading the kit…</p> : <p className="inline-error" role="alert">The kit could not be read: {detailError}</p>}</section>;
  }
  const phase = phaseOf(detail);
  return (
    <div className="interview-detail" data-testid="kit-view" data-id={detail.id} data-status={detail.status} data-phase={phase}>
      <section className="card" aria-labelledby="kit-title">
        <div className="card__head">
          <h2 id="kit-title" className="card__title interview-detail__title" tabIndex={-1}>
            {detail.title}
          </h2>
          <KitStatusBadge kit={detail} />
        </div>
        <Facts detail={detail} />
        <KitProgressPanel detail={detail} />
        <KitActions detail={detail} />
      </section>
      <GapList detail={detail} />
      {detail.questions.length > 0 && (
        <section className="kit-questions" aria-labelledby="kit-questions-title" data-testid="kit-questions">
          <div className="kit-questions__head">
            <h2 id="kit-questions-title" className="card__title">
              Questions<span className="kit-count"> · {detail.questions.length}</span>
            </h2>
            <Interviewer />
          </div>
          <ol className="kit-questions__list">
            {detail.questions.map((question) => (
              <li key={question.seq}>
                <QuestionCard kitId={detail.id} question={question} canRewrite={phase === 'ready'} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
