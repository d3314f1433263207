import type { Database } from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { Handlers } from '../../../main/api/contract';
import { createDispatcher, type Dispatch } from '../../../main/api/dispatch';
import { openDatabase } from '../../../main/db/open';
import { createLlmClient } from '../../../main/engine/client/index';
import { createInterviewHandlers } from '../../../main/interviews/handlers';
import { InterviewService } from '../../../main/interviews/service';
import { installedFromTags } from '../../../main/pricing/llm-engine';
import { createSkillHandlers } from '../../../main/skills/handlers';
import type { JobProgress } from '../../../main/skills/schema-results';
import { SkillService } from '../../../main/skills/service';
import { useTempDirs } from '../../support/temp-dir';

export interface SkillRig {
  db: Database;
  skills: SkillService;
  interviews: InterviewService;
  /** The contract's dispatcher over the skills and interviews methods: inputs validated, outputs checked. */
  call: <T = unknown>(method: string, input: unknown) => Promise<T>;
  dispatch: Dispatch;
  progress: JobProgress[];
  logs: string[];
}

export interface RigOptions {
  /** The engine: a stand-in's URL, or null for none at all. */
  host: string | null;
  contextTokens?: number;
  slots?: number;
}

/** A real SQLite file, the skills and interviews services, and the LLM client pointed at a stand-in (or nothing). */
export function useSkillRig(): (options: RigOptions) => SkillRig {
  const tempDir = useTempDirs();
  const open: Array<{ db: Database; skills: SkillService }> = [];
  afterEach(async () => {
    for (const entry of open.splice(0)) {
      await entry.skills.close();
      entry.db.close();
    }
  });
  return ({ host, contextTokens, slots }) => {
    const db = openDatabase(tempDir());
    const progress: JobProgress[] = [];
    const logs: string[] = [];
    const url = (): string => host ?? 'http://127.0.0.1:9';
    const client = createLlmClient({ db, host: url, defaults: () => ({ numCtx: 8192, keepAlive: '5m' }), retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 } });
    const llm = host === null ? undefined : { client, model: () => 'llama3.1:8b', installed: installedFromTags(url, 0, 500), contextTokens: () => contextTokens ?? 8192, timeoutMs: 10_000 };
    const skills = new SkillService({ db, llm, slots: () => slots ?? 2, onProgress: (event) => progress.push(event), log: (_level, message) => logs.push(message) });
    const interviews = new InterviewService({ db });
    open.push({ db, skills });
    const handlers = { ...createInterviewHandlers(interviews), ...createSkillHandlers(skills) } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, (error) => logs.push(String(error)));
    const call = async <T,>(method: string, input: unknown): Promise<T> => {
      const result = await dispatch(method as never, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value as T;
    };
    return { db, skills, interviews, call, dispatch, progress, logs };
  };
}
