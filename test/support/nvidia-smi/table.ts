// The human outputs: plain `nvidia-smi` (the summary table), `-L` and `-q`. Tools probing for
// a GPU often run these, so their shape follows the 550 driver's closely enough to read.
import type { SmiSnapshot } from './gpu.js';
import { asctime } from './xml.js';

export function listGpus(snapshot: SmiSnapshot): string {
  return snapshot.gpus.map((g) => `GPU ${g.index}: ${g.name} (UUID: ${g.uuid})\n`).join('');
}

export function summaryTable(snapshot: SmiSnapshot): string {
  const rule = '+-----------------------------------------------------------------------------------------+';
  const sep = '|-----------------------------------------+------------------------+----------------------+';
  const out = [
    asctime(snapshot.timestamp), rule,
    `| NVIDIA-SMI ${snapshot.driverVersion.padEnd(22)}Driver Version: ${snapshot.driverVersion.padEnd(15)}CUDA Version: ${snapshot.cudaVersion.padEnd(10)}|`,
    sep,
    '| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |',
    '| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |',
    '|=========================================+========================+======================|',
  ];
  for (const g of snapshot.gpus) {
    const left1 = `| ${String(g.index).padStart(3)}  ${g.name.slice(0, 25).padEnd(25)}      On  |`;
    const right1 = `   ${g.busId} ${(g.index === 0 ? 'On' : 'Off').padStart(3)} |                  N/A |`;
    const power = `${Math.round(g.powerDraw)}W / ${String(g.powerLimit).padStart(4)}W`;
    const left2 = `|${`${g.fanPct}%`.padStart(4)}${`${g.tempC}C`.padStart(6)}${g.pstate.padStart(6)}${power.padStart(24)} |`;
    const memory = `${g.usedMiB}MiB / ${g.totalMiB}MiB`;
    const right2 = ` ${memory.padStart(22)} | ${`${g.utilGpu}%`.padStart(7)}      Default |`;
    out.push(left1 + right1, left2 + right2, '+-----------------------------------------+------------------------+----------------------+');
  }
  out.push('', rule,
    '| Processes:                                                                              |',
    '|  GPU   GI   CI        PID   Type   Process name                              GPU Memory |',
    '|        ID   ID                                                               Usage      |',
    '|=========================================================================================|');
  for (const g of snapshot.gpus) {
    for (const p of g.processes) {
      out.push(`| ${String(g.index).padStart(4)}   N/A  N/A ${String(p.pid).padStart(10)}      ${p.type}   ${p.name.slice(0, 40).padEnd(40)} ${`${p.usedMiB}MiB`.padStart(10)} |`);
    }
  }
  out.push(rule);
  return `${out.join('\n')}\n`;
}

/** `-q`: the verbose report, main sections only. */
export function queryText(snapshot: SmiSnapshot): string {
  const row = (indent: number, key: string, value: string | number): string =>
    `${' '.repeat(indent)}${key.padEnd(42 - indent)}: ${value}`;
  const out = ['', '==============NVSMI LOG==============', '',
    row(0, 'Timestamp', asctime(snapshot.timestamp)), row(0, 'Driver Version', snapshot.driverVersion),
    row(0, 'CUDA Version', snapshot.cudaVersion), '', row(0, 'Attached GPUs', snapshot.gpus.length)];
  for (const g of snapshot.gpus) {
    out.push(`GPU ${g.busId}`, row(4, 'Product Name', g.name), row(4, 'GPU UUID', g.uuid),
      row(4, 'Fan Speed', `${g.fanPct} %`), row(4, 'Performance State', g.pstate),
      '    FB Memory Usage', row(8, 'Total', `${g.totalMiB} MiB`), row(8, 'Reserved', `${g.reservedMiB} MiB`),
      row(8, 'Used', `${g.usedMiB} MiB`), row(8, 'Free', `${g.freeMiB} MiB`),
      '    Utilization', row(8, 'Gpu', `${g.utilGpu} %`), row(8, 'Memory', `${g.utilMem} %`),
      '    Temperature', row(8, 'GPU Current Temp', `${g.tempC} C`),
      '    GPU Power Readings', row(8, 'Power Draw', `${g.powerDraw.toFixed(2)} W`),
      row(8, 'Current Power Limit', `${g.powerLimit.toFixed(2)} W`), '    Processes');
    for (const p of g.processes) {
      out.push(row(8, 'Process ID', p.pid), row(12, 'Type', p.type), row(12, 'Name', p.name), row(12, 'Used GPU Memory', `${p.usedMiB} MiB`));
    }
    if (g.processes.length === 0) out[out.length - 1] = row(4, 'Processes', 'None');
  }
  return `${out.join('\n')}\n\n`;
}
