import { csvRow } from '../batch/export-lines';
import { reasonIds, reasonTitles, type Aggregate, type AggregateGroup, type Breakdown, type ReasonId, type SentimentLabel } from './schema';

/**
 * Exit interviews summed up for a period, so that no one can be picked out: a group smaller than
 * the minimum is never listed, and when the groups left out could be worked out from the total
 * (there is only a handful of them), the smallest listed groups are left out with them.
 */

/** One analysed interview, as the aggregate needs it; the caller has already kept only the period's. */
export interface AggregateRow {
  /** Epoch milliseconds the interview counts at (when it ended, or was created). */
  at: number;
  department: string | null;
  manager: string | null;
  tenureMonths: number | null;
  primaryReason: ReasonId;
  /** -1..1 */
  overallScore: number;
  overallLabel: SentimentLabel;
  regretted: boolean;
}

export interface AggregatePeriod {
  from: string;
  to: string;
  minGroupSize: number;
}

type Month = Aggregate['sentimentOverTime'][number];

const unknownKey = 'unknown';

/** Upper bounds (exclusive, in months) of the tenure bands, shortest first. */
const tenureBands: ReadonlyArray<readonly [number, string]> = [
  [12, 'under 1 year'],
  [24, '1–2 years'],
  [60, '2–5 years'],
  [120, '5–10 years'],
];

export function tenureBand(months: number | null): string {
  if (months === null) return unknownKey;
  return tenureBands.find(([below]) => months < below)?.[1] ?? '10+ years';
}

/** Three decimals, and never -0 (which JSON and CSV would both show as a puzzling "0"). */
const round3 = (value: number): number => Math.round(value * 1000) / 1000 + 0;

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The most frequent reason; ties go to the one the guide asks about first. */
function topReasonOf(rows: readonly AggregateRow[]): ReasonId | null {
  const counts = new Map<ReasonId, number>();
  for (const row of rows) counts.set(row.primaryReason, (counts.get(row.primaryReason) ?? 0) + 1);
  let top: ReasonId | null = null;
  for (const reason of reasonIds) if ((counts.get(reason) ?? 0) > (top === null ? 0 : (counts.get(top) ?? 0))) top = reason;
  return top;
}

function groupOf(key: string, rows: readonly AggregateRow[]): AggregateGroup {
  return {
    key,
    count: rows.length,
    averageSentiment: round3(mean(rows.map((row) => row.overallScore))),
    regrettedShare: round3(rows.filter((row) => row.regretted).length / rows.length),
    topReason: topReasonOf(rows),
  };
}

