// `nvidia-smi -q -x`: the XML report under the element names of nvsmi_device_v12.dtd, as the
// 550 driver prints it (tab-indented, units inside the text), for parsers like node-nvidia-smi.
import type { GpuProcess, GpuSnapshot, SmiSnapshot } from './gpu.js';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** C's asctime layout, which nvidia-smi uses for <timestamp>: "Fri Oct 11 18:24:09 2024". */
export function asctime(date: Date): string {
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getMonth()];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${day} ${month} ${String(date.getDate()).padStart(2, ' ')} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${date.getFullYear()}`;
}

type Node = [string, string | Node[]];

function render(nodes: Node[], depth: number): string {
  const tabs = '\t'.repeat(depth);
  return nodes.map(([tag, value]) => (typeof value === 'string'
    ? `${tabs}<${tag}>${esc(value)}</${tag}>\n`
    : `${tabs}<${tag}>\n${render(value, depth + 1)}${tabs}</${tag}>\n`)).join('');
}

function processNode(p: GpuProcess): Node {
  return ['process_info', [
    ['gpu_instance_id', 'N/A'], ['compute_instance_id', 'N/A'], ['pid', String(p.pid)], ['type', p.type],
    ['process_name', p.name], ['used_memory', `${p.usedMiB} MiB`],
  ]];
}

function gpuNodes(g: GpuSnapshot): Node[] {
  const watts = (w: number): string => `${w.toFixed(2)} W`;
  const [domain = '00000000', bus = '01'] = g.busId.split(':');
  return [
    ['product_name', g.name], ['product_brand', 'GeForce'], ['product_architecture', 'Ada Lovelace'],
    ['display_mode', g.index === 0 ? 'Enabled' : 'Disabled'], ['display_active', g.index === 0 ? 'Enabled' : 'Disabled'],
    ['persistence_mode', 'Enabled'], ['addressing_mode', 'None'],
    ['mig_mode', [['current_mig', 'N/A'], ['pending_mig', 'N/A']]],
    ['mig_devices', 'None'], ['accounting_mode', 'Disabled'], ['accounting_mode_buffer_size', '4000'],
    ['driver_model', [['current_dm', 'N/A'], ['pending_dm', 'N/A']]],
    ['serial', g.serial], ['uuid', g.uuid], ['minor_number', String(g.index)], ['vbios_version', g.vbios],
    ['multigpu_board', 'No'], ['board_id', `0x${bus}00`], ['gpu_part_number', '2704-300-A1'],
    ['pci', [
      ['pci_bus', bus], ['pci_device', '00'], ['pci_domain', domain.slice(-4)], ['pci_device_id', '270410DE'],
      ['pci_bus_id', g.busId], ['pci_sub_system_id', '167C10DE'],
      ['pci_gpu_link_info', [
        ['pcie_gen', [['max_link_gen', '4'], ['current_link_gen', g.pstate === 'P8' ? '1' : '4'], ['device_current_link_gen', '4'], ['max_device_link_gen', '4'], ['max_host_link_gen', '4']]],
        ['link_widths', [['max_link_width', '16x'], ['current_link_width', '16x']]],
      ]],
    ]],
    ['fan_speed', `${g.fanPct} %`], ['performance_state', g.pstate],
    ['fb_memory_usage', [['total', `${g.totalMiB} MiB`], ['reserved', `${g.reservedMiB} MiB`], ['used', `${g.usedMiB} MiB`], ['free', `${g.freeMiB} MiB`]]],
    ['bar1_memory_usage', [['total', '256 MiB'], ['used', '3 MiB'], ['free', '253 MiB']]],
    ['cc_protected_memory_usage', [['total', '0 MiB'], ['used', '0 MiB'], ['free', '0 MiB']]],
    ['compute_mode', 'Default'],
    ['utilization', [['gpu_util', `${g.utilGpu} %`], ['memory_util', `${g.utilMem} %`], ['encoder_util', '0 %'], ['decoder_util', '0 %'], ['jpeg_util', '0 %'], ['ofa_util', '0 %']]],
    ['temperature', [
      ['gpu_temp', `${g.tempC} C`], ['gpu_temp_tlimit', `${83 - g.tempC} C`], ['gpu_temp_max_threshold', '90 C'],
      ['gpu_temp_slow_threshold', '87 C'], ['gpu_temp_max_gpu_threshold', '83 C'], ['gpu_target_temperature', '83 C'],
      ['memory_temp', 'N/A'], ['gpu_temp_max_mem_threshold', 'N/A'],
    ]],
    ['gpu_power_readings', [
      ['power_state', g.pstate], ['power_draw', watts(g.powerDraw)], ['current_power_limit', watts(g.powerLimit)],
      ['requested_power_limit', watts(g.powerLimit)], ['default_power_limit', watts(g.powerLimit)],
      ['min_power_limit', watts(150)], ['max_power_limit', watts(g.powerLimit)],
    ]],
    ['clocks', [['graphics_clock', `${g.clockGraphics} MHz`], ['sm_clock', `${g.clockGraphics} MHz`], ['mem_clock', `${g.clockMem} MHz`], ['video_clock', `${g.pstate === 'P8' ? 1185 : 2160} MHz`]]],
    ['max_clocks', [['graphics_clock', '3105 MHz'], ['sm_clock', '3105 MHz'], ['mem_clock', '11201 MHz'], ['video_clock', '2415 MHz']]],
    ['processes', g.processes.map(processNode)],
    ['accounted_processes', ''],
  ];
}

export function renderXml(snapshot: SmiSnapshot): string {
  const head = '<?xml version="1.0" ?>\n<!DOCTYPE nvidia_smi_log SYSTEM "nvsmi_device_v12.dtd">\n<nvidia_smi_log>\n'
    + render([
      ['timestamp', asctime(snapshot.timestamp)], ['driver_version', snapshot.driverVersion],
      ['cuda_version', snapshot.cudaVersion], ['attached_gpus', String(snapshot.gpus.length)],
    ], 1);
  const gpus = snapshot.gpus.map((g) => `\t<gpu id="${esc(g.busId)}">\n${render(gpuNodes(g), 2)}\t</gpu>\n`).join('');
  return `${head}${gpus}</nvidia_smi_log>\n`;
}
