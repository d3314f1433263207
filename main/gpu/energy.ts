/**
 * Energy from power samples: the trapezoid rule, i.e. power taken as a straight line between two
 * readings. Pure functions; the history decides which samples (memory or SQLite buckets) to use.
 */

const MS_PER_HOUR = 3_600_000;

export interface PowerPoint {
  at: number;
  powerDrawW: number | null;
}

export interface EnergyTotal {
  wattHours: number;
  /** Milliseconds of the span for which power was known. */
  coveredMs: number;
}

/** Watt-hours of the line from (t0, p0) to (t1, p1) that falls inside [from, to]. */
export function segmentWattHours(t0: number, p0: number, t1: number, p1: number, from: number, to: number): number {
  const start = Math.max(t0, from);
  const end = Math.min(t1, to);
  if (end <= start || t1 <= t0) return 0;
  const slope = (p1 - p0) / (t1 - t0);
  const powerAtStart = p0 + slope * (start - t0);
  const powerAtEnd = p0 + slope * (end - t0);
  return (((powerAtStart + powerAtEnd) / 2) * (end - start)) / MS_PER_HOUR;
}

/**
 * Whether two readings may be joined by a line: both known, in order, and close enough that the
 * sampler was running between them (a longer gap means the app was closed or the GPU was gone).
 */
export const joinable = (a: PowerPoint, b: PowerPoint, maxGapMs: number): boolean =>
  a.powerDrawW !== null && b.powerDrawW !== null && b.at > a.at && b.at - a.at <= maxGapMs;

/**
 * Integrates the points `first..last` (by index through `pointAt`, in time order) over [from, to].
 * Takes an accessor rather than an array so the ring buffer is read in place, without a copy.
 */
export function integrateWattHours(
  pointAt: (index: number) => PowerPoint | undefined,
  first: number,
  last: number,
  from: number,
  to: number,
  maxGapMs: number,
): EnergyTotal {
  let wattHours = 0;
  let coveredMs = 0;
  for (let index = Math.max(0, first); index < last; index += 1) {
    const a = pointAt(index);
    const b = pointAt(index + 1);
    if (a === undefined || b === undefined) break;
    if (a.at >= to) break;
    if (b.at <= from || !joinable(a, b, maxGapMs)) continue;
    wattHours += segmentWattHours(a.at, a.powerDrawW!, b.at, b.powerDrawW!, from, to);
    coveredMs += Math.min(b.at, to) - Math.max(a.at, from);
  }
  return { wattHours, coveredMs };
}

/** Convenience over an array, for tests and small spans. */
export function integrateSamples(points: readonly PowerPoint[], from: number, to: number, maxGapMs: number): EnergyTotal {
  return integrateWattHours((index) => points[index], 0, points.length - 1, from, to, maxGapMs);
}
