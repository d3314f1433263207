import type { SkillResult } from '../../../../main/skills/schema-results';
import { ConfidenceBars } from './ConfidenceBars';
import { EvidenceList } from './EvidenceList';
import { formatScore, provenanceLine, reasoningMadeBy, skillTitle } from './format';
import { RatingControl } from './RatingControl';

/** One skill of an assessment: the score that counts, how it was reached, and the analyst's rating. */
export function SkillCard({ result }: { result: SkillResult }) {
  const titleId = `skill-title-${result.skill}`;
  return (
    <section className="card skill-card" aria-labelledby={titleId} data-testid="skill-card" data-skill={result.skill} data-score={result.score} data-source={result.scoreSource}>
      <h3 id={titleId} className="card__title">
        {skillTitle(result.skill)}
      </h3>
      <div className="skill-scores">
        <p className="skill-score">
          <span className="skill-score__value" data-testid="skill-score">
            {formatScore(result.score)}
          </span>
          <span className="skill-score__label">{result.scoreSource === 'analyst' ? 'your rating (counts)' : 'inferred (counts)'} of 5</span>
        </p>
        <p className="skill-score skill-score--inferred">
          <span className="skill-score__small" data-testid="skill-inferred">
            {formatScore(result.inferred)}
          </span>
          <span className="skill-score__label">inferred</span>
        </p>
      </div>
      <RatingControl result={result} />
      <ConfidenceBars confidence={result.confidence} />
      {result.fusion.redistributed !== null && <p className="footnote">{result.fusion.redistributed}</p>}
      <div className="skill-section">
        <h4 className="skill-section__title">Top evidence</h4>
        <EvidenceList evidence={result.evidence} />
      </div>
      <div className="skill-section" data-testid="skill-reasoning" data-method={result.reasoning.method}>
        <h4 className="skill-section__title">Reasoning</h4>
        <p className="skill-reasoning__text">{result.reasoning.text}</p>
        {result.reasoning.nextStep !== '' && (
          <p className="skill-reasoning__next">
            <strong>Next step:</strong> {result.reasoning.nextStep}
          </p>
        )}
        <p className="footnote" data-testid="skill-reasoning-by">
          {reasoningMadeBy(result.reasoning)}
        </p>
      </div>
      <p className="skill-provenance mono" data-testid="skill-provenance">
        {provenanceLine(result)}
      </p>
    </section>
  );
}
