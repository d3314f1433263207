import type { GpuGuardEvent, GuardLevel, GuardResource } from './schema';

/**
 * The memory guard: where VRAM and system RAM stand against their thresholds. Rising to a level
 * is immediate; falling back needs the reading to drop a margin below the threshold, so a value
 * hovering at the line raises one event rather than one a second. Pure: no timers, no I/O.
 */

export interface GuardThresholds {
  /** VRAM warn level as a share of the card's total; default 87.5. */
  vramWarnPercent: number;
  /** VRAM used at which callers should act (fewer slots, unload, smaller context); default 14336. */
  vramActMiB: number;
  /** System RAM warn and act levels as shares of the total; defaults 90 and 95. */
  ramWarnPercent: number;
  ramActPercent: number;
  /** How far below a threshold (as a share of the total) a reading must fall to clear it; default 5. */
  hysteresisPercent: number;
}

export const defaultGuardThresholds: GuardThresholds = {
  vramWarnPercent: 87.5,
  vramActMiB: 14336,
  ramWarnPercent: 90,
  ramActPercent: 95,
  hysteresisPercent: 5,
};

export interface ResourceThresholds {
  warnMiB: number;
  actMiB: number;
  marginMiB: number;
}

export function thresholdsFor(resource: GuardResource, totalMiB: number, thresholds: GuardThresholds): ResourceThresholds {
  const marginMiB = (totalMiB * thresholds.hysteresisPercent) / 100;
  if (resource === 'vram') {
    return { warnMiB: (totalMiB * thresholds.vramWarnPercent) / 100, actMiB: thresholds.vramActMiB, marginMiB };
  }
  return {
    warnMiB: (totalMiB * thresholds.ramWarnPercent) / 100,
    actMiB: (totalMiB * thresholds.ramActPercent) / 100,
    marginMiB,
  };
}

const rank: Record<GuardLevel, number> = { ok: 0, warn: 1, act: 2 };

/** The level a reading puts a resource at, given the level it was at. */
export function nextLevel(current: GuardLevel, usedMiB: number, limits: ResourceThresholds): GuardLevel {
  const { warnMiB, actMiB, marginMiB } = limits;
  const raw: GuardLevel = usedMiB >= actMiB ? 'act' : usedMiB >= warnMiB ? 'warn' : 'ok';
  if (rank[raw] >= rank[current]) return raw;
  if (current === 'act' && usedMiB > actMiB - marginMiB) return 'act';
  if (usedMiB > warnMiB - marginMiB) return 'warn';
  return 'ok';
}

export class MemoryGuard {
  private readonly current: Record<GuardResource, GuardLevel> = { vram: 'ok', ram: 'ok' };

  /** Returns the event when the resource changed level, null when it stayed where it was. */
  check(resource: GuardResource, usedMiB: number, totalMiB: number, thresholds: GuardThresholds, at: number): GpuGuardEvent | null {
    if (!(totalMiB > 0) || !Number.isFinite(usedMiB)) return null;
    const limits = thresholdsFor(resource, totalMiB, thresholds);
    const previous = this.current[resource];
    const level = nextLevel(previous, usedMiB, limits);
    if (level === previous) return null;
    this.current[resource] = level;
    const thresholdMiB = Math.round(level === 'act' ? limits.actMiB : limits.warnMiB);
    return { at, level, previous, resource, usedMiB, totalMiB, thresholdMiB };
  }

  /** Forgets a resource's level (the GPU went away), without raising an event. */
  reset(resource: GuardResource): void {
    this.current[resource] = 'ok';
  }

  levels(): Record<GuardResource, GuardLevel> {
    return { ...this.current };
  }
}

/** The event as a line for the chart's marker and the log. */
export function describeGuardEvent(event: GpuGuardEvent): string {
  const name = event.resource === 'vram' ? 'VRAM' : 'System RAM';
  const used = `${Math.round(event.usedMiB)} of ${Math.round(event.totalMiB)} MiB`;
  if (event.level === 'ok') return `${name} back to normal: ${used} used (below the ${event.thresholdMiB} MiB warning line)`;
  if (event.level === 'warn') return `${name} high: ${used} used (warning at ${event.thresholdMiB} MiB)`;
  return `${name} critical: ${used} used (act at ${event.thresholdMiB} MiB): free memory before more work`;
}
