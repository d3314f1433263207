/** Chart data: points on a time axis, and the paths that draw them. */

export interface TimePoint {
  at: number;
  value: number | null;
}

/** A range at a time: lowest to highest (or average to peak) over the span the point covers. */
export interface BandPoint {
  at: number;
  low: number | null;
  high: number | null;
  /** The time the point stands for; a band point with no neighbour is drawn this wide. */
  spanMs?: number;
}

type Scale = (value: number) => number;

const round = (value: number): string => (Math.round(value * 10) / 10).toString();

/**
 * An SVG path through the points, broken where a value is missing or two points lie further apart
 * than `maxGapMs` (the app was closed, the sampler stalled): a line across a gap would invent data.
 */
export function linePath(points: readonly TimePoint[], x: Scale, y: Scale, maxGapMs: number): string {
  let path = '';
  let previous: number | null = null;
  let runLength = 0;
  // A reading with no neighbour gets a zero-length segment, which round line caps draw as a dot.
  const closeRun = (): void => {
    if (runLength === 1) path += 'h0';
    runLength = 0;
  };
  for (const point of points) {
    if (point.value === null) {
      closeRun();
      previous = null;
      continue;
    }
    const joined = previous !== null && point.at - previous <= maxGapMs;
    if (!joined) closeRun();
    path += `${joined ? 'L' : 'M'}${round(x(point.at))} ${round(y(point.value))}`;
    runLength += 1;
    previous = point.at;
  }
  closeRun();
  return path;
}

/** Closed areas between `low` and `high`, one per unbroken run of points. */
export function bandPath(points: readonly BandPoint[], x: Scale, y: Scale, maxGapMs: number): string {
  type Known = { at: number; low: number; high: number; spanMs: number };
  const runs: Known[][] = [];
  let run: Known[] = [];
  for (const point of points) {
    const last = run[run.length - 1];
    if (point.low === null || point.high === null || (last !== undefined && point.at - last.at > maxGapMs)) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (point.low !== null && point.high !== null) run.push({ at: point.at, low: point.low, high: point.high, spanMs: point.spanMs ?? 0 });
  }
  if (run.length > 0) runs.push(run);
  return runs
    .map((points) => {
      // A lone point is drawn as wide as the time it covers (at least a sliver), so it stays visible.
      const lone = points[0]!;
      const half = Math.max(1, lone.spanMs / 2);
      const shape = points.length === 1 ? [{ ...lone, at: lone.at - half }, { ...lone, at: lone.at + half }] : points;
      const top = shape.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(x(point.at))} ${round(y(point.high))}`).join('');
      const bottom = [...shape].reverse().map((point) => `L${round(x(point.at))} ${round(y(point.low))}`).join('');
      return `${top}${bottom}Z`;
    })
    .join('');
}

/**
 * At most `maxPoints` of the points, keeping each slice's lowest and highest value in time order so
 * a one-second spike survives when an hour is drawn in a few hundred pixels. The last point is
 * always kept: it is the reading the chart's label reports.
 */
export function decimate<T extends { at: number }>(points: readonly T[], maxPoints: number, valueOf: (point: T) => number | null): T[] {
  if (points.length <= maxPoints || maxPoints < 4) return [...points];
  const slices = Math.floor((maxPoints - 1) / 2);
  const size = (points.length - 1) / slices;
  const kept: T[] = [];
  for (let slice = 0; slice < slices; slice += 1) {
    const start = Math.floor(slice * size);
    const end = Math.min(points.length - 1, Math.floor((slice + 1) * size));
    let low = -1;
    let high = -1;
    let gap = -1;
    for (let index = start; index < end; index += 1) {
      const value = valueOf(points[index]!);
      if (value === null) {
        if (gap < 0) gap = index;
        continue;
      }
      if (low < 0 || value < valueOf(points[low]!)!) low = index;
      if (high < 0 || value > valueOf(points[high]!)!) high = index;
    }
    // A missing reading in the slice is kept too, so the line still breaks there.
    const picks = [...new Set([low, high, gap].filter((index) => index >= 0))].sort((a, b) => a - b);
    for (const index of picks) kept.push(points[index]!);
  }
  kept.push(points[points.length - 1]!);
  return kept;
}

export interface SeriesStats {
  latest: number | null;
  lowest: number | null;
  highest: number | null;
  average: number | null;
}

/** Latest, lowest, highest and average, for the chart's text alternative. */
export function statsOf(line: readonly TimePoint[], band: readonly BandPoint[] = []): SeriesStats {
  let lowest: number | null = null;
  let highest: number | null = null;
  let sum = 0;
  let count = 0;
  let latest: number | null = null;
  const see = (value: number | null): void => {
    if (value === null) return;
    lowest = lowest === null ? value : Math.min(lowest, value);
    highest = highest === null ? value : Math.max(highest, value);
  };
  for (const point of line) {
    see(point.value);
    if (point.value !== null) {
      sum += point.value;
      count += 1;
      latest = point.value;
    }
  }
  for (const point of band) {
    see(point.low);
    see(point.high);
  }
  return { latest, lowest, highest, average: count === 0 ? null : sum / count };
}
