import { describe, expect, it } from 'vitest';
import { integrateSamples, segmentWattHours } from '../../../main/gpu/energy';
import { GpuHistory } from '../../../main/gpu/history';
import { GpuStore } from '../../../main/gpu/store';
import { useTempDirs } from '../../support/temp-dir';
import { openGpuDatabase, sampleAt } from './helpers';

const T0 = 1_700_000_000_000; // a multiple of 10 s, so buckets line up with whole seconds
const SECOND = 1000;
const HOUR = 3_600_000;

/** One sample a second for `seconds`, power from `watts(i)`. */
function series(seconds: number, watts: (index: number) => number | null, start = T0) {
  return Array.from({ length: seconds + 1 }, (_, index) => sampleAt(start + index * SECOND, { powerDrawW: watts(index) }));
}

describe('energy by the trapezoid rule', () => {
  it('is exact for steady and for linearly changing power', () => {
    expect(integrateSamples(series(3600, () => 100), T0, T0 + HOUR, 5_000).wattHours).toBeCloseTo(100, 9);
    // 0 W rising to 360 W over an hour averages 180 W.
    expect(integrateSamples(series(3600, (index) => index / 10), T0, T0 + HOUR, 5_000).wattHours).toBeCloseTo(180, 9);
  });

  it('clips a segment to the span asked for, interpolating the power at the ends', () => {
    const points = [sampleAt(0, { powerDrawW: 0 }), sampleAt(HOUR, { powerDrawW: 3600 })];
    // From 15 min (900 W) to 30 min (1800 W): 1350 W for a quarter of an hour.
    expect(integrateSamples(points, HOUR / 4, HOUR / 2, Number.POSITIVE_INFINITY)).toEqual({ wattHours: 337.5, coveredMs: HOUR / 4 });
    expect(segmentWattHours(0, 100, 10, 100, 20, 30)).toBe(0);
  });

  it('counts nothing across a gap longer than the sampler would leave, or where power is unknown', () => {
    const points = [
      sampleAt(T0, { powerDrawW: 100 }),
      sampleAt(T0 + SECOND, { powerDrawW: 100 }),
      sampleAt(T0 + 60 * SECOND, { powerDrawW: 100 }), // the app was closed for a minute
      sampleAt(T0 + 61 * SECOND, { powerDrawW: null }),
      sampleAt(T0 + 62 * SECOND, { powerDrawW: 100 }),
      sampleAt(T0 + 63 * SECOND, { powerDrawW: 100 }),
    ];
    const total = integrateSamples(points, T0, T0 + 63 * SECOND, 5_000);
    expect(total.coveredMs).toBe(2 * SECOND);
    expect(total.wattHours).toBeCloseTo((2 * 100) / 3600, 12);
  });
});

describe('GpuHistory.energyWh', () => {
  const tempDir = useTempDirs();

  it('integrates the full-rate samples in memory for a call-sized span', () => {
    const history = new GpuHistory({ store: new GpuStore(openGpuDatabase(tempDir())), intervalMs: 1000 });
    // 100 W, rising by 10 W a second from the 10th second on.
    for (const sample of series(60, (index) => (index < 10 ? 100 : 100 + (index - 10) * 10))) history.add(sample);
    // From 12.5 s (125 W) to 20 s (200 W): (125 + 200) / 2 W for 7.5 s.
    expect(history.energyWh(T0 + 12_500, T0 + 20_000)).toBeCloseTo((162.5 * 7.5) / 3600, 12);
    expect(history.energyWh(T0 - 10_000, T0)).toBeNull();
    expect(history.energyWh(T0 + 5_000, T0 + 5_000)).toBeNull();
  });

  it('falls back to the stored buckets for spans older than the memory holds', () => {
    const db = openGpuDatabase(tempDir());
    const history = new GpuHistory({ store: new GpuStore(db), intervalMs: 1000, windowMs: 60_000 });
    for (const sample of series(3600, () => 200)) history.add(sample);
    expect(history.size).toBeLessThan(100);
    expect(history.energyWh(T0, T0 + HOUR)).toBeCloseTo(200, 6);
    // Half a bucket at each end of a stored span counts half its energy: exact for steady power.
    expect(history.energyWh(T0 + 5_000, T0 + 25_000)).toBeCloseTo((200 * 20) / 3600, 9);
    history.flush();
    // After a restart the memory is empty and everything comes from SQLite.
    const restarted = new GpuHistory({ store: new GpuStore(db), intervalMs: 1000 });
    expect(restarted.energyWh(T0, T0 + HOUR)).toBeCloseTo(200, 6);
  });

  it('stores in each bucket exactly the energy of its own part of the line', () => {
    const db = openGpuDatabase(tempDir());
    const history = new GpuHistory({ store: new GpuStore(db), intervalMs: 700 });
    // A sample every 0.7 s, so lines straddle bucket boundaries; power varying.
    const samples = Array.from({ length: 400 }, (_, index) => sampleAt(T0 + 300 + index * 700, { powerDrawW: 50 + ((index * 37) % 200) }));
    for (const sample of samples) history.add(sample);
    history.flush();
    const stored = db.prepare('SELECT SUM(energy_wh) AS wh, SUM(power_ms) AS ms FROM gpu_samples').get() as { wh: number; ms: number };
    const exact = integrateSamples(samples, T0, T0 + 400 * 700 + 1000, 5_000);
    expect(stored.wh).toBeCloseTo(exact.wattHours, 9);
    expect(stored.ms).toBe(exact.coveredMs);
  });
});
