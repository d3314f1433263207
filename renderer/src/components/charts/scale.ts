/** Pure geometry for the hand-drawn charts: scales, tick positions and their labels. */

export type Scale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps everything to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / span;
  return (value) => r0 + (value - d0) * k;
}

/** The round step (1, 2, 2.5 or 5 × 10^n) that splits `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The smallest multiple of a round step at or above `value`, so an axis ends on a labelled line. */
export function niceCeil(value: number, count = 4): number {
  if (!(value > 0)) return 1;
  const step = niceStep(value, count);
  return Math.ceil(value / step) * step;
}

/** Round values from `min` to `max` inclusive, about `count` intervals apart. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const step = niceStep(max - min, count);
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) ticks.push(Math.round(value * 1e6) / 1e6);
  return ticks;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const timeSteps = [30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY];

const offsetAt = (at: number): number => new Date(at).getTimezoneOffset() * MINUTE;

/** Tick times on whole local minutes, hours or days, at most `maxTicks` of them across [from, to]. */
export function timeTicks(from: number, to: number, maxTicks: number): { step: number; ticks: number[] } {
  const span = to - from;
  const step = timeSteps.find((candidate) => span / candidate <= Math.max(1, maxTicks)) ?? timeSteps[timeSteps.length - 1]!;
  const ticks: number[] = [];
  if (!(span > 0)) return { step, ticks };
  // Aligned in local time, so hourly ticks land on 00, 06, 12 and 18 where the analyst lives.
  const offset = offsetAt(from);
  for (let local = Math.ceil((from - offset) / step) * step; local + offset <= to; local += step) ticks.push(local + offset);
  return { step, ticks };
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const clockSeconds = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** An axis label: "14:05", "14:05:30" for sub-minute steps, "Nov 21" for whole days. */
export function formatTimeTick(at: number, step: number): string {
  if (step >= DAY) return day.format(at);
  if (step < MINUTE) return clockSeconds.format(at);
  return clock.format(at);
}

/** A point's time in a readout or a table: seconds for the live view, the day for longer spans. */
export function formatPointTime(at: number, spanMs: number): string {
  return spanMs > 20 * HOUR ? dateTime.format(at) : clockSeconds.format(at);
}
