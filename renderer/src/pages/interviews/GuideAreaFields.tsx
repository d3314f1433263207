import { SetupField } from './SetupField';
import { editArea, type AreaDraft } from './guide';

interface GuideAreaFieldsProps {
  area: AreaDraft;
  index: number;
  /** The error of the field the core or the form named, when it is in this area. */
  errorAt: (field: string) => string | null;
}

/** One area of the guide: the question it opens with, the probes used when the model is away, and the follow-up limit. */
export function GuideAreaFields({ area, index, errorAt }: GuideAreaFieldsProps) {
  const prefix = `guide-area-${area.id}`;
  const path = `areas.${index}`;
  return (
    <fieldset className="guide-area" data-testid="guide-area" data-area={area.id}>
      <legend className="guide-area__title">
        {index + 1}. {area.title}
      </legend>
      <SetupField id={`${prefix}-question`} label="Question" error={errorAt(`${path}.question`)}>
        {(described) => (
          <textarea
            id={`${prefix}-question`}
            className="input guide-text guide-text--short"
            rows={2}
            value={area.question}
            data-testid="guide-question"
            onChange={(event) => editArea(index, { question: event.target.value })}
            {...described}
          />
        )}
      </SetupField>
      <SetupField id={`${prefix}-probes`} label="Probes" help="One per line, at most five. Asked in order when the local model cannot write a follow-up." error={errorAt(`${path}.probes`)}>
        {(described) => (
          <textarea
            id={`${prefix}-probes`}
            className="input guide-text"
            rows={3}
            value={area.probes}
            data-testid="guide-probes"
            onChange={(event) => editArea(index, { probes: event.target.value })}
            {...described}
          />
        )}
      </SetupField>
      <SetupField id={`${prefix}-max`} label="Follow-ups at most" help="0 asks the question alone." error={errorAt(`${path}.maxFollowUps`)} narrow>
        {(described) => (
          <input
            id={`${prefix}-max`}
            className="input input--number guide-max"
            type="number"
            min={0}
            max={5}
            inputMode="numeric"
            value={area.maxFollowUps}
            data-testid="guide-max"
            onChange={(event) => editArea(index, { maxFollowUps: event.target.value })}
            {...described}
          />
        )}
      </SetupField>
    </fieldset>
  );
}
