import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/api/errors';
import { pricingMethods } from '../../../main/pricing/contract';
import { createPricingCore, createPricingHandlers, mergePatch, type PricingHandlers } from '../../../main/pricing/handlers';
import type { BulkProgress } from '../../../main/pricing/bulk';
import { pricingCommands } from '../../../main/pricing/cli-commands';
import type { PricingResult } from '../../../main/pricing/schema';
import { useCatalogueDatabase } from './fixture';

const fixture = useCatalogueDatabase();
let clock = Date.parse('2026-03-01T12:00:00Z');

/** Calls a handler the way the dispatcher does: input parsed by the contract, output checked by it. */
async function call<K extends keyof typeof pricingMethods>(handlers: PricingHandlers, name: K, input: unknown): Promise<unknown> {
  const spec = pricingMethods[name];
  const handler = handlers[name] as (value: unknown) => unknown;
  return spec.output.parse(await handler(spec.input.parse(input)));
}

function setup(progress: BulkProgress[] = []) {
  const core = createPricingCore({ db: fixture.db(), now: () => (clock += 1000), emit: (_name, payload) => progress.push(payload) });
  return { ...core, handlers: createPricingHandlers(core) };
}

describe('pricing through the contract', () => {
  it('prices a job with matches, percentiles, scenarios, confidence and an explanation, and keeps it', async () => {
    const { handlers } = setup();
    const result = (await call(handlers, 'pricing.price', { title: 'Sr. Software Engineer', location: 'CA' })) as PricingResult;
    expect(result.matches[0]).toMatchObject({ soc: '15-1252', used: true, hasWages: true });
    expect(result.request.effectiveDate).toBe('2026-03-01');
    expect(result.percentiles.p50!.display).toMatch(/^\$\d{3},\d{3}$/);
    expect(result.scenarios.map((scenario) => scenario.percentile)).toEqual([25, 50, 65, 75]);
    expect(result.location).toMatchObject({ factor: 1.1503, source: 'bls-state' });
    expect(result.explanation.method).toBe('template');
    expect(result.explanation.text).toContain(result.percentiles.p50!.display);
    expect(result.dataVersions.bls).toContain('2024-05-12');
    expect(result.attribution.join(' ')).toMatch(/CC BY 4\.0/);
    const stored = (await call(handlers, 'pricing.get', { id: result.id })) as PricingResult;
    expect(stored).toEqual(result);
  });

  it('shows a top-coded median as ≥', async () => {
    const { handlers } = setup();
    const result = (await call(handlers, 'pricing.price', { title: 'Anesthesiologist' })) as PricingResult;
    expect(result.percentiles.p50).toMatchObject({ topCoded: true });
    expect(result.percentiles.p50!.display.startsWith('≥ $')).toBe(true);
    expect(result.scenarios.find((scenario) => scenario.name === 'market')!.display).toMatch(/^≥/);
  });

  it('says "no wage data" and prices nothing rather than inventing a figure', async () => {
    const { handlers } = setup();
    const actors = (await call(handlers, 'pricing.price', { title: 'Actor' })) as PricingResult;
    expect(actors.percentilesShown).toBe('none');
    expect(actors.notes.join(' ')).toMatch(/no annual wage estimate for Actors/);
    const hourly = (await call(handlers, 'pricing.price', { title: 'Actor', payBasis: 'hourly' })) as PricingResult;
    expect(hourly.percentiles.p50!.display).toMatch(/^\$\d+\.\d{2}$/);
    const infantry = (await call(handlers, 'pricing.price', { title: 'Infantry Officer' })) as PricingResult;
    expect(infantry.matches[0]!.hasWages).toBe(false);
    expect(infantry.percentiles.p50).toBeNull();
    expect(infantry.confidence.score).toBe(0);
  });

  it('finds past requests by search and re-runs one on today\'s settings', async () => {
    const { handlers } = setup();
    const first = (await call(handlers, 'pricing.price', { title: 'Payroll Specialist', location: 'Ohio' })) as PricingResult;
    const history = (await call(handlers, 'pricing.history', { search: 'payroll ohio' })) as { total: number; items: Array<{ id: string }> };
    expect(history.total).toBe(1);
    expect(history.items[0]!.id).toBe(first.id);
    await call(handlers, 'pricing.setConfig', { patch: { annualAgingRate: 0.1, scenarios: { competitive: 70 } } });
    const config = (await call(handlers, 'pricing.getConfig', {})) as { scenarios: Record<string, number>; annualAgingRate: number };
    expect(config.scenarios).toEqual({ conservative: 25, market: 50, competitive: 70, premium: 75 });
    const again = (await call(handlers, 'pricing.rerun', { id: first.id })) as PricingResult;
    expect(again.rerunOf).toBe(first.id);
    expect(again.id).not.toBe(first.id);
    expect(again.percentiles.p50!.value).toBeGreaterThan(first.percentiles.p50!.value);
    expect(again.scenarios.find((scenario) => scenario.name === 'competitive')!.percentile).toBe(70);
    await call(handlers, 'pricing.setConfig', { patch: { annualAgingRate: 0.03, scenarios: { competitive: 65 } } });
    await expect(call(handlers, 'pricing.setConfig', { patch: { scenarios: { premium: 99 } } })).rejects.toThrow(/scenarios.premium/);
    await expect(call(handlers, 'pricing.get', { id: 'nope' })).rejects.toBeInstanceOf(ApiError);
  });

  it('merges settings patches key by key', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, d: 1 }, { a: { b: 3 } })).toEqual({ a: { b: 3, c: 2 }, d: 1 });
  });

  it('reports the catalogue with its sources and attribution', async () => {
    const { handlers } = setup();
    const catalogue = (await call(handlers, 'pricing.catalogue', {})) as { status: { occupations: number }; sources: Array<{ id: string }>; attribution: string[] };
    expect(catalogue.status.occupations).toBe(1016);
    expect(catalogue.sources.map((source) => source.id)).toContain('bls-oews-2024');
    const factors = (await call(handlers, 'pricing.locationFactors', {})) as { states: Array<{ code: string; factor: number }>; stateMethod: string };
    expect(factors.states.find((state) => state.code === 'AK')!.factor).toBe(1.2);
    expect(factors.stateMethod).toMatch(/state all-occupation median ÷ national/);
  });

  it('prices a CSV in bulk with progress into an exported CSV', async () => {
    const progress: BulkProgress[] = [];
    const { handlers, bulk } = setup(progress);
    const input = join(fixture.dir(), 'jobs.csv');
    const output = join(fixture.dir(), 'priced.csv');
    const rows = ['Job Title,Location,Notes', 'Registered Nurse,CA,a', '"Accountant, Senior",TX,b', ',NY,no title', ...Array.from({ length: 120 }, (_, index) => `Cashier ${index % 3},Ohio,x`)];
    writeFileSync(input, `${rows.join('\n')}\n`);
    const started = (await call(handlers, 'pricing.bulkStart', { inputPath: input, outputPath: output })) as { jobId: string; total: number };
    expect(started.total).toBe(123);
    await new Promise<void>((resolve) => {
      const wait = () => (progress.some((item) => item.status !== 'running') ? resolve() : setTimeout(wait, 20));
      wait();
    });
    const final = progress[progress.length - 1]!;
    expect(final).toMatchObject({ status: 'completed', done: 123, failed: 1 });
    expect(bulk.status(started.jobId).status).toBe('completed');
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(124);
    expect(lines[0]).toMatch(/^Job Title,Location,Notes,matched_code,matched_title,match_score,currency,pay_basis,p10,p25,p50,p75,p90,top_coded/);
    expect(lines[1]).toMatch(/^Registered Nurse,CA,a,29-1141\.00,Registered Nurses,/);
    expect(lines[3]).toMatch(/line 4: empty Job Title/);
    expect(existsSync(`${output}.part`)).toBe(false);
  });

  it('stops a bulk run when cancelled, leaving the rows done in OUT.part', async () => {
    const { bulk } = setup();
    const input = join(fixture.dir(), 'many.csv');
    writeFileSync(input, `title\n${Array.from({ length: 3000 }, (_, index) => `Welder ${index}`).join('\n')}\n`);
    const run = bulk.start(input, join(fixture.dir(), 'many-out.csv'));
    expect(bulk.cancel(run.jobId)).toBe(true);
    const done = await run.finished;
    expect(done.status).toBe('cancelled');
    expect(done.done).toBeLessThan(3000);
    expect(existsSync(join(fixture.dir(), 'many-out.csv.part'))).toBe(true);
  });
});

