import { describe, expect, it } from 'vitest';
import { aggregateCalls, averageConcurrency, percentile, type CallFacts } from '../../../main/metrics/aggregate';
import { metricsToCsv } from '../../../main/metrics/csv';

const call = (overrides: Partial<CallFacts>): CallFacts => ({
  group: 'chat',
  model: 'llama3.1:8b',
  startedAt: 0,
  latencyMs: 1000,
  tokensIn: 100,
  tokensOut: 50,
  evalDurationNs: 1e9,
  cacheHit: false,
  outcome: 'ok',
  ...overrides,
});

/** The O(n^2) definition, to check the sweep against. */
function bruteConcurrency(calls: CallFacts[]): number[] {
  return calls.map((a) => {
    const end = a.startedAt + Math.max(1, a.latencyMs);
    let overlap = 0;
    for (const b of calls) overlap += Math.max(0, Math.min(end, b.startedAt + Math.max(1, b.latencyMs)) - Math.max(a.startedAt, b.startedAt));
    return overlap / (end - a.startedAt);
  });
}

describe('metrics aggregation', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('computes average concurrency by sweep, equal to the direct definition', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const calls = Array.from({ length: 300 }, () => call({ startedAt: Math.floor(random() * 10_000), latencyMs: Math.floor(random() * 3000) }));
    const fast = averageConcurrency(calls);
    const slow = bruteConcurrency(calls);
    fast.forEach((value, index) => expect(value).toBeCloseTo(slow[index]!, 9));
    expect(averageConcurrency([call({}), call({ startedAt: 500 })])).toEqual([1.5, 1.5]);
  });

  it('summarises per group and model: counts, tokens/s, cache hits, errors by kind', () => {
    const calls = [
      call({ tokensOut: 100, evalDurationNs: 2e9 }),
      call({ startedAt: 5000, tokensOut: 60, evalDurationNs: 1e9 }),
      call({ startedAt: 9000, cacheHit: true, tokensIn: 0, tokensOut: 0, evalDurationNs: null, latencyMs: 2 }),
      call({ startedAt: 12000, outcome: 'out-of-memory', tokensOut: 0, evalDurationNs: null }),
      call({ group: 'embed', model: 'nomic-embed-text', startedAt: 20000, latencyMs: 30, tokensOut: 0, evalDurationNs: null }),
    ];
    const { rows, total } = aggregateCalls(calls, () => null);
    const chat = rows.find((row) => row.group === 'chat')!;
    expect(chat).toMatchObject({ count: 4, tokensOut: 160, cacheHitRate: 0.25, errorRate: 0.25, errorsByKind: { 'out-of-memory': 1 }, energyWh: null });
    expect(chat.tokensPerSecond).toBeCloseTo(160 / 3, 9);
    expect(rows.find((row) => row.group === 'embed')).toMatchObject({ count: 1, tokensPerSecond: null });
    expect(total.count).toBe(5);
  });

  it('shares energy between calls that ran at once, and charges cache hits nothing', () => {
    // A constant 360 W for the whole time: 0.1 Wh per second.
    const energy = (from: number, to: number) => (360 * (to - from)) / 3_600_000;
    const calls = [call({ latencyMs: 1000 }), call({ latencyMs: 1000 }), call({ startedAt: 5000, latencyMs: 1000, cacheHit: true })];
    const { total } = aggregateCalls(calls, energy);
    expect(total.energyWh).toBeCloseTo(0.1, 9);
  });

  it('writes CSV with a header, one line per group and a total, quoting where needed', () => {
    const { rows, total } = aggregateCalls([call({ model: 'my,model' })], () => null);
    const csv = metricsToCsv({ from: '', to: '', rows, total });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('group,model,calls,p50_ms,p95_ms,p99_ms,tokens_per_second,tokens_in,tokens_out,cache_hit_rate,error_rate,errors_by_kind,energy_wh');
    expect(lines[1]).toBe('chat,"my,model",1,1000,1000,1000,50,100,50,0,0,,');
    expect(lines[2]).toMatch(/^all,all,1,/);
  });
});
