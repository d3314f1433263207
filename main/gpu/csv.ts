import type { GpuDevice, GpuProcess } from './schema';

/**
 * nvidia-smi's `--format=csv,noheader,nounits` output: one record a line, fields separated by
 * ", ", missing values as "N/A", "[N/A]" or "[Not Supported]". Pure functions, no I/O.
 */

/** Fields of the per-second stream, in the order the parser expects them. */
export const SAMPLE_FIELDS = 'index,memory.used,memory.total,utilization.gpu,temperature.gpu,power.draw,power.limit';
export const DEVICE_FIELDS = 'index,uuid,name,driver_version,memory.total';
export const PROCESS_FIELDS = 'gpu_uuid,pid,process_name,used_gpu_memory';
export const CSV_FORMAT = '--format=csv,noheader,nounits';

export interface GpuReading {
  index: number;
  vramUsedMiB: number | null;
  vramTotalMiB: number | null;
  utilizationPercent: number | null;
  temperatureC: number | null;
  powerDrawW: number | null;
  powerLimitW: number | null;
}

/** A number, or null for "N/A" and its bracketed forms (Number('') is 0, hence the length check). */
export function csvNumber(field: string | undefined): number | null {
  if (field === undefined || field.length === 0) return null;
  const value = Number(field);
  return Number.isFinite(value) ? value : null;
}

const text = (field: string | undefined): string | null => {
  const trimmed = field?.trim() ?? '';
  return trimmed === '' || /^\[?N\/A\]?$/.test(trimmed) || /^\[Not Supported\]$/.test(trimmed) ? null : trimmed;
};

/**
 * One line of the SAMPLE_FIELDS stream, or null when it is not one (a warning line, a header).
 * Called once a second for the life of the app, so it splits once and allocates one object.
 */
export function parseSampleLine(line: string): GpuReading | null {
  const parts = line.split(', ');
  if (parts.length !== 7) return null;
  const index = csvNumber(parts[0]);
  if (index === null) return null;
  return {
    index,
    vramUsedMiB: csvNumber(parts[1]),
    vramTotalMiB: csvNumber(parts[2]),
    utilizationPercent: csvNumber(parts[3]),
    temperatureC: csvNumber(parts[4]),
    powerDrawW: csvNumber(parts[5]),
    powerLimitW: csvNumber(parts[6]),
  };
}

/** The DEVICE_FIELDS answer: every NVIDIA GPU the driver sees. */
export function parseDevices(output: string): GpuDevice[] {
  const devices: GpuDevice[] = [];
  for (const line of output.split('\n')) {
    const parts = line.trim().split(', ');
    if (parts.length < 5) continue;
    const index = csvNumber(parts[0]);
    // A product name may itself contain ", "; the fields around it are fixed.
    const uuid = parts[1];
    const memory = parts[parts.length - 1];
    const driver = parts[parts.length - 2];
    const name = parts.slice(2, parts.length - 2).join(', ');
    if (index === null || uuid === undefined) continue;
    devices.push({ index, uuid, name: text(name) ?? 'NVIDIA GPU', driverVersion: text(driver), vramTotalMiB: csvNumber(memory) });
  }
  return devices;
}

/** The PROCESS_FIELDS answer, keeping the processes on the GPU with `uuid`, largest first. */
export function parseProcesses(output: string, uuid: string): GpuProcess[] {
  const processes: GpuProcess[] = [];
  for (const line of output.split('\n')) {
    const parts = line.trim().split(', ');
    if (parts.length < 4 || parts[0] !== uuid) continue;
    const pid = csvNumber(parts[1]);
    if (pid === null) continue;
    // Process names are paths and may hold ", "; the memory is always the last field.
    const name = parts.slice(2, parts.length - 1).join(', ');
    processes.push({ pid, name: text(name) ?? `pid ${pid}`, usedMiB: csvNumber(parts[parts.length - 1]) });
  }
  return processes.sort((a, b) => (b.usedMiB ?? 0) - (a.usedMiB ?? 0));
}
