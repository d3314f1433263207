import { describe, expect, it } from 'vitest';
import { defaultGuardThresholds, describeGuardEvent, MemoryGuard, nextLevel, thresholdsFor } from '../../../main/gpu/guard';

const TOTAL = 16376; // what a 16 GB RTX 4080 reports

describe('memory guard', () => {
  it('defaults fit a 16 GB card: warn at 87.5 % of the total, act at 14336 MiB', () => {
    const vram = thresholdsFor('vram', TOTAL, defaultGuardThresholds);
    expect(vram.warnMiB).toBeCloseTo(14329);
    expect(vram.actMiB).toBe(14336);
    expect(vram.marginMiB).toBeCloseTo(818.8);
    const ram = thresholdsFor('ram', 24000, defaultGuardThresholds);
    expect(ram).toMatchObject({ warnMiB: 21600, actMiB: 22800 });
  });

  it('rises at once and falls back only past the hysteresis margin, so a hovering value does not flap', () => {
    const guard = new MemoryGuard();
    const thresholds = { ...defaultGuardThresholds, vramWarnPercent: 75 }; // warn 12282, act 14336, margin 819
    const levels: string[] = [];
    for (const used of [10_000, 12_300, 12_200, 12_350, 12_000, 11_500, 11_400, 12_290, 14_400, 14_000, 13_600, 13_400, 11_000]) {
      const event = guard.check('vram', used, TOTAL, thresholds, used);
      if (event) levels.push(`${event.previous}->${event.level}@${used}`);
    }
    expect(levels).toEqual([
      'ok->warn@12300', // crossed 12282
      'warn->ok@11400', // only below 12282 - 819 = 11463
      'ok->warn@12290',
      'warn->act@14400',
      'act->warn@13400', // only below 14336 - 819 = 13517
      'warn->ok@11000',
    ]);
    expect(guard.levels()).toEqual({ vram: 'ok', ram: 'ok' });
  });

  it('raises typed events naming the resource, the reading and the threshold of the level entered', () => {
    const guard = new MemoryGuard();
    const act = guard.check('vram', 15_000, TOTAL, defaultGuardThresholds, 1_000);
    expect(act).toEqual({ at: 1_000, level: 'act', previous: 'ok', resource: 'vram', usedMiB: 15_000, totalMiB: TOTAL, thresholdMiB: 14336 });
    expect(describeGuardEvent(act!)).toMatch(/VRAM critical: 15000 of 16376 MiB used \(act at 14336 MiB\)/);
    const ram = guard.check('ram', 21_700, 24_000, defaultGuardThresholds, 2_000);
    expect(ram).toMatchObject({ level: 'warn', resource: 'ram', thresholdMiB: 21600 });
    expect(guard.levels()).toEqual({ vram: 'act', ram: 'warn' });
    const ok = guard.check('vram', 5_000, TOTAL, defaultGuardThresholds, 3_000);
    expect(ok).toMatchObject({ level: 'ok', previous: 'act', thresholdMiB: 14329 });
  });

  it('steps from act straight to ok when the reading falls far enough', () => {
    const limits = thresholdsFor('vram', TOTAL, { ...defaultGuardThresholds, vramWarnPercent: 75 });
    expect(nextLevel('act', 13_600, limits)).toBe('act');
    expect(nextLevel('act', 13_000, limits)).toBe('warn');
    expect(nextLevel('act', 11_000, limits)).toBe('ok');
    expect(nextLevel('ok', 14_336, limits)).toBe('act');
    // With the defaults warn (14329) and act (14336) nearly coincide, so act falls to ok directly.
    expect(nextLevel('act', 13_000, thresholdsFor('vram', TOTAL, defaultGuardThresholds))).toBe('ok');
  });

  it('ignores a reading without a total', () => {
    expect(new MemoryGuard().check('vram', 100, 0, defaultGuardThresholds, 0)).toBeNull();
  });
});