describe('pricing commands', () => {
  it('turn flags into contract calls and print a readable result', () => {
    const price = pricingCommands.price!.build([], { title: 'Plumber', location: 'TX' } as never);
    expect(price).toMatchObject({ method: 'pricing.price', input: { title: 'Plumber', location: 'TX' } });
    expect(() => pricingCommands.price!.build([], {})).toThrow(/Give a job title/);
    const bulk = pricingCommands['price-bulk']!.build(['in.csv'], { out: 'out.csv' });
    expect(bulk).toMatchObject({ method: 'pricing.bulkStart', input: { inputPath: expect.stringMatching(/\/in\.csv$/) as unknown } });
    expect(() => pricingCommands['pricing:import']!.build(['s.csv'], {})).toThrow(/--mapping/);
  });
});

describe('the model-written explanation hook', () => {
  it('keeps a written explanation only when every number in it was computed', async () => {
    const { createPricingCore: core } = await import('../../../main/pricing/handlers');
    let answer = '';
    const pricing = core({ db: fixture.db(), explain: async () => ({ text: answer, model: 'test-model' }) });
    const first = await pricing.service.price({ title: 'Plumber' });
    answer = `Plumbers earn a median of ${first.percentiles.p50!.display} (P25 ${first.percentiles.p25!.display}).`;
    const grounded = await pricing.service.price({ title: 'Plumber' });
    expect(grounded.explanation).toEqual({ text: answer, method: 'llm', model: 'test-model' });
    answer = 'Plumbers earn a median of $123,456,789.';
    const invented = await pricing.service.price({ title: 'Plumber' });
    expect(invented.explanation.method).toBe('template');
  });
});
