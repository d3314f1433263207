import { useId, useMemo, useState, type PointerEvent } from 'react';
import { glyphAt, type MarkerShape } from './MarkerGlyph';
import { formatPointTime, formatTimeTick, linearScale, niceTicks, timeTicks } from './scale';
import { bandPath, decimate, linePath, statsOf, type BandPoint, type TimePoint } from './series';
import { useWidth } from './useWidth';

/** A horizontal line at a level that matters (a guard threshold, the power limit), labelled on the chart. */
export interface LimitLine {
  value: number;
  label: string;
  tone: 'warn' | 'act' | 'neutral';
}

/** Something that happened at a moment, drawn as a vertical line with a glyph and a tooltip. */
export interface ChartMarker {
  key: string | number;
  at: number;
  kind: string;
  tone: string;
  shape: MarkerShape;
  /** The tooltip (an SVG <title>), and the marker's line in the text alternative. */
  title: string;
}

interface TimeChartProps {
  testId: string;
  /** Names the chart in its text alternative: "VRAM used, last 5 minutes". */
  caption: string;
  /** The accessible name: what the chart shows and its latest value, in one or two sentences. */
  summary: string;
  from: number;
  to: number;
  line: readonly TimePoint[];
  /** A shaded range behind the line (lowest to highest, or average to peak). */
  band?: readonly BandPoint[];
  /** Words for the band in the readout and the text alternative, e.g. "range". */
  bandLabel?: string;
  yMin?: number;
  yMax: number;
  yTicks?: readonly number[];
  formatTick: (value: number) => string;
  formatValue: (value: number) => string;
  limits?: readonly LimitLine[];
  markers?: readonly ChartMarker[];
  /** Points further apart than this are not joined. */
  maxGapMs: number;
  height?: number;
}

const margin = { top: 14, right: 10, bottom: 20, left: 48 };
const labelGap = 13;

interface PlacedLimit extends LimitLine {
  y: number;
  labelY: number;
}

/** Labels above their lines, except where two lines are too close: then the lower label goes below. */
function placeLimits(limits: readonly LimitLine[], y: (value: number) => number, top: number, bottom: number): PlacedLimit[] {
  const placed = limits
    .map((limit) => ({ ...limit, y: y(limit.value), labelY: 0 }))
    .filter((limit) => limit.y >= top && limit.y <= bottom)
    .sort((a, b) => a.y - b.y);
  let lastLabel = Number.NEGATIVE_INFINITY;
  for (const limit of placed) {
    const above = limit.y - 4;
    limit.labelY = above - labelGap >= lastLabel && above - 9 >= top ? above : limit.y + 12;
    lastLabel = limit.labelY;
  }
  return placed;
}