function groupRows<K extends string>(rows: readonly AggregateRow[], keyOf: (row: AggregateRow) => K): Map<K, AggregateRow[]> {
  const groups = new Map<K, AggregateRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const members = groups.get(key);
    if (members) members.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Keys in a fixed locale, so the order is the same on every analyst's machine. */
const byCountThenKey = (a: AggregateGroup, b: AggregateGroup): number => b.count - a.count || a.key.localeCompare(b.key, 'en');

/**
 * Groups under the minimum are folded into the hidden count. If that fold is itself under the
 * minimum, anyone who knows the total could subtract the listed groups and get it back, so the
 * smallest listed groups join it until it is big enough (or nothing is listed).
 */
function breakdown(rows: readonly AggregateRow[], keyOf: (row: AggregateRow) => string, minGroupSize: number): Breakdown {
  const groups = [...groupRows(rows, keyOf)].map(([key, members]) => groupOf(key, members)).sort(byCountThenKey);
  const visible = groups.filter((group) => group.count >= minGroupSize);
  let hiddenGroups = groups.length - visible.length;
  let hiddenInterviews = rows.length - visible.reduce((sum, group) => sum + group.count, 0);
  while (hiddenInterviews > 0 && hiddenInterviews < minGroupSize) {
    const smallest = visible.pop();
    if (smallest === undefined) break;
    hiddenGroups += 1;
    hiddenInterviews += smallest.count;
  }
  return { groups: visible, hiddenGroups, hiddenInterviews };
}

const monthOf = (at: number): string => new Date(at).toISOString().slice(0, 7);

function monthSummary(month: string, rows: readonly AggregateRow[]): Month {
  const labelled = (label: SentimentLabel) => rows.filter((row) => row.overallLabel === label).length;
  return {
    month,
    count: rows.length,
    average: round3(mean(rows.map((row) => row.overallScore))),
    positive: labelled('positive'),
    neutral: labelled('neutral'),
    negative: labelled('negative'),
  };
}

const emptyBreakdown = (): Breakdown => ({ groups: [], hiddenGroups: 0, hiddenInterviews: 0 });

export function aggregateInterviews(rows: readonly AggregateRow[], input: AggregatePeriod, notAnalysed: number): Aggregate {
  const { from, to, minGroupSize } = input;
  const base = { from, to, minGroupSize, interviews: rows.length, notAnalysed };
  if (rows.length < minGroupSize) {
    return {
      ...base,
      suppressed: true,
      reasons: emptyBreakdown(),
      sentimentOverTime: [],
      hiddenMonths: 0,
      departments: emptyBreakdown(),
      tenureBands: emptyBreakdown(),
      managers: emptyBreakdown(),
    };
  }
  const months = [...groupRows(rows, (row) => monthOf(row.at))].sort(([a], [b]) => (a < b ? -1 : 1));
  const shownMonths = months.filter(([, members]) => members.length >= minGroupSize);
  return {
    ...base,
    suppressed: false,
    reasons: breakdown(rows, (row) => row.primaryReason, minGroupSize),
    sentimentOverTime: shownMonths.map(([month, members]) => monthSummary(month, members)),
    hiddenMonths: months.length - shownMonths.length,
    departments: breakdown(rows, (row) => row.department ?? unknownKey, minGroupSize),
    tenureBands: breakdown(rows, (row) => tenureBand(row.tenureMonths), minGroupSize),
    managers: breakdown(rows, (row) => row.manager ?? unknownKey, minGroupSize),
  };
}

export const aggregateCsvHeader = 'section,key,count,average_sentiment,regretted_share,top_reason\n';

const titleOf = (reason: ReasonId | null): string | null => (reason === null ? null : reasonTitles[reason]);

function breakdownLines(section: string, part: Breakdown, minGroupSize: number, keyTitle: (key: string) => string): string[] {
  const lines = part.groups.map((group) =>
    csvRow([section, keyTitle(group.key), group.count, group.averageSentiment, group.regrettedShare, titleOf(group.topReason)]),
  );
  if (part.hiddenGroups > 0) lines.push(csvRow([section, `hidden: ${part.hiddenGroups} groups under ${minGroupSize}`, part.hiddenInterviews, null, null, null]));
  return lines;
}

const isReasonId = (key: string): key is ReasonId => (reasonIds as readonly string[]).includes(key);

/** The aggregate as one CSV for a spreadsheet; cells are guarded against formula injection. */
export function aggregateCsv(aggregate: Aggregate): string {
  const { minGroupSize: min } = aggregate;
  if (aggregate.suppressed) {
    const why = `suppressed: ${aggregate.interviews} interviews in ${aggregate.from} to ${aggregate.to}, under the minimum of ${min}`;
    return aggregateCsvHeader + csvRow(['all', why, aggregate.interviews, null, null, null]);
  }
  const asIs = (key: string) => key;
  const shownInMonths = aggregate.sentimentOverTime.reduce((sum, month) => sum + month.count, 0);
  const lines = [
    ...breakdownLines('reason', aggregate.reasons, min, (key) => (isReasonId(key) ? reasonTitles[key] : key)),
    ...breakdownLines('department', aggregate.departments, min, asIs),
    ...breakdownLines('tenure', aggregate.tenureBands, min, asIs),
    ...breakdownLines('manager', aggregate.managers, min, asIs),
    ...aggregate.sentimentOverTime.map((month) => csvRow(['month', month.month, month.count, month.average, null, null])),
  ];
  if (aggregate.hiddenMonths > 0) lines.push(csvRow(['month', `hidden: ${aggregate.hiddenMonths} months under ${min}`, aggregate.interviews - shownInMonths, null, null, null]));
  return aggregateCsvHeader + lines.join('');
}
