// `--query-gpu=...` and `--query-compute-apps=...` with `--format=csv[,noheader][,nounits]`:
// the field names, header spellings and units of the real tool, and its error for a bad field.
import type { GpuProcess, GpuSnapshot, SmiSnapshot } from './gpu.js';

interface Field<T> {
  /** How the header names it (aliases print the canonical name, as nvidia-smi does). */
  header: string;
  unit?: string;
  value: (item: T, snapshot: SmiSnapshot) => string;
}

export class InvalidFieldError extends Error {
  constructor(readonly field: string) {
    super(`Field "${field}" is not a valid field to query.`);
  }
}

/** "2025/01/30 16:14:43.123", nvidia-smi's CSV timestamp. */
function csvTimestamp(date: Date): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

const GPU_FIELDS: Record<string, Field<GpuSnapshot>> = {};
function gpu(names: string[], field: Field<GpuSnapshot>): void {
  for (const name of names) GPU_FIELDS[name] = field;
}
const text = (get: (g: GpuSnapshot, s: SmiSnapshot) => string | number) => (g: GpuSnapshot, s: SmiSnapshot): string => String(get(g, s));

gpu(['timestamp'], { header: 'timestamp', value: text((_, s) => csvTimestamp(s.timestamp)) });
gpu(['driver_version'], { header: 'driver_version', value: text((_, s) => s.driverVersion) });
gpu(['count'], { header: 'count', value: text((_, s) => s.gpus.length) });
gpu(['name', 'gpu_name'], { header: 'name', value: text((g) => g.name) });
gpu(['serial', 'gpu_serial'], { header: 'serial', value: text((g) => `[${g.serial}]`) });
gpu(['uuid', 'gpu_uuid'], { header: 'uuid', value: text((g) => g.uuid) });
gpu(['pci.bus_id', 'gpu_bus_id'], { header: 'pci.bus_id', value: text((g) => g.busId) });
gpu(['index'], { header: 'index', value: text((g) => g.index) });
gpu(['vbios_version'], { header: 'vbios_version', value: text((g) => g.vbios) });
gpu(['persistence_mode'], { header: 'persistence_mode', value: text(() => 'Enabled') });
gpu(['display_active'], { header: 'display_active', value: text((g) => (g.index === 0 ? 'Enabled' : 'Disabled')) });
gpu(['compute_mode'], { header: 'compute_mode', value: text(() => 'Default') });
gpu(['pstate'], { header: 'pstate', value: text((g) => g.pstate) });
gpu(['fan.speed'], { header: 'fan.speed', unit: '%', value: text((g) => g.fanPct) });
gpu(['memory.total'], { header: 'memory.total', unit: 'MiB', value: text((g) => g.totalMiB) });
gpu(['memory.reserved'], { header: 'memory.reserved', unit: 'MiB', value: text((g) => g.reservedMiB) });
gpu(['memory.used'], { header: 'memory.used', unit: 'MiB', value: text((g) => g.usedMiB) });
gpu(['memory.free'], { header: 'memory.free', unit: 'MiB', value: text((g) => g.freeMiB) });
gpu(['utilization.gpu'], { header: 'utilization.gpu', unit: '%', value: text((g) => g.utilGpu) });
gpu(['utilization.memory'], { header: 'utilization.memory', unit: '%', value: text((g) => g.utilMem) });
gpu(['temperature.gpu'], { header: 'temperature.gpu', value: text((g) => g.tempC) });
gpu(['temperature.memory'], { header: 'temperature.memory', value: text(() => 'N/A') });
for (const name of ['power.draw', 'power.draw.average', 'power.draw.instant']) {
  gpu([name], { header: name, unit: 'W', value: text((g) => g.powerDraw.toFixed(2)) });
}
for (const name of ['power.limit', 'enforced.power.limit', 'power.default_limit', 'power.max_limit']) {
  gpu([name], { header: name, unit: 'W', value: text((g) => g.powerLimit.toFixed(2)) });
}
gpu(['power.min_limit'], { header: 'power.min_limit', unit: 'W', value: text(() => '150.00') });
gpu(['clocks.gr', 'clocks.current.graphics'], { header: 'clocks.current.graphics', unit: 'MHz', value: text((g) => g.clockGraphics) });
gpu(['clocks.sm', 'clocks.current.sm'], { header: 'clocks.current.sm', unit: 'MHz', value: text((g) => g.clockGraphics) });
gpu(['clocks.mem', 'clocks.current.memory'], { header: 'clocks.current.memory', unit: 'MHz', value: text((g) => g.clockMem) });
gpu(['clocks.max.gr', 'clocks.max.graphics'], { header: 'clocks.max.graphics', unit: 'MHz', value: text(() => 3105) });
gpu(['clocks.max.mem', 'clocks.max.memory'], { header: 'clocks.max.memory', unit: 'MHz', value: text(() => 11201) });
gpu(['pcie.link.gen.current'], { header: 'pcie.link.gen.current', value: text((g) => (g.pstate === 'P8' ? 1 : 4)) });
gpu(['pcie.link.gen.max'], { header: 'pcie.link.gen.max', value: text(() => 4) });
gpu(['pcie.link.width.current'], { header: 'pcie.link.width.current', value: text(() => 16) });

