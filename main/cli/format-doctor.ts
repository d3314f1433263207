import type { DoctorReport } from '../system/schema';

const gigabytes = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;
const mark = (ok: boolean): string => (ok ? 'ok  ' : 'FAIL');

/** The doctor's findings as a person reads them in a terminal. */
export function formatDoctor(report: DoctorReport): string {
  const { engine, gpu, database } = report;
  const lines = [`Talent Workstation ${report.appVersion}, data folder ${report.dataDir}`, ''];
  if (engine.reachable) {
    lines.push(`Engine    ${mark(true)} Ollama ${engine.version ?? '?'} at ${engine.host}`);
    const installed = engine.installed.map((model) => `${model.name} (${gigabytes(model.sizeBytes)})`).join(', ');
    lines.push(`          installed: ${installed || 'none (pull one from the Models page)'}`);
    const loaded = engine.loaded.map((model) => `${model.name} (${Math.round((100 * model.vramBytes) / Math.max(1, model.sizeBytes))}% in VRAM)`).join(', ');
    lines.push(`          loaded:    ${loaded || 'none'}`);
  } else {
    lines.push(`Engine    ${mark(false)} ${engine.problem ?? 'unreachable'}`);
  }
  if (gpu.present) {
    lines.push(
      `GPU       ${mark(true)} ${gpu.name ?? 'NVIDIA GPU'}: ${gpu.vramUsedMiB ?? '?'} of ${gpu.vramTotalMiB ?? '?'} MiB VRAM used` +
        (gpu.driverVersion ? ` (driver ${gpu.driverVersion})` : ''),
    );
  } else {
    lines.push(`GPU       ${mark(false)} ${gpu.problem ?? 'not found'}`);
  }
  const upToDate = database.schemaVersion === database.appSchemaVersion;
  lines.push(
    `Database  ${mark(upToDate)} ${database.path}`,
    `          schema ${database.schemaVersion} of ${database.appSchemaVersion}, SQLite ${database.sqliteVersion}, ` +
      `sqlite-vec ${database.vecVersion ?? 'missing'}, journal ${database.journalMode}`,
  );
  return lines.join('\n');
}
