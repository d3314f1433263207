import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue } from '../../main/pricing/build-catalogue';
import { BulkPricing } from '../../main/pricing/bulk';
import { PricingService } from '../../main/pricing/service';
import { openPricingDatabase } from '../main/pricing/db';
import { formatTiming, type Timing } from './measure';

interface Labelled {
  title: string;
  description?: string;
  soc: string;
}

const labelledPath = new URL('./pricing-labelled.json', import.meta.url);
export const loadLabelled = (): Labelled[] => (JSON.parse(readFileSync(labelledPath, 'utf8')) as { items: Labelled[] }).items;

const locations = ['', 'CA', 'Austin, TX', 'New York, NY', 'Ohio', 'London, UK', 'Remote'];
const prefixes = ['', 'Senior ', 'Jr. ', 'Lead '];
const teams = ['', ' - Payments', ' (Night Shift)', ' II', ' - Remote', ' (Contract)', ', Operations', ' - Downtown'];
const tags = ['', ' (m/f/d)', ' - Hybrid', ' - 2nd shift', ' I'];

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
  return { iterations: sorted.length, meanMs: sorted.reduce((sum, value) => sum + value, 0) / sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

/** Deterministic variety: the n-th request takes every list at a different stride. */
const pick = <T>(list: readonly T[], n: number, stride: number): T => list[(n * stride) % list.length]!;

/** Matching quality on the labelled set, request speed, catalogue build and bulk pricing of 10,000 jobs. */
export async function benchPricing(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tw-bench-pricing-'));
  const db = openPricingDatabase(dir);
  try {
    const lines = ['Pricing (hashed TF-IDF embeddings, no model; full O*NET + BLS OEWS catalogue)'];
    const build = buildCatalogue(db);
    lines.push(`catalogue build: ${build.buildMs} ms (${build.occupations} occupations, ${build.titles.toLocaleString('en-US')} titles, ${build.occupationsWithWages} with BLS wages)`);

    const service = new PricingService({ db });
    const loadStart = performance.now();
    const { matcher } = service.ready();
    lines.push(`matcher load (statistics, description index): ${(performance.now() - loadStart).toFixed(0)} ms`);

    const labelled = loadLabelled();
    let top1 = 0;
    let top5 = 0;
    const misses: string[] = [];
    for (const item of labelled) {
      const socs = matcher.match(item.title, item.description, 5).matches.map((match) => match.soc);
      if (socs[0] === item.soc) top1 += 1;
      if (socs.includes(item.soc)) top5 += 1;
      else misses.push(`${item.title} (${item.soc})`);
    }
    const percent = (count: number) => `${((100 * count) / labelled.length).toFixed(1)}%`;
    lines.push(`matching on ${labelled.length} labelled titles/postings: top-1 ${top1} (${percent(top1)}), top-5 ${top5} (${percent(top5)})`);
    lines.push(`  not in the top 5: ${misses.join('; ') || 'none'}`);

    const samples: number[] = [];
    for (let n = 0; n < 1000; n += 1) {
      const item = pick(labelled, n, 7);
      // 194 × 4 × 8 × 5 combinations with co-prime strides: no title repeats within the 1,000.
      const input = { title: `${pick(prefixes, n, 3)}${item.title}${pick(teams, n, 5)}${pick(tags, n, 2)}`, description: n % 4 === 0 ? item.description : undefined, location: pick(locations, n, 11) || undefined };
      const start = performance.now();
      await service.price(input);
      samples.push(performance.now() - start);
    }
    lines.push(formatTiming('one pricing request, end to end', summarise(samples)));
    const distinct = new Set(Array.from({ length: 1000 }, (_, n) => `${pick(prefixes, n, 3)}${pick(labelled, n, 7).title}${pick(teams, n, 5)}${pick(tags, n, 2)}`)).size;
    lines.push(`  (match, price, explain, persist with history; 1,000 requests, ${distinct} distinct titles, 7 locations, a quarter with descriptions)`);

    const rows = ['title,location,level'];
    const seen = new Set<string>();
    for (let n = 0; n < 10_000; n += 1) {
      const item = pick(labelled, n, 13);
      const row = `"${`${pick(prefixes, n, 7)}${item.title}${pick(teams, n, 3)}`.replace(/"/g, '""')}",${JSON.stringify(pick(locations, n, 17))},`;
      seen.add(row);
      rows.push(row);
    }
    const input = join(dir, 'jobs.csv');
    writeFileSync(input, `${rows.join('\n')}\n`);
    // A fresh service, so no match is reused from the requests above.
    const bulkService = new PricingService({ db });
    const bulkStart = performance.now();
    const bulk = new BulkPricing(bulkService);
    const done = await bulk.start(input, join(dir, 'priced.csv')).finished;
    const seconds = (performance.now() - bulkStart) / 1000;
    lines.push(`bulk pricing: ${done.done.toLocaleString('en-US')} rows (${seen.size.toLocaleString('en-US')} distinct) in ${seconds.toFixed(1)} s, ${(done.done / seconds).toFixed(0)} rows/s, status ${done.status}`);
    lines.push('  (from a cold start of the service: description index loaded, each distinct title matched once)');
    return lines;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('pricing.bench.ts')) process.stdout.write(`${(await benchPricing()).join('\n')}\n`);
