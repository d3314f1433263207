import { describe, expect, it } from 'vitest';
import { aggregateCsv, aggregateCsvHeader, aggregateInterviews, tenureBand, type AggregateRow } from '../../../main/interviews/aggregate';
import { aggregateSchema, type Aggregate } from '../../../main/interviews/schema';
import { aggregateRow, rowsOf } from './report-fixture';

const period = { from: '2026-01-01', to: '2026-03-31', minGroupSize: 5 };

const aggregate = (rows: readonly AggregateRow[], minGroupSize = 5, notAnalysed = 0): Aggregate =>
  aggregateSchema.parse(aggregateInterviews(rows, { ...period, minGroupSize }, notAnalysed));

const keys = (groups: Aggregate['departments']) => groups.groups.map((group) => group.key);

describe('aggregateInterviews: too few interviews', () => {
  it('suppresses everything below the minimum, but says how many there were', () => {
    const result = aggregate(rowsOf(4), 5, 2);
    expect(result).toMatchObject({ suppressed: true, interviews: 4, notAnalysed: 2, sentimentOverTime: [], hiddenMonths: 0 });
    for (const part of [result.reasons, result.departments, result.tenureBands, result.managers]) {
      expect(part).toEqual({ groups: [], hiddenGroups: 0, hiddenInterviews: 0 });
    }
  });

  it('shows a period that reaches the minimum exactly', () => {
    expect(aggregate(rowsOf(5)).suppressed).toBe(false);
  });
});

describe('aggregateInterviews: small groups', () => {
  it('never lists a department of 3, and hides the next smallest so the 3 cannot be worked out', () => {
    const rows = [...rowsOf(11, { department: 'Engineering' }), ...rowsOf(6, { department: 'Sales' }), ...rowsOf(3, { department: 'Support' })];
    const { departments } = aggregate(rows);
    expect(keys(departments)).toEqual(['Engineering']);
    expect(departments.hiddenGroups).toBe(2);
    expect(departments.hiddenInterviews).toBe(9);
  });

  it('with 12 interviews, a department of 3 takes the other one with it', () => {
    const rows = [...rowsOf(9, { department: 'Engineering' }), ...rowsOf(3, { department: 'Support' })];
    const result = aggregate(rows);
    expect(result.interviews).toBe(12);
    expect(result.departments).toEqual({ groups: [], hiddenGroups: 2, hiddenInterviews: 12 });
    expect(aggregateCsv(result)).not.toMatch(/Support|Engineering/);
  });

  it('needs no extra hiding when the small groups together reach the minimum', () => {
    const rows = [...rowsOf(6, { manager: 'Ada Park' }), ...rowsOf(3, { manager: 'Ben Li' }), ...rowsOf(3, { manager: null })];
    const { managers } = aggregate(rows);
    expect(keys(managers)).toEqual(['Ada Park']);
    expect(managers).toMatchObject({ hiddenGroups: 2, hiddenInterviews: 6 });
  });

  it('hides the smallest visible group first, ties by key, until the fold is big enough', () => {
    const rows = [
      ...rowsOf(8, { primaryReason: 'pay-benefits' }),
      ...rowsOf(5, { primaryReason: 'manager' }),
      ...rowsOf(5, { primaryReason: 'career-growth' }),
      ...rowsOf(1, { primaryReason: 'other' }),
    ];
    const { reasons } = aggregate(rows);
    expect(keys(reasons)).toEqual(['pay-benefits', 'career-growth']);
    expect(reasons).toMatchObject({ hiddenGroups: 2, hiddenInterviews: 6 });
  });

  it('puts missing departments and managers under "unknown", sorted by count then key', () => {
    const rows = [...rowsOf(5, { department: null, manager: null }), ...rowsOf(5, { department: 'Sales', manager: 'Zoe' }), ...rowsOf(6, { department: 'Ops', manager: 'Ada' })];
    const result = aggregate(rows);
    expect(keys(result.departments)).toEqual(['Ops', 'Sales', 'unknown']);
    expect(keys(result.managers)).toEqual(['Ada', 'unknown', 'Zoe']);
  });
});

