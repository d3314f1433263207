import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../main/db/open';
import { createLlmClient } from '../../main/engine/client/index';
import { InterviewService } from '../../main/interviews/service';
import { loadInterviewPrompt } from '../../main/interviews/prompts';
import { installedFromTags } from '../../main/pricing/llm-engine';
import { startOllamaStandin } from '../support/ollama/index';
import { formatTiming, type Timing } from './measure';

/** An 8B model at Q4 on an RTX 4080: about 150 ms to the first token of a short prompt, ~65 tokens/s after. */
const firstTokenMs = 150;
const tokenLatencyMs = 15;
const rounds = 20;

const substantive = 'The salary was well below market and the bonus was cut twice without any explanation from anyone.';

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number): number => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
  return { iterations: sorted.length, meanMs: sorted.reduce((sum, x) => sum + x, 0) / sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

/**
 * Time to the first streamed token of an interview follow-up, measured as the employee feels it:
 * from sending an answer (committed first) to the first word of the model's question arriving,
 * and to the whole question committed. Also the same answer with no model (the scripted guide).
 */
export async function benchInterviews(): Promise<string[]> {
  const standin = await startOllamaStandin({ firstTokenMs, tokenLatencyMs });
  const dir = mkdtempSync(join(tmpdir(), 'tw-bench-interviews-'));
  const db = openDatabase(dir);
  try {
    let firstTokenAt = 0;
    const client = createLlmClient({ db, host: () => standin.url, defaults: () => ({ numCtx: 8192, keepAlive: '5m' }) });
    const llm = { client, model: () => 'llama3.1:8b', installed: installedFromTags(() => standin.url) };
    const withModel = new InterviewService({ db, llm, onToken: () => (firstTokenAt ||= performance.now()) });
    const scripted = new InterviewService({ db });

    const ttft: number[] = [];
    const whole: number[] = [];
    const noModel: number[] = [];
    for (let round = 0; round < rounds + 2; round += 1) {
      for (const [service, timings] of [[withModel, null], [scripted, noModel]] as const) {
        const { id } = service.create({ employeeName: null, employeeRef: null, anonymous: true, department: 'Bench', role: null, tenureMonths: 12, manager: null, voluntary: true, leavingDate: null });
        await service.start(id);
        firstTokenAt = 0;
        const start = performance.now();
        const detail = await service.answer(id, substantive, {});
        const end = performance.now();
        if (round < 2) continue; // warm-up: the model load and the first prepared statements
        if (timings !== null) timings.push(end - start);
        else {
          if (detail.turns.at(-1)?.source !== 'llm') throw new Error('The follow-up did not come from the model');
          ttft.push(firstTokenAt - start);
          whole.push(end - start);
        }
      }
    }
    const t = summarise(ttft);
    const prompt = loadInterviewPrompt('exit-follow-up.v1');
    const userChars = prompt.user.length + 400;
    return [
      `interviews: follow-up after an answer, stand-in at ${firstTokenMs} ms to first token and ${tokenLatencyMs} ms per token`,
      formatTiming('  answer → first token (model)', t),
      formatTiming('  answer → question committed (model)', summarise(whole)),
      formatTiming('  answer → question committed (guide)', summarise(noModel)),
      `  overhead before the engine's first token: ${(t.p50Ms - firstTokenMs).toFixed(1)} ms (p50)`,
      `  system prompt shared by every follow-up: ${prompt.system.length} chars, ~${Math.round((100 * prompt.system.length) / (prompt.system.length + userChars))} % of a typical prompt`,
    ];
  } finally {
    db.close();
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
