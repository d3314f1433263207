import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../main/db/open';
import { createLlmClient } from '../../main/engine/client/index';
import type { KitProgress } from '../../main/interviews/kits/schema';
import { KitService } from '../../main/interviews/kits/service';
import { installedFromTags } from '../../main/pricing/llm-engine';
import { dataEngineerCv } from '../main/interviews/kits/fixtures';
import { startOllamaStandin } from '../support/ollama/index';

/** An 8B model on an RTX 4080 class card: ~50 ms to the first token, then a token every 6 ms or so. */
const firstTokenMs = 50;
const tokenLatencyMs = 6;
const engineSlots = 4;

/** A job description with ten must-haves the CV does not show, so the kit has exactly ten gaps. */
const tenGapJd = `Staff Data Engineer

Requirements
- Production experience with Apache Kafka is required.
- Must have run Apache Airflow in production.
- Strong AWS knowledge (S3, EMR, Redshift) is essential.
- Must have written Terraform for shared infrastructure.
- Kubernetes operations experience is required.
- Must have built stream processing on Apache Flink.
- Snowflake warehouse design experience is required.
- Java services experience is required.
- Must have set up data quality checks with Great Expectations.
- You must mentor other engineers.
`;

/** The time from the first question started to the last one saved, for one kit of ten gaps at `slots`. */
async function timeQuestions(url: string, slots: number): Promise<{ ms: number; gaps: number; calls: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tw-bench-kits-'));
  const db = openDatabase(dataDir);
  try {
    const client = createLlmClient({ db, host: () => url, defaults: () => ({ numCtx: 8192, keepAlive: '5m' }) });
    let started = 0;
    let ended = 0;
    const onProgress = (event: KitProgress): void => {
      if (event.stage === 'questions' && event.seq === null) started = performance.now();
      if (event.stage === 'ready') ended = performance.now();
    };
    const service = new KitService({ db, llm: { client, model: () => 'llama3.1:8b', installed: installedFromTags(() => url) }, slots: () => slots, onProgress });
    // Threshold 0: a draft and its review per question, so both runs do exactly the same work.
    service.setConfig({ threshold: 0 });
    const kit = await service.create({ language: 'English', cv: { text: dataEngineerCv }, jd: { text: tenGapJd }, wait: true });
    const calls = db.prepare(`SELECT count(*) FROM llm_calls WHERE template_id IN ('kit-question', 'kit-quality')`).pluck().get() as number;
    await service.close();
    return { ms: ended - started, gaps: kit.gapList.length, calls };
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Question generation for a kit of ten gaps, one question at a time (1 slot) and as the engine
 * allows (4 slots), against the stand-in answering 4 requests at once with a realistic token rate.
 * The seed (001) reported 25 s sequential and 3 s in parallel for ten gaps on a hosted model.
 */
export async function benchKits(): Promise<string[]> {
  const engine = await startOllamaStandin({ port: 0, numParallel: engineSlots, firstTokenMs, tokenLatencyMs });
  try {
    await timeQuestions(engine.url, engineSlots); // warm: the model loaded, the prompts read
    const sequential = await timeQuestions(engine.url, 1);
    const parallel = await timeQuestions(engine.url, engineSlots);
    const perQuestion = sequential.ms / sequential.gaps;
    return [
      `Kit questions for ${sequential.gaps} gaps (a draft and its quality review each, ${sequential.calls} calls), stand-in with ${engineSlots} slots, ${firstTokenMs} ms to first token, ${tokenLatencyMs} ms a token`,
      `  one question                      ${(perQuestion / 1000).toFixed(2)} s`,
      `  sequential (parallelSlots 1)      ${(sequential.ms / 1000).toFixed(2)} s`,
      `  parallel (parallelSlots ${engineSlots})        ${(parallel.ms / 1000).toFixed(2)} s`,
      `  speed-up                          ${(sequential.ms / parallel.ms).toFixed(2)}x (${sequential.gaps} questions in ${Math.ceil(sequential.gaps / engineSlots)} rounds of ${engineSlots}: about ${(sequential.gaps / Math.ceil(sequential.gaps / engineSlots)).toFixed(1)}x at best)`,
    ];
  } finally {
    await engine.close();
  }
}
