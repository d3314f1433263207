import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../main/db/open';
import { createLlmClient } from '../../main/engine/client/index';
import { installedFromTags } from '../../main/pricing/llm-engine';
import { fuseTranscript } from '../../main/skills/infer';
import { generateLabelledRows, labelledCsv } from '../../main/skills/sample/labelled';
import { generateTranscripts } from '../../main/skills/sample/transcripts';
import { skillTitles } from '../../main/skills/schema';
import { SkillService } from '../../main/skills/service';
import { fromTranscriptInput } from '../../main/skills/sources';
import { startOllamaStandin } from '../support/ollama/index';
import { formatTiming, measure } from './measure';

/**
 * Skills: training time (four skills, 600 generated people, 100 rounds, 5 bootstrap replicas
 * each) with the held-out scores; inference time per person without the model call (features +
 * trees + fusion; then with the template reasoning and the stored assessment), and with the
 * reasoning written by the model on the stand-in (answering at once, so this is our own overhead
 * around the call, not a model's speed); and a job over 100 people.
 */
export async function benchSkills(): Promise<string[]> {
  const standin = await startOllamaStandin();
  const dir = mkdtempSync(join(tmpdir(), 'tw-bench-skills-'));
  const db = openDatabase(dir);
  try {
    const client = createLlmClient({ db, host: () => standin.url, defaults: () => ({ numCtx: 8192, keepAlive: '5m' }) });
    const withModel = new SkillService({ db, llm: { client, model: () => 'llama3.1:8b', installed: installedFromTags(() => standin.url) } });
    const lines = ['skills: 600 generated labelled people; transcripts of 5 answers (~250 words) from the seeded generator'];

    const started = performance.now();
    const models = await withModel.trainModel({ csv: labelledCsv(generateLabelledRows(600, 7)), options: {}, activate: 'always' });
    const trainingMs = performance.now() - started;
    lines.push(`  training, 4 skills × (model + 5 replicas), 480 train / 120 held out: ${trainingMs.toFixed(0)} ms in all`);
    for (const model of models) {
      const m = model.metrics!;
      lines.push(`    ${skillTitles[model.skill].padEnd(16)} ${String(m.trainingMs).padStart(5)} ms  held-out RMSE ${m.holdoutRmse.toFixed(3)} (mean baseline ${m.baselineRmse.toFixed(3)}), r ${m.holdoutPearson?.toFixed(3) ?? '—'}`);
    }

    const transcripts = generateTranscripts(60, 13).map(fromTranscriptInput);
    let next = 0;
    const person = () => transcripts[next++ % transcripts.length]!;
    lines.push(formatTiming('  features + trees + fusion', await measure(async () => fuseTranscript({ registry: withModel.registry, weights: withModel.weights, now: Date.now }, person()), 200)));
    const inputs = generateTranscripts(60, 17);
    lines.push(formatTiming('  + template reasoning + stored', await measure(() => withModel.infer({ transcript: inputs[next++ % inputs.length]! }, 'template'), 100)));
    lines.push(formatTiming('  + model reasoning (stand-in)', await measure(() => withModel.infer({ transcript: inputs[next++ % inputs.length]! }, 'auto'), 40)));

    const many = generateTranscripts(100, 23);
    const jobStart = performance.now();
    const job = await withModel.inferMany({ interviewIds: [], transcriptIds: [], transcripts: many, reasoning: 'template', wait: true });
    const jobMs = performance.now() - jobStart;
    lines.push(`  job of 100 people (template reasoning): ${jobMs.toFixed(0)} ms, ${(100 / (jobMs / 1000)).toFixed(0)} people/s, ${job.failed} failed`);
    await withModel.close();
    return lines;
  } finally {
    db.close();
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
