import type { KitQuestion } from '../../../../../main/interviews/kits/schema';
import { formatTime } from '../../../lib/format';
import { useRatingSave } from './useRatingSave';

interface RatingScaleProps {
  kitId: string;
  question: KitQuestion;
  anchors: readonly string[];
}

/**
 * The behaviourally anchored scale, all five anchors in view, as the radio group the interviewer
 * rates with: each anchor is its rating's label, so choosing a line is choosing the rating.
 */
export function RatingScale({ kitId, question, anchors }: RatingScaleProps) {
  const rating = useRatingSave(kitId, question.seq, question.rating);
  const name = `kit-${kitId}-q${question.seq}-rating`;
  const rated = question.rating !== null;
  return (
    <fieldset className="kit-scale" data-testid="kit-rating" data-rating={question.rating ?? ''} aria-describedby={`${name}-state`}>
      <legend className="kit-section-title">Rating scale · your rating</legend>
      <div className="kit-scale__options">
        {anchors.map((anchor, index) => {
          const value = index + 1;
          return (
            <label key={value} className="kit-scale__option" data-checked={rating.shown === value || undefined}>
              <input type="radio" name={name} value={value} checked={rating.shown === value} onChange={() => rating.choose(value)} />
              <span className="kit-scale__value" aria-hidden="true">
                {value}
              </span>
              <span className="kit-scale__anchor">
                <span className="visually-hidden">{value}: </span>
                {anchor}
              </span>
            </label>
          );
        })}
      </div>
      <div className="kit-scale__state" id={`${name}-state`}>
        <p role="status" data-testid="kit-rated-by">
          {rating.saving ? (
            'Saving your rating…'
          ) : rated ? (
            <>
              <strong>Your rating: {question.rating} of 5</strong> · by {question.ratedBy ?? 'you'}
              {question.ratedAt !== null && `, ${formatTime(question.ratedAt)}`}
            </>
          ) : (
            'Not rated yet: choose the line that matches the answer.'
          )}
        </p>
        {rated && !rating.saving && (
          <button type="button" className="link-button" data-testid="kit-rating-clear" onClick={() => rating.choose(null)}>
            Clear rating
          </button>
        )}
      </div>
      {rating.error !== null && (
        <p className="inline-error" role="alert">
          {rating.error}
        </p>
      )}
    </fieldset>
  );
}
