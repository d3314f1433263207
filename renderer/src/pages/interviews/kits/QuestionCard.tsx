import type { KitQuestion } from '../../../../../main/interviews/kits/schema';
import { useAction } from '../../models/useAction';
import { regenerateQuestion } from './actions';
import { madeByText, scoreText, starSteps } from './format';
import { PriorityBadge } from './KitBadges';
import { NotesBox } from './NotesBox';
import { QuestionHistory } from './QuestionHistory';
import { RatingScale } from './RatingScale';
import { useKits } from './store';

interface QuestionCardProps {
  kitId: string;
  question: KitQuestion;
  /** The kit is ready and idle: a question may be written again. */
  canRewrite: boolean;
}

function MadeBy({ question }: { question: KitQuestion }) {
  const threshold = useKits((state) => state.config?.threshold ?? null);
  const { quality } = question;
  return (
    <p className="kit-question__made" data-testid="kit-made-by">
      {madeByText(question)}
      {quality !== null && (
        <>
          {' · '}
          <span data-testid="kit-quality" data-score={quality.score}>
            quality {scoreText(quality.score)}
            {threshold !== null && ` (threshold ${scoreText(threshold)})`}
          </span>
        </>
      )}
    </p>
  );
}

/** One question as the interviewer uses it: ask, probe, rate against the anchors, take notes. */
export function QuestionCard({ kitId, question, canRewrite }: QuestionCardProps) {
  const rewrite = useAction<'rewrite'>();
  const { content } = question;
  const titleId = `kit-${kitId}-q${question.seq}-title`;
  return (
    <article className="card kit-question" aria-labelledby={titleId} data-testid="kit-question" data-seq={question.seq} data-status={question.status} data-source={question.source ?? ''} data-rating={question.rating ?? ''}>
      <div className="kit-question__head">
        <h3 id={titleId} className="kit-question__skill">
          {question.seq}. {question.skill}
        </h3>
        <PriorityBadge priority={question.priority} />
        {question.source !== null && <span className="tag" data-testid="kit-source">{question.source === 'bank' ? 'question bank' : 'local model'}</span>}
      </div>
      {content === null || question.status !== 'done' ? (
        <p className="muted" data-testid="kit-question-waiting">
          {question.status === 'generating' ? 'Being written…' : content === null ? 'Waiting to be written.' : 'Waiting to be written again.'}
        </p>
      ) : null}
      {content !== null && (
        <>
          <p className="kit-question__text" data-testid="kit-question-text">
            {content.question}
          </p>
          {question.notice !== null && <p className="notice notice--warn kit-question__notice">{question.notice}</p>}
          <div className="kit-question__guide">
            <div>
              <h4 className="kit-section-title">Follow-up probes (STAR)</h4>
              <dl className="kit-probes">
                {starSteps.map(([key, label]) => (
                  <div key={key}>
                    <dt>{label}</dt>
                    <dd>{content.probes[key]}</dd>
                  </div>
                ))}
              </dl>
            </div>
            <div>
              <h4 className="kit-section-title">Signs of a strong answer</h4>
              <ul className="kit-signs">
                {content.strongSigns.map((sign) => (
                  <li key={sign}>{sign}</li>
                ))}
              </ul>
            </div>
          </div>
          {question.status === 'done' && <RatingScale kitId={kitId} question={question} anchors={content.rubric} />}
        </>
      )}
      <NotesBox kitId={kitId} question={question} />
      {content !== null && (
        <footer className="kit-question__footer">
          <MadeBy question={question} />
          <QuestionHistory question={question} />
          {canRewrite && question.rating === null && question.status === 'done' && (
            <div className="kit-question__rewrite">
              <button type="button" className="button button--small" data-testid="kit-rewrite" disabled={rewrite.running !== null} onClick={() => void rewrite.run('rewrite', () => regenerateQuestion(kitId, question.seq))}>
                {rewrite.running !== null ? 'Writing again…' : 'Write again'}
              </button>
              {rewrite.error !== null && (
                <span className="inline-error" role="alert">
                  {rewrite.error}
                </span>
              )}
            </div>
          )}
        </footer>
      )}
    </article>
  );
}
