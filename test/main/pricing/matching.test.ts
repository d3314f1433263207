import { describe, expect, it } from 'vitest';
import { readCatalogueStatus } from '../../../main/pricing/build-catalogue';
import { firstPerGroup, reciprocalRankFusion } from '../../../main/pricing/match/fuse';
import { Matcher } from '../../../main/pricing/match/matcher';
import { acronymExpansions, ftsQuery, prepareQuery } from '../../../main/pricing/match/query';
import { cosineSparse, featureCounts, hashVector } from '../../../main/pricing/text/features';
import { analyseTitle, foldText } from '../../../main/pricing/text/normalise';
import { editDistance, Speller } from '../../../main/pricing/text/spelling';
import { useCatalogueDatabase } from './fixture';

describe('reading titles', () => {
  it('spells out abbreviations, drops seniority and filler, and notes the level', () => {
    expect(analyseTitle('Sr. Software Eng II (Payments Team)')).toEqual({
      words: ['software', 'engineer', 'payment'],
      expansions: [
        { from: 'sr', to: 'senior' },
        { from: 'eng', to: 'engineer' },
      ],
      level: 'senior',
    });
    expect(analyseTitle('RN - ICU').words).toEqual(['registered', 'nurse', 'intensive', 'care', 'unit']);
    expect(analyseTitle('Executive Assistant to the CEO').words).toEqual(['executive', 'assistant']);
    expect(foldText('FP&A Analyst, A/P')).toBe('financial planning analysis analyst accounts payable');
    expect(analyseTitle('constructor').words).toEqual(['constructor']);
  });

  it('corrects typos to the closest known word, offering every equally close one', () => {
    expect(editDistance('enginer', 'engineer', 2)).toBe(1);
    expect(editDistance('acountant', 'accountant', 2)).toBe(1);
    const speller = new Speller(new Map([['engineer', 50], ['electrician', 10], ['electrical', 40], ['accountant', 9]]));
    expect(speller.correct('enginer')).toBe('engineer');
    expect(speller.corrections('electrican')).toEqual(['electrical', 'electrician']);
    expect(speller.correct('zzzzzz')).toBe('zzzzzz');
    expect(speller.correct('rn')).toBe('rn');
  });

  it('spells out capitalised shorthand in descriptions only', () => {
    expect(acronymExpansions('CNA certification required; it helps')).toEqual(['certified', 'nursing', 'assistant']);
    const query = prepareQuery('Pharmasist', 'Fill prescriptions', new Speller(new Map([['pharmacist', 5]])));
    expect(query.titleWords).toEqual(['pharmacist']);
    expect(query.notes).toEqual(['read "pharmasist" as "pharmacist"']);
    expect(ftsQuery(['software', 'engineer', 'software'])).toBe('"software" OR "engineer"');
    expect(ftsQuery([])).toBeNull();
  });
});

describe('vectors and fusion', () => {
  it('hashes the same text to the same unit vector', () => {
    const counts = featureCounts(['software', 'engineer']);
    expect(counts.get('b:software_engineer')).toBe(1);
    expect(counts.get('c:#so')).toBe(1);
    const vector = new Map([...counts].map(([feature, count]) => [feature, count]));
    const a = hashVector(vector, 256);
    const b = hashVector(vector, 256);
    expect(a).toEqual(b);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(cosineSparse(new Map([['x', 1]]), new Map([['x', 1]]))).toBe(1);
  });

  it('fuses ranked lists by reciprocal rank', () => {
    const fused = reciprocalRankFusion([{ ids: [1, 2, 3], weight: 1 }, { ids: [2, 1], weight: 1 }], 10);
    expect(fused.get(1)).toBeCloseTo(1 / 11 + 1 / 12);
    expect([...fused.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id).slice(0, 2).sort()).toEqual([1, 2]);
    expect(firstPerGroup([{ g: 5 }, { g: 5 }, { g: 2 }], (hit) => hit.g)).toEqual([5, 2]);
  });
});

describe('matching against the full catalogue', () => {
  const fixture = useCatalogueDatabase();
  let matcher: Matcher | null = null;
  const top = (title: string, description?: string) => {
    const status = readCatalogueStatus(fixture.db())!;
    matcher ??= Matcher.load(fixture.db(), status.dims);
    return matcher.match(title, description, 5);
  };

  it.each([
    ['Registered Nurse', '29-1141'],
    ['Sr. Software Engineer (Payments)', '15-1252'],
    ['Staff Accountant', '13-2011'],
    ['CDL-A Truck Driver (OTR)', '53-3032'],
    ['Pharmasist', '29-1051'],
    ['HR Generalist', '13-1071'],
  ])('%s → %s first', (title, soc) => {
    expect(top(title).matches[0]!.soc).toBe(soc);
  });

  it('says why each match matched', () => {
    const outcome = top('Sr. Software Engineer');
    expect(outcome.matches[0]!.why[0]).toMatch(/title "Software Engineer"/);
    expect(outcome.matches[0]!.score).toBeGreaterThan(0.7);
    expect(outcome.query.level).toBe('senior');
    expect(outcome.query.notes).toContain('read "sr" as "senior"');
  });

  it('leans on the description when the title is generic', () => {
    const outcome = top('Technician I', 'Draw blood from patients by venipuncture, label specimens and send them to the lab.');
    expect(outcome.matches.map((match) => match.soc)).toContain('31-9097');
  });

  it('keeps occupations without wage data matchable', () => {
    const outcome = top('Infantry Officer');
    expect(outcome.matches[0]).toMatchObject({ code: '55-1016.00', wageCode: null });
  });
});
