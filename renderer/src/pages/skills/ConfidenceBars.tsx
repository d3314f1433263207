import type { CSSProperties } from 'react';
import type { Confidence } from '../../../../main/skills/schema-results';
import { confidenceLabels, formatShare, formatTwo } from './format';

const order = ['modelSpread', 'agreement', 'extremity', 'completeness'] as const;

/** The confidence and the four components it is the weighted mean of; one not measured says why. */
export function ConfidenceBars({ confidence }: { confidence: Confidence }) {
  return (
    <div className="skill-confidence" data-testid="skill-confidence" data-value={confidence.value}>
      <p className="skill-confidence__head">
        <span>Confidence</span>
        <strong>{formatShare(confidence.value)}</strong>
      </p>
      <dl className="skill-components">
        {order.map((key) => {
          const component = confidence.components[key];
          const value = component.value;
          return (
            <div key={key} className="skill-component" data-testid="skill-confidence-component" data-component={key} title={component.detail}>
              <dt>
                {confidenceLabels[key]} <span className="skill-component__weight">×{formatTwo(component.weight)}</span>
              </dt>
              <dd>
                <span
                  className="usage-bar skill-component__bar"
                  role="meter"
                  aria-label={confidenceLabels[key]}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={value === null ? undefined : Math.round(value * 100)}
                  aria-valuetext={value === null ? 'not measured' : formatShare(value)}
                >
                  <span className="usage-bar__fill" style={{ '--fill': value ?? 0 } as CSSProperties} />
                </span>
                <span className="skill-component__value">{value === null ? 'not measured' : formatShare(value)}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
