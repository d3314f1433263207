import type { Database } from 'better-sqlite3';
import type { Handlers } from './api/contract';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { EventBus } from './api/event-bus';
import { type AppConfig } from './config';
import { openDatabase } from './db/open';
import { ModelService } from './engine/models/service';
import { createEngineHandlers } from './engine/service';
import { OllamaSupervisor } from './engine/supervisor/supervisor';
import { parseOllamaHost } from './settings/schema';
import { createSettingsHandlers } from './settings/service';
import { SettingsStore } from './settings/store';
import { StatusMonitor } from './system/monitor';
import { createSystemHandlers } from './system/service';

export interface App {
  readonly config: AppConfig;
  readonly db: Database;
  readonly bus: EventBus;
  readonly dispatch: Dispatch;
  close(): Promise<void>;
}

export type Logger = (level: 'info' | 'warn' | 'error', message: string) => void;

const defaultLogger: Logger = (level, message) => process.stderr.write(`[${level}] ${message}\n`);

/** Builds the whole core from a config: the same object behind the window, `serve` and the CLI. */
export function createApp(config: AppConfig, log: Logger = defaultLogger): App {
  const db = openDatabase(config.dataDir);
  const bus = new EventBus();
  const settings = new SettingsStore(db, (message) => log('warn', message));
  const engineHost = (): string =>
    parseOllamaHost(config.ollamaHost ?? '') ?? parseOllamaHost(settings.get().ollamaHost) ?? 'http://127.0.0.1:11434';
  const monitor = new StatusMonitor(bus, {
    engineHost,
    engineIntervalMs: config.engineStatusIntervalMs ?? 5000,
    gpuIntervalMs: () => Math.max(1000, settings.get().gpuSampleIntervalMs),
  });
  const supervisor = new OllamaSupervisor({
    host: engineHost,
    settings: () => settings.get(),
    dataDir: config.dataDir,
    onState: (state) => {
      bus.emit('engine.supervisor', state);
      void monitor.refreshEngine();
    },
    onRestarted: (reason) => log('warn', `Ollama restarted: ${reason}`),
  });
  const models = new ModelService({
    host: engineHost,
    settings: () => settings.get(),
    refreshEngine: () => monitor.refreshEngine(),
    onPullProgress: (progress) => bus.emit('models.pull', progress),
  });

  const handlers: Handlers = {
    ...createSystemHandlers({ config, db, monitor }),
    ...createSettingsHandlers({
      store: settings,
      bus,
      onChanged: () => bus.emit('engine.supervisor', supervisor.current()),
      onHostChanged: () => {
        void monitor.refreshEngine();
        if (config.manageEngine !== false) void supervisor.start();
      },
    }),
    ...createEngineHandlers({ supervisor, models, settings: () => settings.get() }),
  };
  const dispatch = createDispatcher(handlers, (error) => log('error', error instanceof Error ? (error.stack ?? error.message) : String(error)));
  if (config.monitor !== false) monitor.start();
  if (config.manageEngine !== false) void supervisor.start();

  let closed = false;
  return {
    config,
    db,
    bus,
    dispatch,
    async close() {
      if (closed) return;
      closed = true;
      monitor.stop();
      models.stopAll();
      await supervisor.stop();
      db.close();
    },
  };
}
