import type { Database } from 'better-sqlite3';
import type { Handlers } from './api/contract';
import { FileStore } from './batch/files';
import { createBatchHandlers } from './batch/handlers';
import { createSubmitHandlers, type SubmitDeps } from './batch/submit';
import { BatchService } from './batch/service';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { EventBus } from './api/event-bus';
import { type AppConfig } from './config';
import { openDatabase } from './db/open';
import { recordModelChanges } from './engine/chart-events';
import { createLlmClient, type LlmClient } from './engine/client/index';
import { ModelService } from './engine/models/service';
import { createEngineHandlers } from './engine/service';
import { OllamaSupervisor } from './engine/supervisor/supervisor';
import { createGpuHandlers, forwardGpuEvents } from './gpu/contract';
import { createGpuService } from './gpu/service';
import { gpuStatusFromState } from './gpu/status';
import { createMetricsHandlers } from './metrics/service';
import { createInterviewHandlers } from './interviews/handlers';
import { InterviewService } from './interviews/service';
import { createKitHandlers } from './interviews/kits/handlers';
import { KitService } from './interviews/kits/service';
import { createSkillHandlers } from './skills/handlers';
import { SkillService } from './skills/service';
import { isCatalogueCurrent } from './pricing/build-catalogue';
import { createPricingCore, createPricingHandlers } from './pricing/handlers';
import { installedFromTags } from './pricing/llm-engine';
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
  /** The one LLM client every feature calls the model through. */
  readonly llm: LlmClient;
  readonly batches: BatchService;
  readonly files: FileStore;
  readonly submitDeps: SubmitDeps;
  close(): Promise<void>;
}

export type Logger = (level: 'info' | 'warn' | 'error', message: string) => void;

const defaultLogger: Logger = (level, message) => process.stderr.write(`[${level}] ${message}\n`);

