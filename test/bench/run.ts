/**
 * Benchmarks, printed as figures and ratios (never asserted: these machines are noisy).
 * Run with `npm run bench`; name some to run only those: `npm run bench -- transport gpu`.
 */
import { benchGpuSampler } from './gpu-sampler.bench';
import { benchIngest } from './ingest.bench';
import { benchInterviews } from './interviews.bench';
import { benchKits } from './kits.bench';
import { benchLlmClient } from './llm-client.bench';
import { benchMetrics } from './metrics.bench';
import { benchPricing } from './pricing.bench';
import { benchQueue } from './queue.bench';
import { benchSkills } from './skills.bench';
import { benchTransport } from './transport.bench';

const benches: Record<string, () => Promise<string[]>> = {
  transport: benchTransport,
  'llm-client': benchLlmClient,
  metrics: benchMetrics,
  ingest: benchIngest,
  queue: benchQueue,
  pricing: benchPricing,
  gpu: benchGpuSampler,
  interviews: benchInterviews,
  kits: benchKits,
  skills: benchSkills,
};

const wanted = process.argv.slice(2);
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const lines = await bench();
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
