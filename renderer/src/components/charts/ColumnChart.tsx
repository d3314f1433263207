import { linearScale, niceCeil, niceTicks } from './scale';
import { useWidth } from './useWidth';

export interface Column {
  key: string;
  /** Under the column: short ("7"), since columns are narrow. */
  label: string;
  value: number;
}

interface ColumnChartProps {
  testId: string;
  caption: string;
  /** The accessible name: what is counted, and where most of it lies. */
  summary: string;
  columns: readonly Column[];
  formatValue: (value: number) => string;
  /** Column headings for the text alternative. */
  labelHeading: string;
  valueLabel: string;
  height?: number;
}

const margin = { top: 18, right: 4, bottom: 20, left: 36 };

/**
 * Vertical columns over a short category axis (a histogram of scores), each with its value above
 * it. Like BarChart: one image to assistive technology, with a visually hidden table of the numbers.
 */
export function ColumnChart({ testId, caption, summary, columns, formatValue, labelHeading, valueLabel, height = 160 }: ColumnChartProps) {
  const [wrapper, width] = useWidth<HTMLDivElement>(400);
  const largest = Math.max(0, ...columns.map((column) => column.value));
  const top = niceCeil(largest, 3);
  const plot = { left: margin.left, right: Math.max(margin.left + 20, width - margin.right), top: margin.top, bottom: height - margin.bottom };
  const y = linearScale(0, top, plot.bottom, plot.top);
  const slot = columns.length === 0 ? 0 : (plot.right - plot.left) / columns.length;
  const columnWidth = Math.max(2, Math.min(48, slot * 0.7));
  return (
    <div className="chart chart--columns" ref={wrapper} data-testid={testId} data-columns={columns.length} data-total={columns.reduce((sum, column) => sum + column.value, 0)}>
      <svg role="img" aria-label={summary} width={width} height={height} className="chart__svg">
        <g className="chart__grid">
          {niceTicks(0, top, 3).map((tick) => (
            <g key={tick}>
              <line x1={plot.left} x2={plot.right} y1={y(tick)} y2={y(tick)} />
              <text x={plot.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="chart__tick">
                {formatValue(tick)}
              </text>
            </g>
          ))}
        </g>
        {columns.map((column, index) => {
          const center = plot.left + slot * (index + 0.5);
          const barTop = y(column.value);
          return (
            <g key={column.key} className="chart__column" data-key={column.key} data-value={column.value}>
              <title>{`${column.label}: ${formatValue(column.value)}`}</title>
              {column.value > 0 && <rect x={center - columnWidth / 2} y={barTop} width={columnWidth} height={Math.max(1, plot.bottom - barTop)} rx={2} className="chart__bar" />}
              {column.value > 0 && (
                <text x={center} y={barTop - 4} textAnchor="middle" className="chart__bar-value">
                  {formatValue(column.value)}
                </text>
              )}
              <text x={center} y={plot.bottom + 14} textAnchor="middle" className="chart__tick">
                {column.label}
              </text>
            </g>
          );
        })}
        <line className="chart__axis" x1={plot.left} x2={plot.right} y1={plot.bottom + 0.5} y2={plot.bottom + 0.5} />
      </svg>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <tr key={column.key}>
              <th scope="row">{column.label}</th>
              <td>{formatValue(column.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
