import { describe, expect, it, vi } from 'vitest';
import { GpuHistory, pointWidth } from '../../../main/gpu/history';
import { GpuStore } from '../../../main/gpu/store';
import { useTempDirs } from '../../support/temp-dir';
import { openGpuDatabase, sampleAt } from './helpers';

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;

describe('GpuHistory', () => {
  const tempDir = useTempDirs();

  it('keeps an hour at full rate in memory and never more, whatever the interval', () => {
    const history = new GpuHistory({ store: new GpuStore(openGpuDatabase(tempDir())), intervalMs: 1000 });
    expect(history.capacity).toBeGreaterThanOrEqual(3600);
    expect(history.capacity).toBeLessThan(3900);
    for (let index = 0; index < 10_000; index += 1) history.add(sampleAt(T0 + index * 1000));
    expect(history.size).toBe(history.capacity);
    expect(history.recent().at(-1)?.at).toBe(T0 + 9_999 * 1000);
    expect(history.recent(T0 + 9_997 * 1000).map((sample) => sample.at)).toEqual([T0 + 9_998_000, T0 + 9_999_000]);
    history.setInterval(250);
    expect(history.capacity).toBeGreaterThanOrEqual(14_400);
    history.setInterval(60_000);
    expect(history.capacity).toBeLessThan(100);
    expect(history.size).toBe(history.capacity);
  });

  it('folds samples into 10-second buckets with min, average and max, one write per bucket', () => {
    const db = openGpuDatabase(tempDir());
    const store = new GpuStore(db);
    const save = vi.spyOn(store, 'saveBucket');
    const history = new GpuHistory({ store, intervalMs: 1000 });
    for (let index = 0; index < 35; index += 1) {
      history.add(sampleAt(T0 + index * 1000, { vramUsedMiB: 600 + index * 10, utilizationPercent: index, powerDrawW: 20, ramUsedMiB: 8000 }));
    }
    expect(save).toHaveBeenCalledTimes(3); // the fourth bucket is still in progress
    const points = history.history(T0, T0 + 40_000, 100);
    expect(points).toHaveLength(3);
    expect(points[0]).toMatchObject({
      at: T0,
      spanMs: 10_000,
      samples: 10,
      vramUsedMinMiB: 600,
      vramUsedAvgMiB: 645,
      vramUsedMaxMiB: 690,
      vramTotalMiB: 16376,
      utilizationAvgPercent: 4.5,
      utilizationMaxPercent: 9,
      powerAvgW: 20,
      ramUsedAvgMiB: 8000,
      ramTotalMiB: 24000,
    });
    expect(points[0]!.energyWh).toBeCloseTo((20 * 10) / 3600, 12);
    history.flush();
    expect(history.history(T0, T0 + 40_000, 100)).toHaveLength(4);
  });

  it('merges a bucket written in two parts when the app stops and starts within it', () => {
    const db = openGpuDatabase(tempDir());
    const first = new GpuHistory({ store: new GpuStore(db), intervalMs: 1000 });
    for (let index = 0; index < 4; index += 1) first.add(sampleAt(T0 + index * 1000, { vramUsedMiB: 1000 + index }));
    first.flush();
    const second = new GpuHistory({ store: new GpuStore(db), intervalMs: 1000 });
    for (let index = 6; index < 10; index += 1) second.add(sampleAt(T0 + index * 1000, { vramUsedMiB: 2000 + index, temperatureC: null }));
    second.flush();
    const [point] = second.history(T0, T0 + 10_000, 10);
    expect(point).toMatchObject({ samples: 8, vramUsedMinMiB: 1000, vramUsedMaxMiB: 2009, vramUsedAvgMiB: (4006 + 8030) / 8, temperatureMaxC: 37 });
  });

  it('keeps samples without a GPU for system RAM, with the GPU columns empty', () => {
    const history = new GpuHistory({ store: new GpuStore(openGpuDatabase(tempDir())), intervalMs: 1000 });
    const noGpu = { vramUsedMiB: null, vramTotalMiB: null, utilizationPercent: null, temperatureC: null, powerDrawW: null, powerLimitW: null };
    for (let index = 0; index < 10; index += 1) history.add(sampleAt(T0 + index * 1000, { ...noGpu, ramUsedMiB: 9000 + index }));
    history.flush();
    expect(history.history(T0, T0 + 10_000, 10)).toEqual([
      expect.objectContaining({ samples: 10, vramUsedAvgMiB: null, vramUsedMaxMiB: null, powerAvgW: null, energyWh: 0, ramUsedAvgMiB: 9004.5, ramUsedMaxMiB: 9009 }),
    ]);
    expect(history.energyWh(T0, T0 + 10_000)).toBeNull();
  });

  it('answers a day of history in at most maxPoints points, keeping the extremes', () => {
    const db = openGpuDatabase(tempDir());
    const store = new GpuStore(db);
    const history = new GpuHistory({ store, intervalMs: 1000 });
    const spikeAt = T0 + 12 * 3_600_000 + 30_000;
    db.transaction(() => {
      for (let at = T0; at < T0 + DAY; at += 10_000) {
        const used = at === spikeAt ? 15_900 : 4_000 + ((at / 10_000) % 7) * 100;
        const stat = { sum: used * 10, min: used - 50, max: used };
        store.saveBucket({
          start: at, ms: 10_000, samples: 10, gpuSamples: 10, vramUsed: stat, vramTotalMiB: 16376,
          utilization: { sum: 500, min: 50, max: 50 }, temperature: { sum: 600, min: 60, max: 60 },
          power: { sum: 2000, min: 200, max: 200 }, powerLimitW: 320, energyWh: (200 * 10) / 3600, powerMs: 10_000,
          ramUsed: { sum: 80_000, min: 8000, max: 8000 }, ramTotalMiB: 24000,
        });
      }
    })();
    for (const maxPoints of [2, 7, 100, 600, 5000]) {
      const points = history.history(T0, T0 + DAY, maxPoints);
      expect(points.length).toBeLessThanOrEqual(maxPoints);
      expect(points.reduce((sum, point) => sum + point.samples, 0)).toBe(8640 * 10);
      expect(Math.max(...points.map((point) => point.vramUsedMaxMiB ?? 0))).toBe(15_900);
      expect(points.reduce((sum, point) => sum + point.energyWh, 0)).toBeCloseTo(200 * 24, 6);
      for (const point of points) expect(point.at % point.spanMs).toBe(0);
    }
    // Widths are whole buckets (150 s here), so a day fills most of the 600 points asked for.
    expect(history.history(T0, T0 + DAY, 600)).toHaveLength(577);
    // A range inside the day gives only its own buckets.
    const hour = history.history(T0 + 3_600_000, T0 + 7_200_000, 361);
    expect(hour).toHaveLength(360);
    expect(hour[0]!.at).toBe(T0 + 3_600_000);
  });

  it('prunes buckets and events past the retention, so the tables stay bounded', () => {
    const db = openGpuDatabase(tempDir());
    const store = new GpuStore(db);
    const history = new GpuHistory({ store, intervalMs: 1000, retentionMs: 7 * DAY });
    const now = T0 + 10 * DAY;
    for (const age of [9, 8, 6, 1]) {
      history.add(sampleAt(now - age * DAY));
      history.add(sampleAt(now - age * DAY + 1000));
      history.flush();
      store.addEvent(now - age * DAY, 'model-loaded', `${age} days ago`);
    }
    expect(db.prepare('SELECT COUNT(*) FROM gpu_samples').pluck().get()).toBe(4);
    expect(history.prune(now)).toBe(4);
    expect(db.prepare('SELECT COUNT(*) FROM gpu_samples').pluck().get()).toBe(2);
    expect(store.events(0, now).map((event) => event.detail)).toEqual(['6 days ago', '1 days ago']);
  });

  it('chooses point widths in whole buckets that fit the span into maxPoints aligned points', () => {
    expect(pointWidth(3_600_000, 361, 10_000)).toBe(10_000);
    expect(pointWidth(3_600_000, 360, 10_000)).toBe(20_000);
    expect(pointWidth(DAY, 600, 10_000)).toBe(150_000);
    expect(pointWidth(5_000, 600, 10_000)).toBe(10_000);
  });
});
