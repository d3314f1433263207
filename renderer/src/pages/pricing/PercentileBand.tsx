import type { PricingResult } from '../../../../main/pricing/schema';
import { linearScale, niceStep } from '../../components/charts/scale';
import { useWidth } from '../../components/charts/useWidth';
import { formatMoneyShort, percentileKeys, percentileLabel, type PercentileKey } from './format';

type Wage = NonNullable<PricingResult['percentiles']['p50']>;

const height = 150;
const bandTop = 44;
const bandHeight = 32;
const axisY = 124;
const edge = 8;
/** Above the band: P10, P50, P90; below: P25, P75, so neighbours never print over each other. */
const above: ReadonlySet<PercentileKey> = new Set(['p10', 'p50', 'p90']);

function anchorAt(x: number, width: number): 'start' | 'middle' | 'end' {
  if (x < 56) return 'start';
  if (x > width - 56) return 'end';
  return 'middle';
}

/**
 * P10–P90 as a horizontal band, P25–P75 darker inside it, P50 marked, every shown value labelled.
 * A top-coded value is drawn as an open end (BLS says only "at least"). One image to assistive
 * technology, with a visually hidden table of the same figures.
 */
export function PercentileBand({ result }: { result: PricingResult }) {
  const [wrapper, width] = useWidth<HTMLDivElement>(640);
  const shown = percentileKeys.flatMap((key) => {
    const wage = result.percentiles[key];
    return wage === null ? [] : [{ key, wage }];
  });
  const values = shown.map((item) => item.wage.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = Math.max(high - low, high * 0.1, 1);
  const step = niceStep(span * 1.3, 5);
  const d0 = Math.max(0, Math.floor((low - span * 0.12) / step) * step);
  const d1 = Math.ceil((high + span * 0.12) / step) * step;
  const x = linearScale(d0, d1, edge, width - edge);
  const ticks: number[] = [];
  for (let tick = d0; tick <= d1 + step * 1e-9; tick += step) ticks.push(tick);

  const at = (key: PercentileKey): Wage | null => result.percentiles[key];
  const outer = [at('p10') ?? at('p25'), at('p90') ?? at('p75')] as const;
  const inner = [at('p25'), at('p75')] as const;
  const median = at('p50');
  const openEnd = shown.some((item) => item.wage.topCoded);
  const summary =
    shown.length === 0
      ? 'No percentiles shown'
      : `Pay range, ${result.payBasis}, ${result.currency}: ${shown.map((item) => `${percentileLabel(item.key)} ${item.wage.display}`).join(', ')}${openEnd ? '; "≥" marks a top-coded value, at least this much' : ''}.`;

  return (
    <div className="chart pricing-band" ref={wrapper}>
      <svg role="img" aria-label={summary} width={width} height={height} className="chart__svg">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={bandTop - 6} y2={axisY - 12} className="pricing-band__grid" />
            <text x={x(tick)} y={axisY + 4} textAnchor={anchorAt(x(tick), width)} className="chart__tick">
              {formatMoneyShort(tick, result.currency)}
            </text>
          </g>
        ))}
        {outer[0] !== null && outer[1] !== null && (
          <rect x={x(outer[0].value)} y={bandTop} width={Math.max(2, x(outer[1].value) - x(outer[0].value))} height={bandHeight} className="pricing-band__outer" />
        )}
        {inner[0] !== null && inner[1] !== null && (
          <rect x={x(inner[0].value)} y={bandTop} width={Math.max(2, x(inner[1].value) - x(inner[0].value))} height={bandHeight} className="pricing-band__inner" />
        )}
        {openEnd && outer[1] !== null && (
          // The open end: the band goes on past a top-coded value.
          <path
            d={`M ${x(outer[1].value)} ${bandTop} l 10 ${bandHeight / 2} l -10 ${bandHeight / 2}`}
            className="pricing-band__open"
          />
        )}
        {median !== null && <line x1={x(median.value)} x2={x(median.value)} y1={bandTop - 4} y2={bandTop + bandHeight + 4} className="pricing-band__median" />}
        {shown.map(({ key, wage }) => {
          const px = x(wage.value);
          const anchor = anchorAt(px, width);
          const isAbove = above.has(key);
          const nameY = isAbove ? 14 : bandTop + bandHeight + 18;
          const valueY = nameY + 15;
          return (
            <g key={key} className="pricing-band__label" data-percentile={key}>
              <line x1={px} x2={px} y1={isAbove ? valueY + 3 : bandTop + bandHeight} y2={isAbove ? bandTop : nameY - 11} className="pricing-band__tick" />
              <text x={px} y={nameY} textAnchor={anchor} className="pricing-band__name">
                {percentileLabel(key)}
              </text>
              <text x={px} y={valueY} textAnchor={anchor} className={key === 'p50' ? 'pricing-band__value pricing-band__value--median' : 'pricing-band__value'}>
                {wage.display}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>Percentiles, {result.payBasis} pay in {result.currency}</caption>
        <tbody>
          {percentileKeys.map((key) => (
            <tr key={key}>
              <th scope="row">{percentileLabel(key)}</th>
              <td>{result.percentiles[key]?.display ?? 'Not shown'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
