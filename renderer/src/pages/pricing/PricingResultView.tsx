import type { PricingResult } from '../../../../main/pricing/schema';
import { UsageBar } from '../../components/UsageBar';
import { formatInteger } from '../../lib/format';
import { factorLabels, formatScore, formatShare, formatWhen, hiddenByRule, payBasisWords, percentileKeys, scenarioHelp, scenarioLabels } from './format';
import { PercentileBand } from './PercentileBand';
import type { ResultOrigin } from './store';
import { usePricing } from './store';

type Match = PricingResult['matches'][number];

/** A match's share of the blend: from the benchmark it was priced through, if it was. */
function shareOf(result: PricingResult, match: Match): number | null {
  if (!match.used) return null;
  const code = match.wageCode ?? match.code;
  const benchmark = result.benchmarks.find((item) => item.sourceId === match.sourceId && (item.code === code || item.code === match.code));
  return benchmark === undefined ? null : benchmark.share;
}

function Percentiles({ result }: { result: PricingResult }) {
  const config = usePricing((state) => state.config);
  const hidden = hiddenByRule(result, config?.minimumSample ?? null);
  const data = Object.fromEntries(percentileKeys.map((key) => [`data-${key}`, result.percentiles[key]?.value ?? '']));
  const anyShown = percentileKeys.some((key) => result.percentiles[key] !== null);
  const topCoded = percentileKeys.some((key) => result.percentiles[key]?.topCoded === true);
  const unpublished = result.percentilesShown === 'all' ? percentileKeys.filter((key) => result.percentiles[key] === null) : [];
  return (
    <section className="card card--wide" aria-labelledby="pricing-percentiles-title" data-testid="pricing-percentiles" data-shown={result.percentilesShown} {...data}>
      <div className="card__head">
        <h2 id="pricing-percentiles-title" className="card__title">
          Pay range
        </h2>
        <span className="muted pricing-basis">
          {result.payBasis === 'annual' ? 'Annual' : 'Hourly'} pay, {result.currency}
          {result.sample !== null && ` · ${formatInteger(result.sample)} data points`}
        </span>
      </div>
      {anyShown && <PercentileBand result={result} />}
      {hidden !== null && (
        <p className="notice notice--warn" data-testid="pricing-hidden">
          {hidden}
        </p>
      )}
      {unpublished.length > 0 && (
        <p className="footnote">
          {unpublished.map((key) => key.toUpperCase()).join(', ')}: the benchmark data publishes no figure here, so none is shown.
        </p>
      )}
      {topCoded && (
        <p className="footnote" data-testid="pricing-topcoded">
          “≥” marks a top-coded value: BLS publishes only that the wage is at least $239,200 a year ($115.00 an hour) for this occupation, never the figure itself; it is aged and moved to the location like the rest.
        </p>
      )}
    </section>
  );
}

function Scenarios({ result }: { result: PricingResult }) {
  return (
    <section className="card" aria-labelledby="pricing-scenarios-title" data-testid="pricing-scenarios">
      <h2 id="pricing-scenarios-title" className="card__title">
        Scenarios
      </h2>
      <ul className="pricing-scenarios">
        {result.scenarios.map((scenario) => (
          <li key={scenario.name} className="pricing-scenario" data-testid="pricing-scenario" data-name={scenario.name} data-value={scenario.value ?? ''}>
            <span className="pricing-scenario__name">
              {scenarioLabels[scenario.name]}
              <span className="pricing-scenario__rank">P{scenario.percentile}</span>
            </span>
            <span className="pricing-scenario__value">{scenario.display ?? <span className="muted">Not shown</span>}</span>
            <span className="pricing-scenario__help">
              {scenarioHelp[scenario.name]}
              {scenario.interpolated && `; P${scenario.percentile} interpolated between the published percentiles`}
            </span>
          </li>
        ))}
      </ul>
      <p className="footnote">Figures are {payBasisWords(result.payBasis)}. A scenario is not shown when its percentile is hidden or would need extrapolating.</p>
    </section>
  );
}