type AppRow = { process: GpuProcess; gpu: GpuSnapshot };
const APP_FIELDS: Record<string, Field<AppRow>> = {};
function app(names: string[], field: Field<AppRow>): void {
  for (const name of names) APP_FIELDS[name] = field;
}
app(['timestamp'], { header: 'timestamp', value: (_, s) => csvTimestamp(s.timestamp) });
app(['gpu_name'], { header: 'gpu_name', value: (r) => r.gpu.name });
app(['gpu_bus_id'], { header: 'gpu_bus_id', value: (r) => r.gpu.busId });
app(['gpu_serial'], { header: 'gpu_serial', value: (r) => r.gpu.serial });
app(['gpu_uuid'], { header: 'gpu_uuid', value: (r) => r.gpu.uuid });
app(['pid'], { header: 'pid', value: (r) => String(r.process.pid) });
app(['process_name', 'name'], { header: 'process_name', value: (r) => r.process.name });
app(['used_gpu_memory', 'used_memory'], { header: 'used_gpu_memory', unit: 'MiB', value: (r) => String(r.process.usedMiB) });

export interface CsvFormat {
  header: boolean;
  units: boolean;
}

/** Parses "csv,noheader,nounits"; undefined when it is not a CSV format. */
export function parseFormat(spec: string): CsvFormat | undefined {
  const parts = spec.split(',').map((p) => p.trim());
  if (parts[0] !== 'csv') return undefined;
  return { header: !parts.includes('noheader'), units: !parts.includes('nounits') };
}

function resolve<T>(table: Record<string, Field<T>>, list: string): Field<T>[] {
  return list.split(',').map((n) => n.trim()).filter(Boolean).map((name) => {
    const field = table[name];
    if (!field) throw new InvalidFieldError(name);
    return field;
  });
}

function lines<T>(fields: Field<T>[], rows: T[], snapshot: SmiSnapshot, format: CsvFormat, withHeader: boolean): string[] {
  const out: string[] = [];
  // The header keeps its [unit] even with nounits, as the real tool does.
  if (format.header && withHeader) out.push(fields.map((f) => (f.unit ? `${f.header} [${f.unit}]` : f.header)).join(', '));
  for (const row of rows) {
    out.push(fields.map((f) => {
      const value = f.value(row, snapshot);
      return format.units && f.unit && value !== 'N/A' ? `${value} ${f.unit}` : value;
    }).join(', '));
  }
  return out;
}

/** Validates the field list up front so a bad field fails before any output. */
export function checkGpuFields(list: string): void {
  resolve(GPU_FIELDS, list);
}

export function checkAppFields(list: string): void {
  resolve(APP_FIELDS, list);
}

export function queryGpu(list: string, snapshot: SmiSnapshot, format: CsvFormat, withHeader: boolean): string[] {
  return lines(resolve(GPU_FIELDS, list), snapshot.gpus, snapshot, format, withHeader);
}

/** Compute processes only (type C), like the real --query-compute-apps. */
export function queryApps(list: string, snapshot: SmiSnapshot, format: CsvFormat, withHeader: boolean): string[] {
  const rows = snapshot.gpus.flatMap((g) => g.processes.filter((p) => p.type === 'C').map((process) => ({ process, gpu: g })));
  return lines(resolve(APP_FIELDS, list), rows, snapshot, format, withHeader);
}
