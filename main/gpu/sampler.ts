import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { CSV_FORMAT, DEVICE_FIELDS, parseDevices, parseProcesses, parseSampleLine, PROCESS_FIELDS, SAMPLE_FIELDS, type GpuReading } from './csv';
import { describeGpuFailure } from './probe';
import type { GpuDevice, GpuProcess } from './schema';

/**
 * Reads the GPU through one long-lived `nvidia-smi --query-gpu=... -lms <interval>` child: the
 * driver is asked once a tick by a process that is already running, and each line costs this
 * process a split and seven Number() calls. The per-process table, which changes slowly, is a
 * separate short `--query-compute-apps` call every few seconds. The child is supervised: a child
 * that dies or stalls is started again with backoff, a bounded number of times in a row; with
 * no driver the sampler says why and looks again once a minute. Ticks keep coming without a GPU
 * (reading null) so system RAM is still sampled.
 */

export const MIN_INTERVAL_MS = 250;
export const MAX_INTERVAL_MS = 60_000;

export interface SamplerStatus {
  available: boolean;
  /** Why there is no GPU to watch, in words a person can act on; null while available or not yet known. */
  problem: string | null;
  device: GpuDevice | null;
  gpuCount: number;
  pid: number | null;
  intervalMs: number;
  restarts: number;
}

export interface NvidiaSmiSamplerOptions {
  /** The nvidia-smi executable: a name looked up on PATH, or a path. */
  command: string;
  env: NodeJS.ProcessEnv;
  /** Read at every tick, so a changed setting takes effect within one interval. */
  intervalMs: () => number;
  now: () => number;
  /** Which GPU to watch when there are several (nvidia-smi's index); default 0, else the first. */
  gpuIndex?: number;
  /** How often the per-process table is looked at; default 5 s. It is read only when VRAM use changed since the last read, or that read is older than processMaxAgeMs. */
  processIntervalMs?: number;
  /** Longest the table goes unread while VRAM use stays the same; default 60 s. */
  processMaxAgeMs?: number;
  /** How often a machine without a usable GPU is looked at again; default 60 s. */
  redetectMs?: number;
  /** First restart delay, doubled for each failure in a row up to 30 s; default 1 s. */
  restartBaseMs?: number;
  /** Failures in a row before sampling pauses until the next detection; default 5. */
  maxRestarts?: number;
  /** A child that lived this long before stopping starts the failure count afresh; default 30 s. */
  stableMs?: number;
  onTick: (reading: GpuReading | null) => void;
  onStatus: (status: SamplerStatus) => void;
  onProcesses: (processes: GpuProcess[], at: number) => void;
}

const COMMAND_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 3_000;
const MAX_RESTART_DELAY_MS = 30_000;
const STREAMING_HEARTBEAT_MS = 2_000;

export const clampInterval = (value: number): number =>
  Number.isFinite(value) ? Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, Math.round(value))) : 1000;

/** A line stalls the child when nothing has come for five intervals (and at least 10 s). */
const stallMsFor = (intervalMs: number): number => Math.max(10_000, 5 * intervalMs);

interface RunningChild {
  process: ChildProcess;
  device: GpuDevice;
  intervalMs: number;
  startedAt: number;
  lastLineAt: number;
  /** Killed on purpose to start again at a new interval: no failure, no backoff. */
  replacing: boolean;
  /** The last output that was not a sample line, and stderr: the reason when it dies. */
  unparsed: string;
  exited: Promise<void>;
}

export class NvidiaSmiSampler {
  private running = false;
  /** Bumped by every start, so work begun before a stop never lands after the next start. */
  private generation = 0;
  private abort: AbortController | null = null;
  private child: RunningChild | null = null;
  private failures = 0;
  private lastTickAt = Number.NEGATIVE_INFINITY;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private processTimer: NodeJS.Timeout | null = null;
  private pollingProcesses = false;
  private status: SamplerStatus;
  private readonly gpuIndex: number;
  private readonly processIntervalMs: number;
  private readonly processMaxAgeMs: number;
  /** VRAM used by the latest line, and when and at what VRAM use the table was last read. */
  private latestVramMiB: number | null = null;
  private tableVramMiB: number | null = null;
  private tableReadAt = Number.NEGATIVE_INFINITY;
  private readonly redetectMs: number;
  private readonly restartBaseMs: number;
  private readonly maxRestarts: number;
  private readonly stableMs: number;

  constructor(private readonly options: NvidiaSmiSamplerOptions) {
    this.gpuIndex = options.gpuIndex ?? 0;
    this.processIntervalMs = options.processIntervalMs ?? 5_000;
    this.processMaxAgeMs = options.processMaxAgeMs ?? 60_000;
    this.redetectMs = options.redetectMs ?? 60_000;
    this.restartBaseMs = options.restartBaseMs ?? 1_000;
    this.maxRestarts = options.maxRestarts ?? 5;
    this.stableMs = options.stableMs ?? 30_000;
    this.status = { available: false, problem: null, device: null, gpuCount: 0, pid: null, intervalMs: this.interval(), restarts: 0 };
  }

