import { linearScale, niceCeil } from './scale';
import { useWidth } from './useWidth';

export interface Bar {
  key: string;
  label: string;
  /** Null: nothing to draw (no calls generated tokens, say); the row still shows, marked "—". */
  value: number | null;
}

interface BarChartProps {
  testId: string;
  caption: string;
  /** The accessible name: what is compared, and the largest value. */
  summary: string;
  bars: readonly Bar[];
  formatValue: (value: number) => string;
  /** Column heading for the value in the text alternative. */
  valueLabel: string;
}

const rowHeight = 34;
const barHeight = 10;
const valueWidth = 76;

/**
 * Horizontal bars, one per row, each labelled above its bar with its value at the right: labels
 * never get truncated, however long a model's name. One image to assistive technology, with a
 * visually hidden table of the same numbers.
 */
export function BarChart({ testId, caption, summary, bars, formatValue, valueLabel }: BarChartProps) {
  const [wrapper, width] = useWidth<HTMLDivElement>(400);
  const largest = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const right = Math.max(40, width - valueWidth);
  const x = linearScale(0, niceCeil(largest), 0, right);
  const height = bars.length * rowHeight;
  return (
    <div className="chart chart--bars" ref={wrapper} data-testid={testId} data-bars={bars.length}>
      <svg role="img" aria-label={summary} width={width} height={height} className="chart__svg">
        {bars.map((bar, index) => {
          const top = index * rowHeight;
          const barWidth = bar.value === null ? 0 : Math.max(bar.value > 0 ? 2 : 0, x(bar.value));
          return (
            <g key={bar.key} className="chart__bar-row">
              <title>{`${bar.label}: ${bar.value === null ? 'no value' : formatValue(bar.value)}`}</title>
              <text x={0} y={top + 12} className="chart__bar-label">
                {bar.label}
              </text>
              <rect x={0} y={top + 17} width={right} height={barHeight} rx={barHeight / 2} className="chart__bar-track" />
              <rect x={0} y={top + 17} width={barWidth} height={barHeight} rx={barHeight / 2} className="chart__bar" />
              <text x={width} y={top + 26} textAnchor="end" className="chart__bar-value">
                {bar.value === null ? '—' : formatValue(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value === null ? 'No value' : formatValue(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
