import { writeFileSync } from 'node:fs';
import type { OutputOf } from '../../../main/api/define';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPricingCore, createPricingHandlers } from '../../../main/pricing/handlers';
import { pricingMethods } from '../../../main/pricing/contract';
import type { PricingResult } from '../../../main/pricing/schema';
import { surveyMappingSchema } from '../../../main/pricing/survey/mapping';
import { parseAmount, parseDate, validateSurveyRows } from '../../../main/pricing/survey/validate';
import { useCatalogueDatabase } from './fixture';

const mapping = {
  sourceName: 'Acme Tech Survey 2025',
  columns: {
    jobCode: 'Job Code', title: 'Job Title', description: 'Summary', level: 'Level', location: 'Location',
    p25: 'P25', p50: 'Median', p75: 'P75', p90: 'P90', incumbents: 'Incumbents', companies: 'Orgs', effectiveDate: 'As Of',
  },
  defaults: { currency: 'USD' },
};

describe('survey rows, checked before anything is written', () => {
  it('reads amounts and dates the way survey exports write them', () => {
    expect(parseAmount('$123,400')).toBe(123_400);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('abc')).toBeInstanceOf(Error);
    expect(parseDate('2025-04-01')).toBe('2025-04-01');
    expect(parseDate('4/1/2025')).toBe('2025-04-01');
    expect(parseDate('2025-02-30')).toBeInstanceOf(Error);
  });

  it('names every problem by row and column', () => {
    const parsed = surveyMappingSchema.parse(mapping);
    const { rows, problems } = validateSurveyRows(
      [
        { line: 2, values: { 'Job Code': 'E1', 'Job Title': 'Software Engineer', Median: '150000', P25: '120000', P75: '180000', 'As Of': '2025-04-01' } },
        { line: 3, values: { 'Job Code': 'E2', 'Job Title': '', Median: 'lots', 'As Of': 'soon' } },
        { line: 4, values: { 'Job Code': 'E3', 'Job Title': 'Data Engineer', P25: '150000', Median: '140000', 'As Of': '2025-04-01', Incumbents: '-3' } },
      ],
      parsed,
    );
    expect(rows.map((row) => row.jobCode)).toEqual(['E1']);
    expect(problems).toEqual([
      { row: 3, column: 'Job Title', message: 'The job title is empty' },
      { row: 3, column: 'As Of', message: '"soon" is not a date (use YYYY-MM-DD)' },
      { row: 3, column: 'Median', message: '"lots" is not an amount' },
      { row: 4, column: 'Median', message: 'P50 (140000) is below P25 (150000): percentiles must rise' },
      { row: 4, column: 'Incumbents', message: '"-3" is not a whole number' },
    ]);
  });
});

