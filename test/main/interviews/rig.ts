import type { Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { Handlers } from '../../../main/api/contract';
import { createDispatcher, type Dispatch } from '../../../main/api/dispatch';
import { openDatabase } from '../../../main/db/open';
import { createLlmClient } from '../../../main/engine/client/index';
import { createInterviewHandlers } from '../../../main/interviews/handlers';
import { InterviewService } from '../../../main/interviews/service';
import type { InterviewDetail } from '../../../main/interviews/schema';
import { installedFromTags } from '../../../main/pricing/llm-engine';
import { useTempDirs } from '../../support/temp-dir';

export interface TokenEvent {
  interviewId: string;
  seq: number;
  token: string;
  reset: boolean;
}

export interface InterviewRig {
  db: Database;
  dataDir: string;
  service: InterviewService;
  /** The contract's dispatcher over the interviews methods: inputs validated, outputs checked. */
  call: <T = unknown>(method: string, input: unknown) => Promise<T>;
  dispatch: Dispatch;
  tokens: TokenEvent[];
  logs: string[];
}

/**
 * A real SQLite file and the interviews service over the LLM client, pointed at `host` (a stand-in,
 * or a closed port). Tags are read fresh on every call and the breaker cools down in 300 ms, so a
 * test can watch the engine go and come back without waiting.
 */
export function useInterviewRig(): (host: () => string | null, dataDir?: string) => InterviewRig {
  const tempDir = useTempDirs();
  const open: Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  return (host, dataDir = tempDir()) => {
    const db = openDatabase(dataDir);
    open.push(db);
    const tokens: TokenEvent[] = [];
    const logs: string[] = [];
    const url = (): string => host() ?? 'http://127.0.0.1:9';
    const client = createLlmClient({ db, host: url, defaults: () => ({ numCtx: 8192, keepAlive: '5m' }), retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 }, breaker: { failureThreshold: 3, cooldownMs: 300 } });
    const llm = host() === null ? undefined : { client, model: () => 'llama3.1:8b', installed: installedFromTags(url, 0, 500), followUpTimeoutMs: 10_000 };
    const service = new InterviewService({ db, llm, onToken: (event) => tokens.push(event), log: (_level, message) => logs.push(message) });
    const handlers = createInterviewHandlers(service) as unknown as Handlers;
    const dispatch = createDispatcher(handlers, (error) => logs.push(String(error)));
    const call = async <T,>(method: string, input: unknown): Promise<T> => {
      const result = await dispatch(method as never, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value as T;
    };
    return { db, dataDir, service, call, dispatch, tokens, logs };
  };
}

/** Answers whatever is asked until the interview closes, choosing each answer by the area asked about. */
export async function answerUntilClosed(rig: InterviewRig, id: string, answerFor: (detail: InterviewDetail) => string, limit = 60): Promise<InterviewDetail> {
  let detail = await rig.call<InterviewDetail>('interviews.get', { id });
  for (let round = 0; round < limit && detail.status === 'in-progress'; round += 1) {
    detail = await rig.call<InterviewDetail>('interviews.answer', { id, text: answerFor(detail), typingMs: 4000 + round, revisions: round % 3 });
  }
  return detail;
}
