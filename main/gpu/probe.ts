import { createRequire } from 'node:module';
import type { GpuStatus } from '../system/schema';

type NvidiaSmiCallback = (error: unknown, data?: unknown) => void;
const require = createRequire(import.meta.url);
const nvidiaSmi = require('node-nvidia-smi') as (callback: NvidiaSmiCallback) => void;

/** node-nvidia-smi hands back xml2js output: text nodes as strings, repeated nodes as arrays. */
type XmlNode = string | { [key: string]: XmlNode | XmlNode[] | undefined };

function child(node: XmlNode | XmlNode[] | undefined, ...path: string[]): XmlNode | undefined {
  let current: XmlNode | XmlNode[] | undefined = node;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    if (current === undefined || typeof current === 'string') return undefined;
    current = current[key];
  }
  return Array.isArray(current) ? current[0] : current;
}

/** "16376 MiB", "45 %", "38 C", "21.50 W" and "N/A" all come as text with a unit. */
export function numberOf(node: XmlNode | undefined): number | null {
  if (typeof node !== 'string') return null;
  const match = /-?\d+(\.\d+)?/.exec(node);
  return match ? Number(match[0]) : null;
}

const textOf = (node: XmlNode | undefined): string | null => (typeof node === 'string' && node !== '' ? node : null);

export function gpuStatusFromXml(log: XmlNode, checkedAt: string): GpuStatus {
  const gpu = child(log, 'nvidia_smi_log', 'gpu');
  if (gpu === undefined) return noGpu('nvidia-smi reported no GPU: the app runs models on the CPU.', checkedAt);
  return {
    present: true,
    name: textOf(child(gpu, 'product_name')),
    driverVersion: textOf(child(log, 'nvidia_smi_log', 'driver_version')),
    vramTotalMiB: numberOf(child(gpu, 'fb_memory_usage', 'total')),
    vramUsedMiB: numberOf(child(gpu, 'fb_memory_usage', 'used')),
    utilizationPercent: numberOf(child(gpu, 'utilization', 'gpu_util')),
    temperatureC: numberOf(child(gpu, 'temperature', 'gpu_temp')),
    powerDrawW: numberOf(child(gpu, 'gpu_power_readings', 'power_draw') ?? child(gpu, 'power_readings', 'power_draw')),
    problem: null,
    checkedAt,
  };
}

export function noGpu(problem: string, checkedAt: string): GpuStatus {
  return {
    present: false,
    name: null,
    driverVersion: null,
    vramTotalMiB: null,
    vramUsedMiB: null,
    utilizationPercent: null,
    temperatureC: null,
    powerDrawW: null,
    problem,
    checkedAt,
  };
}

/**
 * nvidia-smi's documented exit codes: 6 no GPU found, 9 driver not loaded, 12 NVML library missing;
 * 127 is the shell's "not found", ENOENT the same when spawned without a shell.
 */
export function describeGpuFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  if (code === 127 || /not found|ENOENT/.test(text)) {
    return 'No NVIDIA GPU found (nvidia-smi is not installed): models run on the CPU, more slowly.';
  }
  if (code === 6 || /No devices were found/.test(text)) {
    return 'No NVIDIA GPU found (the driver lists none): models run on the CPU, more slowly.';
  }
  if (code === 9 || code === 12 || /driver/i.test(text)) {
    return 'The NVIDIA driver is not answering (nvidia-smi failed): models run on the CPU until it is fixed.';
  }
  return `nvidia-smi failed: ${text.trim()}`;
}

export function probeGpu(): Promise<GpuStatus> {
  return new Promise((resolve) => {
    nvidiaSmi((error, data) => {
      const checkedAt = new Date().toISOString();
      if (error) resolve(noGpu(describeGpuFailure(error), checkedAt));
      else resolve(gpuStatusFromXml(data as XmlNode, checkedAt));
    });
  });
}