describe('importing surveys into the database', () => {
  const fixture = useCatalogueDatabase();
  const core = () => {
    const pricing = createPricingCore({ db: fixture.db(), now: () => Date.parse('2026-04-01T00:00:00Z') });
    return { ...pricing, handlers: createPricingHandlers(pricing) };
  };
  const call = async <K extends keyof typeof pricingMethods>(handlers: ReturnType<typeof createPricingHandlers>, name: K, input: unknown): Promise<OutputOf<(typeof pricingMethods)[K]>> =>
    pricingMethods[name].output.parse(await (handlers[name] as (value: unknown) => unknown)(pricingMethods[name].input.parse(input))) as OutputOf<(typeof pricingMethods)[K]>;
  const csv = (name: string, lines: string[]) => {
    const path = join(fixture.dir(), name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const header = 'Job Code,Job Title,Summary,Level,Location,P25,Median,P75,P90,Incumbents,Orgs,As Of';

  it('imports nothing from a file with problems, and lists them', async () => {
    const { handlers } = core();
    const path = csv('bad.csv', [header, 'E1,Software Engineer,,P3,US,"$120,000","$150,000","$180,000",,40,12,2025-04-01', 'E2,,,,US,1,2,3,4,5,6,2025-04-01', 'E3,QA Engineer,,,US,9,8,7,6,5,5,2025-04-01']);
    const result = await call(handlers, 'pricing.importSurvey', { path, mapping });
    expect(result.imported).toBe(0);
    expect(result.problems.map((problem) => [problem.row, problem.column])).toEqual([[3, 'Job Title'], [4, 'Median'], [4, 'P75'], [4, 'P90']]);
    const missing = await call(handlers, 'pricing.importSurvey', { path, mapping: { ...mapping, columns: { ...mapping.columns, p50: 'P50 Base' } } });
    expect(missing.problems[0]).toMatchObject({ row: 1, column: 'P50 Base' });
    const partial = await call(handlers, 'pricing.importSurvey', { path, mapping, allowPartial: true });
    expect(partial).toMatchObject({ imported: 1, skipped: 2 });
    await call(handlers, 'pricing.deleteSource', { id: partial.sources[0]!.id });
  });

  it('prices from a survey beside BLS, by level, and deletes the source', async () => {
    const { handlers } = core();
    const path = csv('good.csv', [
      header,
      'ENG-3,Software Engineer,Builds and ships product software,Senior,US,"$150,000","$175,000","$200,000","$230,000",420,35,2025-04-01',
      'ENG-2,Software Engineer,Builds and ships product software,Intermediate,US,"$120,000","$140,000","$160,000","$180,000",610,40,2025-04-01',
      'NUR-1,Staff Nurse,Inpatient nursing care,,CA,"$110,000","$125,000","$140,000",,3,2,2025-04-01',
    ]);
    const imported = await call(handlers, 'pricing.importSurvey', { path, mapping });
    expect(imported).toMatchObject({ imported: 3, problems: [] });
    await expect(call(handlers, 'pricing.importSurvey', { path, mapping })).rejects.toThrow(/already exists/);

    const priced = (await call(handlers, 'pricing.price', { title: 'Senior Software Engineer' })) as PricingResult;
    expect(priced.sources.map((source) => source.name).sort()).toEqual(['Acme Tech Survey 2025', 'BLS OEWS May 2024 (national)']);
    const survey = priced.benchmarks.find((benchmark) => benchmark.sourceName === 'Acme Tech Survey 2025')!;
    expect(survey).toMatchObject({ code: 'ENG-3', level: 'Senior', sample: 420 });
    expect(priced.confidence.factors.find((factor) => factor.name === 'sources')!.value).toBe(0.85);

    const nurse = (await call(handlers, 'pricing.price', { title: 'Staff Nurse', location: 'CA' })) as PricingResult;
    expect(nurse.benchmarks.some((benchmark) => benchmark.code === 'NUR-1')).toBe(false);
    expect(nurse.notes.join(' ')).toMatch(/3 data points, below the minimum of 5/);

    const sources = await call(handlers, 'pricing.catalogue', {});
    const id = sources.sources.find((source) => source.kind === 'survey')!.id;
    await call(handlers, 'pricing.deleteSource', { id });
    const after = (await call(handlers, 'pricing.price', { title: 'Senior Software Engineer' })) as PricingResult;
    expect(after.sources.map((source) => source.name)).toEqual(['BLS OEWS May 2024 (national)']);
    await expect(call(handlers, 'pricing.deleteSource', { id: 'bls-oews-2024' })).rejects.toThrow(/cannot be deleted/);
  });

  it('imports several sources from one file', async () => {
    const { handlers } = core();
    const path = csv('two.csv', ['survey,title,p50,date', 'Mercer 2025,Welder,"$52,000",2025-01-01', 'Radford 2025,Welder,"$55,000",2025-03-01']);
    const result = await call(handlers, 'pricing.importSurvey', { path, mapping: { columns: { sourceName: 'survey', title: 'title', p50: 'p50', effectiveDate: 'date' }, defaults: { currency: 'USD' } } });
    expect(result.sources.map((source) => source.name)).toEqual(['Mercer 2025', 'Radford 2025']);
    for (const source of result.sources) await call(handlers, 'pricing.deleteSource', { id: source.id });
  });

  it("lets the analyst's location factors win over state factors, and checks them by row", async () => {
    const { handlers } = core();
    const bad = csv('bad-locations.csv', ['location,factor,job_family', 'Austin TX,abc,', ',1.1,', 'Seattle,1.2,engineering']);
    const rejected = await call(handlers, 'pricing.importLocationFactors', { path: bad });
    expect(rejected.imported).toBe(0);
    expect(rejected.problems.map((problem) => [problem.row, problem.column])).toEqual([[2, 'factor'], [3, 'location'], [4, 'job_family']]);
    const good = csv('locations.csv', ['location,factor,job_family', '"Austin, TX",1.08,', '"Austin, TX",1.2,15']);
    expect(await call(handlers, 'pricing.importLocationFactors', { path: good, sourceName: 'Our geo table' })).toEqual({ imported: 2, problems: [] });
    const developer = (await call(handlers, 'pricing.price', { title: 'Software Developer', location: 'Austin, TX' })) as PricingResult;
    expect(developer.location).toMatchObject({ factor: 1.2, source: 'analyst' });
    const nurse = (await call(handlers, 'pricing.price', { title: 'Registered Nurse', location: 'Austin, TX' })) as PricingResult;
    expect(nurse.location).toMatchObject({ factor: 1.08, source: 'analyst' });
    const houston = (await call(handlers, 'pricing.price', { title: 'Registered Nurse', location: 'Houston, TX' })) as PricingResult;
    expect(houston.location).toMatchObject({ factor: 0.9596, source: 'bls-state' });
  });
});
