import type { Draft, KitQuestion } from '../../../../../main/interviews/kits/schema';
import { formatTime } from '../../../lib/format';
import { draftKindLabels, scoreText } from './format';

function DraftItem({ draft, inUse }: { draft: Draft; inUse: boolean }) {
  const criteria = draft.quality === null ? [] : Object.entries(draft.quality.criteria);
  return (
    <li className="kit-draft" data-testid="kit-draft" data-kind={draft.kind} data-score={draft.quality?.score ?? ''}>
      <div className="kit-draft__head">
        <span className="kit-draft__title">
          {draft.attempt}. {draftKindLabels[draft.kind]}
        </span>
        <span className="kit-draft__score">{draft.quality === null ? 'not scored' : `score ${scoreText(draft.quality.score)}`}</span>
        {inUse && <span className="tag">in use</span>}
        <span className="kit-draft__meta">
          {[draft.model, `${draft.template.id} v${draft.template.version}`, formatTime(draft.at)].filter(Boolean).join(' · ')}
        </span>
      </div>
      <p className="kit-draft__question">{draft.content.question}</p>
      {draft.quality !== null && (
        <div className="kit-draft__review">
          <p>
            <span className="kit-draft__label">Reviewer’s reasons:</span> {draft.quality.feedback}
          </p>
          <p className="kit-draft__criteria">
            {criteria.map(([criterion, score]) => `${criterion} ${score}/10`).join(' · ')} · by {draft.quality.model} ({draft.quality.template.id} v{draft.quality.template.version})
          </p>
        </div>
      )}
    </li>
  );
}

/** Every version of the question, with its score and the reviewer's reasons: why the one in use won. */
export function QuestionHistory({ question }: { question: KitQuestion }) {
  const count = question.history.length;
  if (count === 0) return null;
  return (
    <details className="kit-history" data-testid="kit-history">
      <summary className="kit-history__summary">
        How it was written: {count} {count === 1 ? 'version' : 'versions'}
      </summary>
      <ol className="kit-history__list">
        {question.history.map((draft) => (
          <DraftItem key={draft.attempt} draft={draft} inUse={count > 1 && draft.content.question === question.content?.question} />
        ))}
      </ol>
    </details>
  );
}
