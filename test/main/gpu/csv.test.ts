import { describe, expect, it } from 'vitest';
import { CSV_FORMAT, DEVICE_FIELDS, parseDevices, parseProcesses, parseSampleLine, PROCESS_FIELDS, SAMPLE_FIELDS } from '../../../main/gpu/csv';
import { runNvidiaSmi } from '../../support/harness';

describe('nvidia-smi CSV parsing', () => {
  it('reads a sample line as the stand-in prints it for the fields the sampler asks', async () => {
    const result = await runNvidiaSmi([`--query-gpu=${SAMPLE_FIELDS}`, CSV_FORMAT], { OLLAMA_HOST: '127.0.0.1:9' });
    expect(result.code).toBe(0);
    const reading = parseSampleLine(result.stdout.trim());
    expect(reading).toEqual({
      index: 0,
      vramUsedMiB: 600,
      vramTotalMiB: 16376,
      utilizationPercent: expect.any(Number),
      temperatureC: 37,
      powerDrawW: 13.87,
      powerLimitW: 320,
    });
  });

  it('takes N/A and its bracketed forms as null, and ignores lines that are not samples', () => {
    expect(parseSampleLine('0, 812, 8192, [N/A], 45, [Not Supported], N/A')).toEqual({
      index: 0,
      vramUsedMiB: 812,
      vramTotalMiB: 8192,
      utilizationPercent: null,
      temperatureC: 45,
      powerDrawW: null,
      powerLimitW: null,
    });
    expect(parseSampleLine('index, memory.used [MiB], memory.total [MiB], a, b, c, d')).toBeNull();
    expect(parseSampleLine('Field "memory.usd" is not a valid field to query.')).toBeNull();
    expect(parseSampleLine('')).toBeNull();
    expect(parseSampleLine('0, , 1, 2, 3, 4, 5')?.vramUsedMiB).toBeNull();
  });

  it('lists the devices, names with commas included', async () => {
    const result = await runNvidiaSmi([`--query-gpu=${DEVICE_FIELDS}`, CSV_FORMAT], { NVIDIA_SMI_STANDIN_GPU_COUNT: '2', OLLAMA_HOST: '127.0.0.1:9' });
    const devices = parseDevices(result.stdout);
    expect(devices).toHaveLength(2);
    expect(devices[0]).toMatchObject({ index: 0, name: 'NVIDIA GeForce RTX 4080', driverVersion: '550.54.14', vramTotalMiB: 16376 });
    expect(devices[1]?.index).toBe(1);
    expect(parseDevices('0, GPU-abc, Odd, Name, Inc, 535.1, 24564\n')).toEqual([
      { index: 0, uuid: 'GPU-abc', name: 'Odd, Name, Inc', driverVersion: '535.1', vramTotalMiB: 24564 },
    ]);
  });

  it('keeps the processes of the watched GPU only, largest first, with odd names intact', () => {
    const output = [
      'GPU-a, 4242, /usr/local/bin/ollama, 5205',
      'GPU-b, 5151, python3, 900',
      'GPU-a, 77, /opt/my, app/run, 120',
      'GPU-a, 88, C:\\Windows\\app.exe, [N/A]',
      '',
    ].join('\n');
    expect(parseProcesses(output, 'GPU-a')).toEqual([
      { pid: 4242, name: '/usr/local/bin/ollama', usedMiB: 5205 },
      { pid: 77, name: '/opt/my, app/run', usedMiB: 120 },
      { pid: 88, name: 'C:\\Windows\\app.exe', usedMiB: null },
    ]);
  });

  it('asks the stand-in for compute processes with fields it accepts', async () => {
    const result = await runNvidiaSmi([`--query-compute-apps=${PROCESS_FIELDS}`, CSV_FORMAT], { NVIDIA_SMI_STANDIN_EXTRA_MIB: '900', OLLAMA_HOST: '127.0.0.1:9' });
    expect(result.code).toBe(0);
    const devices = parseDevices((await runNvidiaSmi([`--query-gpu=${DEVICE_FIELDS}`, CSV_FORMAT], { OLLAMA_HOST: '127.0.0.1:9' })).stdout);
    expect(parseProcesses(result.stdout, devices[0]!.uuid)).toEqual([{ pid: 51002, name: 'python3', usedMiB: 900 }]);
  });
});