function Confidence({ result }: { result: PricingResult }) {
  const { score, factors } = result.confidence;
  const level = score >= 70 ? 'ok' : score >= 45 ? 'warn' : 'act';
  return (
    <section className="card" aria-labelledby="pricing-confidence-title" data-testid="pricing-confidence" data-score={score}>
      <h2 id="pricing-confidence-title" className="card__title">
        Confidence
      </h2>
      <p className="pricing-confidence__score">
        <span className="pricing-confidence__value">{score}</span>
        <span className="muted"> / 100</span>
      </p>
      <UsageBar used={score} total={100} level={level} size="large" label="Confidence" valueText={`${score} out of 100`} />
      <ul className="pricing-factors">
        {factors.map((factor) => (
          <li key={factor.name} className="pricing-factor" data-testid="pricing-factor" data-name={factor.name} data-value={factor.value}>
            <span className="pricing-factor__head">
              <span>{factorLabels[factor.name]}</span>
              <span className="pricing-factor__value">
                {formatScore(factor.value)}
                <span className="muted"> · weight {formatShare(factor.weight)}</span>
              </span>
            </span>
            <UsageBar used={factor.value} total={1} label={factorLabels[factor.name]} valueText={`${formatScore(factor.value)} of 1`} />
            <span className="pricing-factor__detail">{factor.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Matches({ result }: { result: PricingResult }) {
  return (
    <section className="card card--wide" aria-labelledby="pricing-matches-title" data-testid="pricing-matches" data-count={result.matches.length}>
      <h2 id="pricing-matches-title" className="card__title">
        Matched jobs
      </h2>
      {result.matches.length === 0 ? (
        <p className="muted">No benchmark job matched this title.</p>
      ) : (
        <div className="table-scroll">
          <table className="table pricing-matches">
            <caption className="visually-hidden">Benchmark jobs matched to {result.request.title}, best first</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Job</th>
                <th scope="col" className="num">
                  Score<span className="th-unit">0–1</span>
                </th>
                <th scope="col">Why it matched</th>
                <th scope="col" className="num">
                  Share<span className="th-unit">of blend</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.matches.map((match) => {
                const share = shareOf(result, match);
                return (
                  <tr key={`${match.sourceId}:${match.code}`} data-testid="pricing-match" data-code={match.code} data-soc={match.soc ?? ''} data-used={match.used} data-score={match.score}>
                    <td className="mono">{match.code}</td>
                    <th scope="row" className="pricing-matches__title">
                      {match.title}
                      {match.kind === 'survey' && <span className="tag">Survey</span>}
                    </th>
                    <td className="num">{formatScore(match.score)}</td>
                    <td className="pricing-matches__why">
                      <ul>
                        {match.why.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="num">
                      {share !== null ? (
                        formatShare(share)
                      ) : (
                        <span className="muted" title={match.hasWages ? 'Matched less closely than the jobs priced from' : 'BLS publishes no wages for this occupation'}>
                          {match.hasWages ? 'Not used' : 'No wages'}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function HowRead({ result }: { result: PricingResult }) {
  const { location, aging } = result;
  return (
    <section className="card" aria-labelledby="pricing-read-title" data-testid="pricing-notes">
      <h2 id="pricing-read-title" className="card__title">
        How the request was read
      </h2>
      <dl className="facts pricing-facts">
        <div>
          <dt>Level</dt>
          <dd>{result.request.level ?? result.detectedLevel ?? <span className="muted">Not given</span>}{result.request.level === null && result.detectedLevel !== null && <span className="muted"> (from the title)</span>}</dd>
        </div>
        <div>
          <dt>Location factor</dt>
          <dd data-testid="pricing-location-factor">{location.factor === null ? 'None' : `×${location.factor.toFixed(4)}`}</dd>
        </div>
        <div>
          <dt>Effective date</dt>
          <dd>{aging.to}</dd>
        </div>
        <div>
          <dt>Aging</dt>
          <dd>
            {formatShare(aging.annualRate)} a year, {aging.method}
          </dd>
        </div>
      </dl>
      <ul className="pricing-notes">
        {result.readAs.map((note) => (
          <li key={`read:${note}`}>{note.charAt(0).toUpperCase() + note.slice(1)}.</li>
        ))}
        <li>{location.note}</li>
        {result.benchmarks.map((benchmark) => (
          <li key={`age:${benchmark.sourceId}:${benchmark.code}`}>
            {benchmark.title} ({benchmark.sourceName}) aged from {benchmark.effectiveDate} by ×{benchmark.agingFactor.toFixed(3)}.
          </li>
        ))}
        {result.notes.map((note) => (
          <li key={`note:${note}`}>{note}</li>
        ))}
      </ul>
    </section>
  );
}

function Explanation({ result }: { result: PricingResult }) {
  return (
    <section className="card" aria-labelledby="pricing-explanation-title" data-testid="pricing-explanation">
      <h2 id="pricing-explanation-title" className="card__title">
        Explanation
      </h2>
      <p className="pricing-explanation">{result.explanation.text}</p>
      <p className="footnote">
        {result.explanation.method === 'llm' ? `Written by ${result.explanation.model ?? 'the local model'}; every number in it checked against the computed ones.` : 'Written from a template from the computed figures.'}{' '}
        Sources: {result.sources.map((source) => `${source.name} (${formatShare(source.share)})`).join(', ') || 'none'}. Data: {result.dataVersions.catalogue}, {result.dataVersions.bls}.
      </p>
    </section>
  );
}

const originWords: Record<ResultOrigin, string> = {
  priced: 'Priced',
  opened: 'A past request, priced',
  rerun: 'Re-run on today’s data',
};

/** Everything one pricing request answered. */
export function PricingResultView({ result, origin }: { result: PricingResult; origin: ResultOrigin }) {
  const request = result.request;
  const where = request.location === null ? 'National' : request.location;
  return (
    <div className="pricing-result" data-testid="pricing-result" data-id={result.id} data-origin={origin} data-rerun-of={result.rerunOf ?? ''}>
      <div className="pricing-result__head">
        <h2 className="pricing-result__title" tabIndex={-1} id="pricing-result-title">
          {request.title}
        </h2>
        <p className="muted">
          {where} · {originWords[origin]} {formatWhen(result.createdAt)}
          {result.rerunOf !== null && ' · a re-run of an earlier request'}
        </p>
      </div>
      <div className="card-grid">
        <Percentiles result={result} />
        <Scenarios result={result} />
        <Confidence result={result} />
        <Matches result={result} />
        <HowRead result={result} />
        <Explanation result={result} />
      </div>
    </div>
  );
}
