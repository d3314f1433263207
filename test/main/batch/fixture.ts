import type { Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import type { BatchEvent, BatchProgress } from '../../../main/batch/schema';
import { BatchService, type SourceRecord } from '../../../main/batch/service';
import type { RecoveryActions } from '../../../main/batch/recovery';
import { createLlmClient } from '../../../main/engine/client/index';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useTempDirs } from '../../support/temp-dir';

export interface Rig {
  db: Database;
  dataDir: string;
  standin: OllamaStandin;
  service: BatchService;
  events: BatchEvent[];
  progress: BatchProgress[];
  recoveryLog: string[];
}

/** OpenAI batch lines as a source, one chat request per item. */
export async function* chatItems(count: number, model = 'llama3.1:8b', prefix = 'req'): AsyncGenerator<SourceRecord> {
  for (let index = 0; index < count; index += 1) {
    yield {
      kind: 'item',
      customId: `${prefix}-${index}`,
      sourceLine: index + 1,
      request: { url: '/v1/chat/completions', body: { model, messages: [{ role: 'user', content: `Question ${index}` }], max_tokens: 16 } },
    };
  }
}

/** A real SQLite file, the Ollama stand-in in process, and a batch service between them. */
export function useBatchRig(): (options?: { slots?: number; standin?: Parameters<typeof startOllamaStandin>[0]; maxAttempts?: number }) => Promise<Rig> {
  const tempDir = useTempDirs();
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (options = {}) => {
    const dataDir = tempDir();
    const standin = await startOllamaStandin(options.standin);
    const db = openDatabase(dataDir);
    const llm = createLlmClient({
      db,
      host: () => standin.url,
      defaults: () => ({ numCtx: 8192, keepAlive: '5m' }),
      retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 20 },
      // A short cool-down, so tests see the breaker close again within seconds.
      breaker: { failureThreshold: 5, cooldownMs: 1000 },
    });
    const events: BatchEvent[] = [];
    const progress: BatchProgress[] = [];
    const recoveryLog: string[] = [];
    const recoveryActions: RecoveryActions = {
      otherLoadedModels: async () => ['qwen2.5:7b'],
      unload: async (model) => void recoveryLog.push(`unload ${model}`),
      restartEngine: async () => (recoveryLog.push('restart'), true),
      contextLength: () => 8192,
    };
    const service = new BatchService({
      db,
      llm,
      slots: () => options.slots ?? 4,
      recoveryActions,
      onProgress: (update) => progress.push(update),
      onEvent: (event) => events.push(event),
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: () => options.maxAttempts! }),
    });
    service.start();
    cleanups.push(async () => {
      await service.stop();
      db.close();
      await standin.close();
    });
    return { db, dataDir, standin, service, events, progress, recoveryLog };
  };
}