/** Index of the point nearest `at` in points sorted by time. */
function nearestIndex(points: readonly { at: number }[], at: number): number {
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (points[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && Math.abs(points[low - 1]!.at - at) <= Math.abs(points[low]!.at - at)) return low - 1;
  return low;
}

function Readout({ lines, x, y, plotRight }: { lines: string[]; x: number; y: number; plotRight: number }) {
  const width = Math.max(...lines.map((line) => line.length)) * 6.6 + 14;
  const height = lines.length * 15 + 8;
  const left = x + 10 + width > plotRight ? x - 10 - width : x + 10;
  return (
    <g className="chart__readout" transform={`translate(${Math.round(left)} ${Math.round(y)})`}>
      <rect width={width} height={height} rx={4} />
      {lines.map((line, index) => (
        <text key={index} x={7} y={16 + index * 15} className={index === 0 ? 'chart__readout-time' : undefined}>
          {line}
        </text>
      ))}
    </g>
  );
}

/**
 * A time-series chart drawn in SVG: a line (and optionally a band) over time, threshold lines with
 * their labels, event markers with tooltips, and a readout under the pointer. It is one image to
 * assistive technology, named by `summary`, with a visually hidden table of the same facts.
 */
export function TimeChart(props: TimeChartProps) {
  const { testId, caption, summary, from, to, line, band = [], bandLabel = 'range', yMin = 0, yMax, formatTick, formatValue, limits = [], markers = [], maxGapMs, height = 150 } = props;
  const [wrapper, width] = useWidth<HTMLDivElement>(480);
  const [hoverAt, setHoverAt] = useState<number | null>(null);
  const clipId = `chart-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const plot = { left: margin.left, right: Math.max(margin.left + 20, width - margin.right), top: margin.top, bottom: height - margin.bottom };
  const x = linearScale(from, to, plot.left, plot.right);
  const y = linearScale(yMin, yMax, plot.bottom, plot.top);
  const inWindow = (at: number): boolean => at >= from && at <= to;

  // One point per pixel is as much as the eye can see; the drawn count is what data-points reports.
  const drawn = useMemo(() => decimate(line.filter((point) => inWindow(point.at)), Math.max(60, Math.floor(plot.right - plot.left)), (point) => point.value), [line, from, to, plot.right]);
  const drawnBand = useMemo(() => band.filter((point) => inWindow(point.at)), [band, from, to]);
  const visibleMarkers = markers.filter((marker) => inWindow(marker.at));
  const stats = statsOf(drawn, drawnBand);
  const last = drawn[drawn.length - 1];
  const yTicks = props.yTicks ?? niceTicks(yMin, yMax, 4);
  const { step, ticks: xTicks } = timeTicks(from, to, Math.max(2, Math.floor((plot.right - plot.left) / 70)));
  const placedLimits = placeLimits(limits, y, plot.top, plot.bottom);

  const onPointerMove = (event: PointerEvent<SVGSVGElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - box.left;
    if (px < plot.left || px > plot.right || drawn.length === 0) {
      setHoverAt(null);
      return;
    }
    setHoverAt(from + ((px - plot.left) / (plot.right - plot.left)) * (to - from));
  };

  let readout = null;
  if (hoverAt !== null && drawn.length > 0) {
    const point = drawn[nearestIndex(drawn, hoverAt)]!;
    const range = drawnBand.length > 0 ? drawnBand[nearestIndex(drawnBand, point.at)] : undefined;
    const px = x(point.at);
    const lines = [formatPointTime(point.at, to - from), point.value === null ? 'No reading' : formatValue(point.value)];
    if (range !== undefined && range.at === point.at && range.low !== null && range.high !== null) lines.push(`${bandLabel} ${formatValue(range.low)}–${formatValue(range.high)}`);
    readout = (
      <g className="chart__hover" aria-hidden="true">
        <line x1={px} x2={px} y1={plot.top} y2={plot.bottom} className="chart__guide" />
        {point.value !== null && <circle cx={px} cy={y(point.value)} r={3.5} className="chart__dot" />}
        <Readout lines={lines} x={px} y={plot.top} plotRight={plot.right} />
      </g>
    );
  }

  return (
    <div
      className="chart"
      ref={wrapper}
      data-testid={testId}
      data-points={drawn.length}
      data-last-at={last?.at ?? ''}
      data-last-value={stats.latest ?? ''}
      data-markers={visibleMarkers.length}
    >
      <svg role="img" aria-label={summary} width={width} height={height} className="chart__svg" onPointerMove={onPointerMove} onPointerLeave={() => setHoverAt(null)}>
        <defs>
          <clipPath id={clipId}>
            <rect x={plot.left} y={plot.top - 1} width={plot.right - plot.left} height={plot.bottom - plot.top + 2} />
          </clipPath>
        </defs>
        <g className="chart__grid">
          {yTicks.map((tick) => (
            <g key={tick}>
              <line x1={plot.left} x2={plot.right} y1={y(tick)} y2={y(tick)} />
              <text x={plot.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" className="chart__tick">
                {formatTick(tick)}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <text key={tick} x={x(tick)} y={plot.bottom + 14} textAnchor="middle" className="chart__tick">
              {formatTimeTick(tick, step)}
            </text>
          ))}
        </g>
        <g clipPath={`url(#${clipId})`}>
          {drawnBand.length > 0 && <path className="chart__band" d={bandPath(drawnBand, x, y, maxGapMs)} />}
          <path className="chart__line" d={linePath(drawn, x, y, maxGapMs)} />
        </g>
        {placedLimits.map((limit) => (
          <g key={limit.label} className="chart__limit" data-tone={limit.tone}>
            <line x1={plot.left} x2={plot.right} y1={limit.y} y2={limit.y} />
            <text x={plot.right - 2} y={limit.labelY} textAnchor="end">
              {limit.label}
            </text>
          </g>
        ))}
        {visibleMarkers.map((marker) => {
          const mx = Math.round(x(marker.at)) + 0.5;
          return (
            <g key={marker.key} className="chart__marker" data-testid="chart-marker" data-kind={marker.kind} data-tone={marker.tone}>
              <title>{marker.title}</title>
              <line className="chart__marker-hit" x1={mx} x2={mx} y1={plot.top - 8} y2={plot.bottom} />
              <line className="chart__marker-line" x1={mx} x2={mx} y1={plot.top} y2={plot.bottom} />
              {glyphAt(marker.shape, mx, plot.top - 6)}
            </g>
          );
        })}
        <line className="chart__axis" x1={plot.left} x2={plot.right} y1={plot.bottom + 0.5} y2={plot.bottom + 0.5} />
        {readout}
      </svg>
      <div className="visually-hidden">
        <table>
          <caption>{caption}</caption>
          <tbody>
            {(
              [
                ['Latest', stats.latest],
                ['Lowest', stats.lowest],
                ['Average', stats.average],
                ['Highest', stats.highest],
              ] as const
            ).map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value === null ? 'No reading' : formatValue(value)}</td>
              </tr>
            ))}
            {limits.map((limit) => (
              <tr key={limit.label}>
                <th scope="row">Line</th>
                <td>{limit.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {visibleMarkers.length > 0 && (
          <ul aria-label={`Events on this chart`}>
            {visibleMarkers.map((marker) => (
              <li key={marker.key}>{marker.title}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