/** Builds the whole core from a config: the same object behind the window, `serve` and the CLI. */
export function createApp(config: AppConfig, log: Logger = defaultLogger): App {
  const db = openDatabase(config.dataDir);
  const bus = new EventBus();
  const settings = new SettingsStore(db, (message) => log('warn', message));
  const live = config.monitor !== false;
  const engineHost = (): string =>
    parseOllamaHost(config.ollamaHost ?? '') ?? parseOllamaHost(settings.get().ollamaHost) ?? 'http://127.0.0.1:11434';

  // The sampler streams nvidia-smi once a second; the status bar's GPU facts come from it.
  const gpu = createGpuService({ db, settings: () => settings.get(), log });
  const monitor = new StatusMonitor(bus, {
    engineHost,
    engineIntervalMs: config.engineStatusIntervalMs ?? 5000,
    gpuIntervalMs: () => Math.max(1000, settings.get().gpuSampleIntervalMs),
    pollGpu: false,
  });
  forwardGpuEvents(gpu, (name, payload) => bus.emit(name, payload));
  gpu.onSample(() => monitor.publishGpu(gpuStatusFromState(gpu.latest())));
  gpu.onState((state) => monitor.publishGpu(gpuStatusFromState(state)));
  const markModelChanges = recordModelChanges(gpu);
  bus.subscribe((name, payload) => {
    if (name === 'engine.status') markModelChanges(payload as Parameters<typeof markModelChanges>[0]);
  });

  const supervisor = new OllamaSupervisor({
    host: engineHost,
    settings: () => settings.get(),
    dataDir: config.dataDir,
    onState: (state) => {
      bus.emit('engine.supervisor', state);
      void monitor.refreshEngine();
    },
    onRestarted: (reason) => {
      log('warn', `Ollama restarted: ${reason}`);
      gpu.recordEvent('ollama-restarted', reason);
    },
  });
  const models = new ModelService({
    host: engineHost,
    settings: () => settings.get(),
    refreshEngine: () => monitor.refreshEngine(),
    onPullProgress: (progress) => bus.emit('models.pull', progress),
  });
  const llm = createLlmClient({
    db,
    host: engineHost,
    defaults: () => ({ numCtx: settings.get().contextLength, keepAlive: settings.get().keepAlive }),
    log: (level, message) => log(level, message),
  });
  llm.onCallRecorded((call) => {
    bus.emit('llm.call', { feature: call.feature, model: call.model, operation: call.operation, outcome: call.outcome, latencyMs: call.latencyMs });
    if (call.outcome === 'out-of-memory') gpu.recordEvent('out-of-memory', `${call.model} (${call.feature})`);
  });
  llm.onBreakerChange((change) => bus.emit('llm.breaker', change));

  const files = new FileStore(db, config.dataDir);
  const batches: BatchService = new BatchService({
    db,
    llm,
    slots: () => settings.get().parallelSlots,
    maxAttempts: () => settings.get().batchMaxAttempts,
    recoveryActions: {
      otherLoadedModels: async (): Promise<string[]> => {
        const busy = new Set(batches.activeModels());
        return (await monitor.refreshEngine()).loaded.map((model) => model.name).filter((name) => !busy.has(name));
      },
      unload: async (model) => void (await models.setResidency(model, 0)),
      restartEngine: async () => (supervisor.current().canRestart ? (await supervisor.restart(), true) : false),
      contextLength: () => settings.get().contextLength,
    },
    recycleEveryMs: () => settings.get().batchRecycleMinutes * 60_000,
    unload: async (model) => void (await models.setResidency(model, 0)),
    onProgress: (progress) => bus.emit('batch.progress', progress),
    onEvent: (event) => {
      bus.emit('batch.event', event);
      if (event.kind.startsWith('recovery:')) gpu.recordEvent('batch-recovery', event.detail);
      if (event.kind === 'recycle-runner') gpu.recordEvent('runner-recycled', event.detail);
    },
  });
  // The memory guard acting on VRAM or RAM is treated like an out-of-memory error while a batch runs.
  gpu.onGuard((event) => {
    if (event.level === 'act' && batches.runner.inFlightCount() > 0) batches.runner.startRecovery(null, `${event.resource.toUpperCase()} over its action level`);
  });

  // One submit path for the contract's batch.submit and OpenAI's POST /v1/batches.
  const submitDeps: SubmitDeps = {
    db,
    service: batches,
    files,
    defaultModel: () => settings.get().models.batch,
    installedModels: async () => {
      const engine = await monitor.refreshEngine();
      return engine.reachable ? engine.installed.map((model) => model.name) : null;
    },
  };

  // Pricing works with no engine at all; its catalogue is built on first use.
  // With the engine up, the pricing model writes explanations and re-ranks, and re-embedded vectors are used.
  const pricing = createPricingCore({
    db,
    emit: (name, payload) => bus.emit(name, payload),
    emitEmbed: (progress) => bus.emit('pricing.embedProgress', progress),
    llm: {
      client: llm,
      models: () => settings.get().models,
      installed: installedFromTags(engineHost),
    },
    log: (level, message) => log(level, message),
  });

  // Interviews carry on from the scripted guide, and analyse with the lexicon, whenever the model is away.
  const interviews = new InterviewService({
    db,
    llm: { client: llm, model: () => settings.get().models.interviews, installed: installedFromTags(engineHost) },
    onToken: (event) => bus.emit('interviews.token', event),
    log: (level, message) => log(level, message),
  });
  // Kits find gaps by a heuristic and take questions from the bundled bank whenever the model is away.
  const kits = new KitService({
    db,
    llm: { client: llm, model: () => settings.get().models.interviews, installed: installedFromTags(engineHost) },
    slots: () => settings.get().parallelSlots,
    uploaded: (fileId) => files.get(fileId),
    onProgress: (progress) => bus.emit('kits.progress', progress),
    log: (level, message) => log(level, message),
  });
  // Skills are inferred from the rubrics when no model is active, and reasoned by the template whenever the engine is away.
  const skills = new SkillService({
    db,
    llm: { client: llm, model: () => settings.get().models.skills, installed: installedFromTags(engineHost), contextTokens: () => settings.get().contextLength },
    slots: () => settings.get().parallelSlots,
    onProgress: (progress) => bus.emit('skills.progress', progress),
    log: (level, message) => log(level, message),
  });

  const handlers: Handlers = {
    ...createSystemHandlers({ config, db, monitor }),
    ...createSettingsHandlers({
      store: settings,
      bus,
      onChanged: () => {
        gpu.refreshSettings();
        bus.emit('engine.supervisor', supervisor.current());
      },
      onHostChanged: () => {
        void monitor.refreshEngine();
        if (config.manageEngine !== false) void supervisor.start();
      },
    }),
    ...createEngineHandlers({ supervisor, models, settings: () => settings.get() }),
    ...createGpuHandlers(gpu),
    ...createMetricsHandlers({ db, energyWh: (from, to) => gpu.energyWh(from, to) }),
    ...createBatchHandlers(batches),
    ...createSubmitHandlers(submitDeps),
    ...createPricingHandlers(pricing),
    ...createInterviewHandlers(interviews),
    ...createKitHandlers(kits),
    ...createSkillHandlers(skills),
  };
  const dispatch = createDispatcher(handlers, (error) => log('error', error instanceof Error ? (error.stack ?? error.message) : String(error)));

  llm.pruneCalls(settings.get().retentionDays);
  // Work that holds the process for seconds is done here, before any request and before the
  // background work starts (a probe timing out behind it would look like a dead engine): the
  // pricing catalogue is built on the first start (3-5 s) and loaded on later ones.
  if (config.prepare) {
    if (!isCatalogueCurrent(db)) log('info', 'Preparing the pricing catalogue (first start only, a few seconds)...');
    pricing.service.ready();
  }
  if (live) {
    monitor.start();
    gpu.start();
  }
  if (config.runBatches ?? live) batches.start();
  if (config.manageEngine !== false) void supervisor.start();

  let closed = false;
  return {
    config,
    db,
    bus,
    dispatch,
    llm,
    batches,
    files,
    submitDeps,
    async close() {
      if (closed) return;
      closed = true;
      monitor.stop();
      await batches.stop();
      // A kit being generated stops here; kits.resume finishes it on the next start.
      await kits.close();
      // A skills job stops here; the people done are kept and the job reads as cancelled.
      await skills.close();
      models.stopAll();
      await Promise.all([supervisor.stop(), gpu.stop()]);
      db.close();
    },
  };
}
