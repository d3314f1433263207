import type { GpuStatus } from '../system/schema';
import type { GpuState } from './schema';

/** The status bar's view of the sampler's state: one card, its VRAM now, or why there is none. */
export function gpuStatusFromState(state: GpuState, now: number = Date.now()): GpuStatus {
  const sample = state.sample;
  return {
    present: state.available && state.device !== null,
    name: state.device?.name ?? null,
    driverVersion: state.device?.driverVersion ?? null,
    // Total and used come from the same sample, so the status bar never shows one without the other.
    vramTotalMiB: sample?.vramTotalMiB ?? null,
    vramUsedMiB: sample?.vramUsedMiB ?? null,
    utilizationPercent: sample?.utilizationPercent ?? null,
    temperatureC: sample?.temperatureC ?? null,
    powerDrawW: sample?.powerDrawW ?? null,
    problem: state.available ? null : state.problem,
    checkedAt: new Date(sample?.at ?? now).toISOString(),
  };
}
