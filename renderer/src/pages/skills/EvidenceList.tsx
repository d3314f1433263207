import type { EvidenceItem } from '../../../../main/skills/schema-results';
import { meaningOf } from './features';
import { formatContribution, formatTwo } from './format';

function rawText(item: EvidenceItem): string {
  if (item.raw === null) return 'not measured';
  return `${formatTwo(item.raw)} ${item.unit}`;
}

/** The five features that moved the score most, each with what it measures and the quotes behind it. */
export function EvidenceList({ evidence }: { evidence: readonly EvidenceItem[] }) {
  if (evidence.length === 0) return <p className="muted">No feature moved this score.</p>;
  return (
    <ol className="skill-evidence" aria-label="Top evidence">
      {evidence.map((item) => (
        <li key={item.feature} className="skill-evidence__item" data-testid="skill-evidence" data-feature={item.feature}>
          <p className="skill-evidence__head">
            <span className="skill-evidence__name" title={meaningOf(item.feature)}>
              {item.label}
            </span>
            <span className="skill-evidence__contribution" data-sign={item.contribution < 0 ? 'down' : 'up'} title="Points this feature moved the score away from 3">
              {formatContribution(item.contribution)}
            </span>
          </p>
          <p className="skill-evidence__meaning" data-testid="skill-evidence-meaning">
            {meaningOf(item.feature)} · <span className="mono">{item.feature}</span> · {rawText(item)}
            {item.value !== null && <> (value {formatTwo(item.value)})</>}
          </p>
          {item.quotes.length > 0 && (
            <ul className="skill-evidence__quotes">
              {item.quotes.map((quote) => (
                <li key={`${quote.seq}-${quote.text}`}>
                  <blockquote className="quote" data-testid="skill-evidence-quote">
                    “{quote.text}”
                  </blockquote>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