  current(): SamplerStatus {
    return { ...this.status };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.generation += 1;
    this.tableReadAt = Number.NEGATIVE_INFINITY;
    this.abort = new AbortController();
    this.failures = 0;
    this.scheduleHeartbeat();
    void this.detect();
  }

  /** Ends the child (SIGTERM, then SIGKILL after a grace period) and every timer; resolves once it is gone. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.abort?.abort();
    for (const timer of [this.heartbeatTimer, this.retryTimer, this.processTimer]) if (timer) clearTimeout(timer);
    this.heartbeatTimer = this.retryTimer = this.processTimer = null;
    const child = this.child;
    this.child = null;
    this.setStatus({ pid: null });
    if (child === null) return;
    child.process.kill('SIGTERM');
    const force = setTimeout(() => child.process.kill('SIGKILL'), STOP_GRACE_MS);
    await child.exited;
    clearTimeout(force);
  }

  private interval(): number {
    return clampInterval(this.options.intervalMs());
  }

  private setStatus(patch: Partial<SamplerStatus>): void {
    const next = { ...this.status, ...patch };
    const changed = (Object.keys(patch) as Array<keyof SamplerStatus>).some((key) => JSON.stringify(this.status[key]) !== JSON.stringify(next[key]));
    this.status = next;
    if (changed) this.options.onStatus(this.current());
  }

  private run(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        this.options.command,
        args,
        { env: this.options.env, timeout: COMMAND_TIMEOUT_MS, windowsHide: true, signal: this.abort?.signal },
        (error, stdout) => {
          if (error === null) resolve(stdout);
          else if ((error as { killed?: boolean }).killed) reject(new Error(`nvidia-smi did not answer within ${COMMAND_TIMEOUT_MS / 1000} s`));
          else reject(Object.assign(error, { message: `${error.message}\n${stdout}`.trim() }));
        },
      );
    });
  }

  private async detect(): Promise<void> {
    this.retryTimer = null;
    const generation = this.generation;
    const current = (): boolean => this.running && this.generation === generation;
    let devices: GpuDevice[];
    try {
      devices = parseDevices(await this.run([`--query-gpu=${DEVICE_FIELDS}`, CSV_FORMAT]));
    } catch (error) {
      if (current()) this.becomeUnavailable(describeGpuFailure(error));
      return;
    }
    if (!current()) return;
    const device = devices.find((candidate) => candidate.index === this.gpuIndex) ?? devices[0];
    if (device === undefined) {
      this.becomeUnavailable('No NVIDIA GPU found (nvidia-smi lists none): models run on the CPU, more slowly.');
      return;
    }
    this.setStatus({ available: true, problem: null, device, gpuCount: devices.length });
    this.startChild(device);
  }

  private becomeUnavailable(problem: string): void {
    this.tableReadAt = Number.NEGATIVE_INFINITY;
    this.setStatus({ available: false, problem, device: null, gpuCount: 0, pid: null });
    this.retryTimer = setTimeout(() => void this.detect(), this.redetectMs);
    this.retryTimer.unref();
  }

  private startChild(device: GpuDevice): void {
    const intervalMs = this.interval();
    const args = ['-i', String(device.index), `--query-gpu=${SAMPLE_FIELDS}`, CSV_FORMAT, '-lms', String(intervalMs)];
    const proc = spawn(this.options.command, args, { env: this.options.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const now = this.options.now();
    let resolveExited = (): void => {};
    const child: RunningChild = {
      process: proc,
      device,
      intervalMs,
      startedAt: now,
      lastLineAt: now,
      replacing: false,
      unparsed: '',
      exited: new Promise<void>((resolve) => (resolveExited = resolve)),
    };
    this.child = child;
    let partial = '';
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.onLine(child, line);
    });
    proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      child.unparsed = (child.unparsed + chunk).slice(-500);
    });
    let ended = false;
    const end = (how: string): void => {
      if (ended) return;
      ended = true;
      resolveExited();
      this.onChildEnd(child, how);
    };
    proc.once('error', (error) => end(describeGpuFailure(error)));
    proc.once('close', (code, signal) => end(code !== null ? `exit code ${code}` : `signal ${signal ?? 'unknown'}`));
    this.setStatus({ pid: proc.pid ?? null, intervalMs });
    if (this.processTimer) clearTimeout(this.processTimer);
    this.scheduleProcessPoll();
  }

  private onLine(child: RunningChild, line: string): void {
    const reading = parseSampleLine(line.trimEnd());
    if (reading === null) {
      if (line.trim() !== '') child.unparsed = `${child.unparsed}\n${line}`.slice(-500);
      return;
    }
    if (this.child !== child) return;
    child.lastLineAt = this.lastTickAt = this.options.now();
    this.latestVramMiB = reading.vramUsedMiB;
    this.options.onTick(reading);
    // The first line of a fresh start reads the table at once rather than at the next poll.
    if (this.tableReadAt === Number.NEGATIVE_INFINITY) void this.pollProcesses();
  }

  private onChildEnd(child: RunningChild, how: string): void {
    if (this.child !== child) return; // stopped, or already replaced
    this.child = null;
    this.setStatus({ pid: null });
    if (!this.running) return;
    this.scheduleHeartbeat(); // back to one tick an interval until a child streams again
    if (child.replacing) {
      this.startChild(child.device);
      return;
    }
    const lived = this.options.now() - child.startedAt;
    this.failures = lived >= this.stableMs ? 1 : this.failures + 1;
    const output = child.unparsed.trim().split('\n').pop() ?? '';
    const reason = output === '' ? how : `${how}: ${output}`;
    if (this.failures > this.maxRestarts) {
      this.failures = 0;
      this.becomeUnavailable(`nvidia-smi keeps stopping (${reason}): GPU sampling is paused and tried again every minute.`);
      return;
    }
    const delay = Math.min(MAX_RESTART_DELAY_MS, this.restartBaseMs * 2 ** (this.failures - 1));
    this.setStatus({ restarts: this.status.restarts + 1 });
    // Detect again rather than respawn: if the driver went away, that gives the right reason.
    this.retryTimer = setTimeout(() => void this.detect(), delay);
    this.retryTimer.unref();
  }

  /**
   * Every interval while there is no child to deliver ticks; while one streams, the heartbeat only
   * watches it (interval change, stall), which needs no more than one wake-up every 2 s.
   */
  private scheduleHeartbeat(): void {
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    const interval = this.interval();
    const delay = this.child === null ? interval : Math.max(interval, STREAMING_HEARTBEAT_MS);
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = null;
      this.beat();
      if (this.running) this.scheduleHeartbeat();
    }, delay);
    this.heartbeatTimer.unref();
  }

  /**
   * Applies a changed interval now (the child is started again at the new rate) rather than at
   * the next heartbeat; the service calls it when settings change.
   */
  refresh(): void {
    if (this.running) this.watchChild(this.options.now(), this.interval());
  }

  /** Restarts a child running at an old interval, and kills one that stopped delivering. */
  private watchChild(now: number, interval: number): void {
    const child = this.child;
    if (child === null || child.replacing) return;
    if (child.intervalMs !== interval) {
      child.replacing = true;
      child.process.kill('SIGTERM');
    } else if (now - child.lastLineAt > stallMsFor(interval)) {
      child.unparsed = `${child.unparsed}\nno reading for ${Math.round((now - child.lastLineAt) / 1000)} s`;
      child.process.kill('SIGKILL');
    }
  }

  /** Watches the child, and ticks without a GPU reading when no child is delivering (no GPU, or between restarts). */
  private beat(): void {
    const now = this.options.now();
    const interval = this.interval();
    this.watchChild(now, interval);
    if (this.status.intervalMs !== interval) this.setStatus({ intervalMs: interval });
    if (this.child === null || now - this.lastTickAt >= 2.5 * interval) {
      this.lastTickAt = now;
      this.options.onTick(null);
    }
  }

  private scheduleProcessPoll(): void {
    this.processTimer = setTimeout(() => {
      this.processTimer = null;
      // Spawning the query costs more than everything else the sampler does, so it runs only
      // when VRAM use moved (a process came, went or grew) or the table has grown old.
      const stale = this.latestVramMiB !== this.tableVramMiB || this.options.now() - this.tableReadAt >= this.processMaxAgeMs;
      void (stale ? this.pollProcesses() : Promise.resolve()).then(() => {
        // A child started meanwhile has scheduled its own poll.
        if (this.running && this.child !== null && this.processTimer === null) this.scheduleProcessPoll();
      });
    }, this.processIntervalMs);
    this.processTimer.unref();
  }

  private async pollProcesses(): Promise<void> {
    const device = this.status.device;
    if (device === null || this.pollingProcesses || !this.running) return;
    const generation = this.generation;
    this.pollingProcesses = true;
    const vramAtRead = this.latestVramMiB;
    try {
      const output = await this.run([`--query-compute-apps=${PROCESS_FIELDS}`, CSV_FORMAT]);
      if (this.running && this.generation === generation && this.status.device?.uuid === device.uuid) {
        this.tableVramMiB = vramAtRead;
        this.tableReadAt = this.options.now();
        this.options.onProcesses(parseProcesses(output, device.uuid), this.tableReadAt);
      }
    } catch {
      // The table stays as it was; whether the GPU is there is the stream's call, not this one's.
    } finally {
      this.pollingProcesses = false;
    }
  }
}
