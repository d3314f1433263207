import type { Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { Handlers } from '../../../../main/api/contract';
import { createDispatcher } from '../../../../main/api/dispatch';
import { openDatabase } from '../../../../main/db/open';
import { createLlmClient } from '../../../../main/engine/client/index';
import type { UploadedFileResolver } from '../../../../main/interviews/kits/documents/read';
import { createKitHandlers } from '../../../../main/interviews/kits/handlers';
import type { KitProgress } from '../../../../main/interviews/kits/schema';
import { KitService } from '../../../../main/interviews/kits/service';
import { installedFromTags } from '../../../../main/pricing/llm-engine';
import { useTempDirs } from '../../../support/temp-dir';

export interface KitRig {
  db: Database;
  dataDir: string;
  service: KitService;
  /** The contract's dispatcher over the kits methods: inputs validated, outputs checked. */
  call: <T = unknown>(method: string, input: unknown) => Promise<T>;
  progress: KitProgress[];
  logs: string[];
}

export interface KitRigOptions {
  dataDir?: string;
  slots?: number;
  now?: () => number;
  /** Files uploaded to /v1/files, for documents given by fileId. */
  uploaded?: UploadedFileResolver;
}

/**
 * A real SQLite file and the kits service over the LLM client, pointed at `host` (a stand-in, or
 * null for no engine at all). Services are closed after each test, as the app closes them.
 */
export function useKitRig(): (host: () => string | null, options?: KitRigOptions) => KitRig {
  const tempDir = useTempDirs();
  const open: Array<{ db: Database; service: KitService }> = [];
  afterEach(async () => {
    for (const { db, service } of open.splice(0)) {
      await service.close();
      db.close();
    }
  });
  return (host, options = {}) => {
    const dataDir = options.dataDir ?? tempDir();
    const db = openDatabase(dataDir);
    const progress: KitProgress[] = [];
    const logs: string[] = [];
    const url = (): string => host() ?? 'http://127.0.0.1:9';
    const client = createLlmClient({ db, host: url, defaults: () => ({ numCtx: 8192, keepAlive: '5m' }), retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 }, breaker: { failureThreshold: 3, cooldownMs: 300 } });
    const llm = host() === null ? undefined : { client, model: () => 'llama3.1:8b', installed: installedFromTags(url, 0, 500), callTimeoutMs: 10_000 };
    const service = new KitService({ db, llm, slots: () => options.slots ?? 4, onProgress: (event) => progress.push(event), now: options.now, uploaded: options.uploaded, log: (_level, message) => logs.push(message) });
    open.push({ db, service });
    const dispatch = createDispatcher(createKitHandlers(service) as unknown as Handlers, (error) => logs.push(String(error)));
    const call = async <T,>(method: string, input: unknown): Promise<T> => {
      const result = await dispatch(method as never, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value as T;
    };
    return { db, dataDir, service, call, progress, logs };
  };
}