describe('aggregateInterviews: figures', () => {
  it('averages sentiment and regretted share to 3 decimals, with the top reason by guide order on a tie', () => {
    const rows = [
      aggregateRow({ overallScore: 0.5, regretted: true, primaryReason: 'manager' }),
      aggregateRow({ overallScore: -0.25, regretted: true, primaryReason: 'manager' }),
      aggregateRow({ overallScore: 0.1, primaryReason: 'career-growth' }),
      aggregateRow({ overallScore: 0.2, primaryReason: 'career-growth' }),
      aggregateRow({ overallScore: -0.3333, primaryReason: 'other' }),
      aggregateRow({ overallScore: 0.1, primaryReason: 'other' }),
    ];
    const [engineering] = aggregate(rows).departments.groups;
    expect(engineering).toEqual({ key: 'Engineering', count: 6, averageSentiment: 0.053, regrettedShare: 0.333, topReason: 'career-growth' });
  });

  it('puts tenure in bands at their edges', () => {
    const edges: Array<[number | null, string]> = [
      [0, 'under 1 year'], [11, 'under 1 year'], [12, '1–2 years'], [23, '1–2 years'], [24, '2–5 years'], [59, '2–5 years'],
      [60, '5–10 years'], [119, '5–10 years'], [120, '10+ years'], [720, '10+ years'], [null, 'unknown'],
    ];
    for (const [months, band] of edges) expect(tenureBand(months), `${months} months`).toBe(band);
    const rows = [...rowsOf(2, { tenureMonths: 11 }), ...rowsOf(3, { tenureMonths: 12 }), ...rowsOf(2, { tenureMonths: 120 }), ...rowsOf(2, { tenureMonths: null })];
    const { tenureBands } = aggregate(rows, 2);
    expect(tenureBands.groups.map((group) => [group.key, group.count])).toEqual([['1–2 years', 3], ['10+ years', 2], ['under 1 year', 2], ['unknown', 2]]);
  });

  it('buckets sentiment by UTC month and leaves out months under the minimum', () => {
    const rows = [
      ...rowsOf(3, { at: Date.parse('2026-01-31T23:30:00Z'), overallScore: 0.6, overallLabel: 'positive' }),
      ...rowsOf(2, { at: Date.parse('2026-01-01T00:00:00Z'), overallScore: -0.4, overallLabel: 'negative' }),
      ...rowsOf(4, { at: Date.parse('2026-02-01T00:00:00Z'), overallScore: 0, overallLabel: 'neutral' }),
      ...rowsOf(1, { at: Date.parse('2026-02-28T12:00:00Z'), overallScore: -0.9, overallLabel: 'negative' }),
      ...rowsOf(2, { at: Date.parse('2026-03-10T00:00:00Z') }),
    ];
    const result = aggregate(rows);
    expect(result.sentimentOverTime).toEqual([
      { month: '2026-01', count: 5, average: 0.2, positive: 3, neutral: 0, negative: 2 },
      { month: '2026-02', count: 5, average: -0.18, positive: 0, neutral: 4, negative: 1 },
    ]);
    expect(result.hiddenMonths).toBe(1);
  });
});

describe('aggregateCsv', () => {
  const rows = [
    ...rowsOf(6, { department: 'Sales, EMEA', manager: '=HYPERLINK("x")', primaryReason: 'pay-benefits', regretted: true }),
    ...rowsOf(5, { department: 'Engineering', manager: 'Ada Park', overallScore: 0.25 }),
    ...rowsOf(2, { department: 'Legal', manager: 'Ada Park', at: Date.UTC(2026, 1, 3) }),
  ];
  const csv = aggregateCsv(aggregate(rows));
  const lines = csv.split('\n');

  it('starts with the header and ends every line with \\n', () => {
    expect(csv.startsWith(aggregateCsvHeader)).toBe(true);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
  });

  it('defuses a formula in a manager name and quotes a comma in a department', () => {
    expect(lines).toContain(`manager,"'=HYPERLINK(""x"")",6,-0.5,1,Pay and benefits`);
    expect(lines).toContain('department,"Sales, EMEA",6,-0.5,1,Pay and benefits');
  });

  it('names reasons by title, lists months and a row for each section that hid groups', () => {
    expect(lines).toContain('reason,Career growth,7,0.036,0,Career growth');
    expect(lines).toContain('month,2026-01,11,-0.159,,');
    expect(lines).toContain('month,hidden: 1 months under 5,2,,,');
    expect(lines).toContain('department,hidden: 2 groups under 5,7,,,');
    // Legal (2) is under the minimum, and Engineering (5) is folded in with it so Legal cannot be worked out.
    expect(csv).not.toMatch(/Legal|Engineering/);
  });

  it('says so in a single row when the period is suppressed', () => {
    const suppressed = aggregateCsv(aggregate(rowsOf(3, { manager: '=cmd' })));
    expect(suppressed.split('\n').filter(Boolean)).toHaveLength(2);
    expect(suppressed).toMatch(/^section,.*\nall,"suppressed: 3 interviews in 2026-01-01 to 2026-03-31, under the minimum of 5",3,,,\n$/);
  });
});
