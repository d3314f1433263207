import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Settings } from '../../settings/schema';
import { findOllamaBinary, usualInstallPlaces } from './find-binary';
import { changedVariables, hostPortOf, isLocalHost, ollamaEnvFor, type OllamaEnv } from './ollama-env';
import { RotatingLog } from './rotating-log';
import type { SupervisorState } from './schema';

export interface SupervisorOptions {
  host: () => string;
  settings: () => Settings;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
  maxRestarts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How often an attached server is checked, so the app can take over if it goes away. */
  attachedCheckMs?: number;
  onState?: (state: SupervisorState) => void;
  onRestarted?: (reason: string) => void;
  /** Whether a server answers at the host; replaceable so tests never reach beyond loopback. */
  ping?: (host: string, timeoutMs?: number) => Promise<boolean>;
  /** Whether the port is held at all; replaceable like `ping`. */
  listening?: (host: string) => Promise<boolean>;
}

const installHint =
  'Install it from https://ollama.com/download, or set OLLAMA_BIN to the ollama program, or OLLAMA_HOST to a running server. ' +
  'Features with a non-LLM fallback keep working meanwhile.';

export async function answers(host: string, timeoutMs = 1500): Promise<boolean> {
  try {
    const response = await fetch(`${host}/api/version`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Whether anything accepts connections at the host's port: a server too busy to answer is still there. */
export function somethingListens(host: string, timeoutMs = 1000): Promise<boolean> {
  const url = new URL(host);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Finds or starts Ollama and keeps it alive: attaches to a server already answering, otherwise
 * starts `ollama serve` with the analyst's settings, waits for it, logs its output to a rotating
 * file, restarts it with backoff a bounded number of times, and stops only what it started.
 */
export class OllamaSupervisor {
  private state: SupervisorState;
  private child: ChildProcess | null = null;
  private runningEnv: OllamaEnv = {};
  private terminating = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private watchTimer: NodeJS.Timeout | null = null;
  private healthySince = 0;
  private readonly log: RotatingLog;
  private readonly answers: (host: string, timeoutMs?: number) => Promise<boolean>;

  constructor(private readonly options: SupervisorOptions) {
    this.log = new RotatingLog(join(options.dataDir, 'logs', 'ollama.log'));
    this.answers = options.ping ?? answers;
    this.state = {
      mode: 'checking',
      host: options.host(),
      binary: null,
      pid: null,
      restarts: 0,
      message: null,
      logFile: this.log.path,
      restartNeeded: [],
      canRestart: false,
    };
  }

  current(): SupervisorState {
    return { ...this.state, restartNeeded: this.pendingChanges() };
  }

  /** Attach or start; resolves once the server answers or it is clear it cannot. */
  async start(): Promise<SupervisorState> {
    this.terminating = false;
    const host = this.options.host();
    this.update({ mode: 'checking', host, message: null });
    if (await this.answers(host)) {
      // The server's own variables cannot be read; the settings at attach time stand in for them,
      // so a later change still tells the analyst that their Ollama needs a restart.
      this.runningEnv = ollamaEnvFor(this.options.settings(), hostPortOf(host));
      this.update({ mode: 'attached', binary: null, pid: null, canRestart: false });
      this.watchAttached();
      return this.current();
    }
    // Something holds the port but did not answer in time (busy loading a model, say): starting a
    // second Ollama there would only fail on the taken port, so it is treated as attached.
    if (isLocalHost(host) && (await (this.options.listening ?? somethingListens)(host))) {
      this.runningEnv = ollamaEnvFor(this.options.settings(), hostPortOf(host));
      this.update({ mode: 'attached', binary: null, pid: null, canRestart: false, message: `Something at ${host} accepts connections but did not answer in time; it is treated as the running Ollama.` });
      this.watchAttached();
      return this.current();
    }
    if (!isLocalHost(host)) {
      this.update({ mode: 'remote-unreachable', message: `Ollama at ${host} does not answer. Start it there, or change the Ollama host in Settings.` });
      this.watchAttached();
      return this.current();
    }
    const lookup = findOllamaBinary(this.options.env ?? process.env);
    if (lookup.path === null) {
      // PATH under npm holds many tool folders; naming the installers' places is what helps a person.
      this.update({ mode: 'missing', message: `Ollama is not installed or not found (looked on PATH and in ${usualInstallPlaces().join(', ')}). ${installHint}` });
      this.watchAttached();
      return this.current();
    }
    await this.spawnServer(lookup.path);
    return this.current();
  }

  /** Applies changed settings by restarting a server the app started. */
  async restart(): Promise<SupervisorState> {
    if (!this.state.canRestart || this.state.binary === null) {
      throw new Error('Ollama was started outside the app: restart it yourself for new settings to apply.');
    }
    await this.stopChild();
    this.terminating = false;
    await this.spawnServer(this.state.binary);
    this.options.onRestarted?.('settings changed');
    return this.current();
  }

  /** Stops what the app started, never a server it attached to. Restarts are off from here on. */
  async stop(): Promise<void> {
    this.terminating = true;
    this.clearTimers();
    await this.stopChild();
    this.update({ mode: 'stopped', pid: null });
    this.log.close();
  }

  private async spawnServer(binary: string): Promise<void> {
    const host = this.options.host();
    const env = ollamaEnvFor(this.options.settings(), hostPortOf(host));
    this.update({ mode: 'starting', binary, canRestart: true, message: null });
    this.log.write(`\n--- ${new Date().toISOString()} starting ${binary} serve (${Object.entries(env).map(([key, value]) => `${key}=${value}`).join(' ')})\n`);
    const child = spawn(binary, ['serve'], { env: { ...(this.options.env ?? process.env), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.runningEnv = env;
    child.stdout?.on('data', (chunk: Buffer) => this.log.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.log.write(chunk));
    let exitedEarly = false;
    child.once('error', (error) => {
      // Spawning itself failed (not executable, say): there is no process to restart.
      exitedEarly = true;
      if (this.child === child) this.child = null;
      this.log.write(`--- could not start: ${error.message}\n`);
      this.update({ mode: 'failed', pid: null, message: `Could not start ${binary}: ${error.message}. ${installHint}` });
    });
    child.once('exit', (code, signal) => {
      exitedEarly = true;
      if (this.child === child) this.child = null;
      this.onExit(binary, code, signal);
    });
    this.update({ pid: child.pid ?? null });
    const deadline = Date.now() + (this.options.readyTimeoutMs ?? 30_000);
    while (!exitedEarly && Date.now() < deadline) {
      if (await this.answers(host, 1000)) {
        this.healthySince = Date.now();
        this.update({ mode: 'managed', message: null });
        return;
      }
      await delay(150);
    }
    if (!exitedEarly) {
      this.log.write('--- did not answer in time; stopping it\n');
      await this.stopChild();
      this.update({ mode: 'failed', message: `Ollama did not answer within ${Math.round((this.options.readyTimeoutMs ?? 30_000) / 1000)} s of starting. See ${this.log.path}.` });
    }
  }

  private onExit(binary: string, code: number | null, signal: NodeJS.Signals | null): void {
    this.log.write(`--- exited (code ${String(code)}, signal ${String(signal)})\n`);
    this.update({ pid: null });
    if (this.terminating) return;
    // A server that ran well for a while earns a fresh restart budget.
    if (this.healthySince > 0 && Date.now() - this.healthySince > 60_000) this.update({ restarts: 0 });
    this.healthySince = 0;
    const maxRestarts = this.options.maxRestarts ?? 5;
    if (this.state.restarts >= maxRestarts) {
      this.update({ mode: 'failed', message: `Ollama stopped ${maxRestarts + 1} times in a row and was not restarted again. See ${this.log.path}, then restart it from the Models page.` });
      return;
    }
    const attempt = this.state.restarts + 1;
    const wait = Math.min(this.options.backoffMaxMs ?? 30_000, (this.options.backoffBaseMs ?? 1000) * 2 ** (attempt - 1));
    this.update({ mode: 'restarting', restarts: attempt, message: `Ollama stopped (exit ${String(code ?? signal)}); restarting in ${Math.round(wait / 100) / 10} s (try ${attempt} of ${maxRestarts}).` });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.terminating) return;
      void this.spawnServer(binary).then(() => {
        if (this.state.mode === 'managed') this.options.onRestarted?.(`exited with ${String(code ?? signal)}`);
      });
    }, wait);
    this.restartTimer.unref();
  }

  /** An attached (or absent) server is checked now and then; if it goes away, the app takes over. */
  private watchAttached(): void {
    if (this.watchTimer !== null) return;
    this.watchTimer = setInterval(() => {
      if (this.terminating || !['attached', 'missing', 'remote-unreachable'].includes(this.state.mode)) return;
      void this.answers(this.options.host()).then((ok) => {
        if (this.terminating) return;
        if (ok && this.state.mode !== 'attached') this.update({ mode: 'attached', message: null });
        if (!ok && this.state.mode === 'attached') void this.start();
      });
    }, this.options.attachedCheckMs ?? 10_000);
    this.watchTimer.unref();
  }

  private async stopChild(): Promise<void> {
    const child = this.child;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const wasTerminating = this.terminating;
    this.terminating = true; // the exit that follows is ours, not a crash
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
    this.terminating = wasTerminating;
    this.child = null;
  }

  private clearTimers(): void {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    if (this.watchTimer !== null) clearInterval(this.watchTimer);
    this.restartTimer = null;
    this.watchTimer = null;
  }

  private pendingChanges(): string[] {
    if (this.state.mode !== 'managed' && this.state.mode !== 'attached') return [];
    return changedVariables(this.runningEnv, ollamaEnvFor(this.options.settings(), hostPortOf(this.options.host())));
  }

  private update(patch: Partial<SupervisorState>): void {
    this.state = { ...this.state, ...patch };
    this.options.onState?.(this.current());
  }
}
