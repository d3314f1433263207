import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureNames } from '../../../main/skills/features/catalogue';
import { countMatches, skillLexicon } from '../../../main/skills/features/lexicon';
import { movingTypeTokenRatio, tokensOf } from '../../../main/skills/features/text';
import type { FeatureSet } from '../../../main/skills/schema';
import { handTranscript } from './fixtures/transcripts';
import { resourcePath } from '../../../main/resources';
import { useSkillRig } from './rig';

const rig = useSkillRig();

const byName = (set: FeatureSet) => new Map(set.features.map((feature) => [feature.name, feature]));
const per100 = (hits: number): number => (hits / 31) * 100;

describe('feature extraction on a fixed transcript', () => {
  it('counts every list, rate and timing as worked out by hand', async () => {
    const r = rig({ host: null });
    const set = await r.call<FeatureSet>('skills.features', { transcript: handTranscript });
    expect(set).toMatchObject({ source: 'transcript', answers: 2, words: 31, lexicon: { id: 'skills-lexicon', version: '1' } });
    expect(set.features.map((feature) => feature.name)).toEqual(featureNames);
    expect(set.features).toHaveLength(26);
    const f = byName(set);
    const raw = (name: string): number | null => f.get(name)!.raw;
    const value = (name: string): number | null => f.get(name)!.value;

    // Lists (hits): we ×2; I, I, my, I; "I think" + maybe; because; learned; not; together; fixed + data; "next time" + will + plan; hopeful.
    expect(raw('first_person_plural')).toBeCloseTo(per100(2), 3);
    expect(value('first_person_plural')).toBe(1); // 6.45 per 100 is over the cap of 6
    expect(raw('first_person_singular')).toBeCloseTo(per100(4), 3);
    expect(raw('hedging')).toBeCloseTo(per100(2), 3);
    expect(raw('causal_words')).toBeCloseTo(per100(1), 3);
    expect(value('causal_words')).toBeCloseTo(per100(1) / 5, 3);
    expect(raw('insight_words')).toBeCloseTo(per100(1), 3);
    expect(raw('negations')).toBeCloseTo(per100(1), 3);
    expect(value('social_words')).toBeCloseTo(per100(1) / 10, 3);
    expect(raw('solution_words')).toBeCloseTo(per100(2), 3);
    expect(raw('future_orientation')).toBeCloseTo(per100(3), 3);
    expect(value('emotion_words')).toBeCloseTo(per100(1) / 4, 3);
    for (const name of ['certainty', 'perspective_taking', 'coping_words']) expect(raw(name)).toBe(0);
    // AFINN-165: "hopeful" +2, "wrong" −2.
    expect(value('positive_affect')).toBeCloseTo(per100(1) / 8, 3);
    expect(value('negative_affect')).toBeCloseTo(per100(1) / 6, 3);
    // 31 words, 26 distinct (we, it, was twice; I three times): plain TTR under 50 words, scaled on [0.4, 0.9].
    expect(raw('lexical_diversity')).toBeCloseTo(26 / 31, 4);
    expect(value('lexical_diversity')).toBeCloseTo((0.8387 - 0.4) / 0.5, 4);

    // Behaviour: latencies 2 s and 4 s; answer times 12 s and 24 s; 15 and 16 words; revisions 0 + 1; pauses 0 + 2.
    expect(raw('response_latency')).toBe(3);
    expect(value('response_latency')).toBeCloseTo(Math.log(4) / Math.log(61), 4);
    expect(raw('answer_time')).toBe(18);
    expect(value('answer_time')).toBeCloseTo(Math.log(19) / Math.log(301), 4);
    expect(raw('composition_rate')).toBeCloseTo(31 / (36 / 60), 3);
    expect(raw('answer_length')).toBe(15.5);
    expect(raw('length_variability')).toBeCloseTo(0.5 / 15.5, 4);
    expect(raw('time_variability')).toBeCloseTo(6 / 18, 4);
    expect(raw('revision_rate')).toBeCloseTo(per100(1), 3);
    expect(raw('pause_rate')).toBe(1);
    expect(value('pause_rate')).toBe(0.2);
    expect(raw('elaboration')).toBe(0);
    // Engagement: mean of answer length, elaboration, diversity and promptness (1 − latency), from the rounded values.
    const engagement = (value('answer_length')! + 0 + value('lexical_diversity')! + (1 - value('response_latency')!)) / 4;
    expect(value('engagement_index')).toBeCloseTo(engagement, 4);

    // The words behind a figure are quoted: the sentences with the most hits, first among equals.
    expect(f.get('first_person_plural')!.quotes).toEqual([
      { seq: 2, text: 'We fixed it together because the data was wrong.' },
      { seq: 2, text: 'I think we learned a lot.' },
    ]);
    expect(f.get('future_orientation')!.quotes[0]).toEqual({ seq: 4, text: 'Next time I will plan earlier.' });
    expect(f.get('response_latency')!.quotes[0]?.seq).toBe(4);
  });

  it('reads an exit interview: answer times from typing_ms, and latency and pauses missing with the reason', async () => {
    const r = rig({ host: null });
    const { id } = r.interviews.create({ employeeName: 'Sam Reyes', employeeRef: 'E-17', anonymous: false, department: 'Sales', role: null, tenureMonths: 12, manager: null, voluntary: true, leavingDate: null });
    await r.interviews.start(id);
    await r.interviews.answer(id, 'My manager never listened, so we stopped raising problems.', { typingMs: 30_000, revisions: 2 });
    await r.interviews.answer(id, 'I will miss the team.', { typingMs: 10_000, revisions: 0 });
    const set = await r.call<FeatureSet>('skills.features', { interviewId: id });
    const f = byName(set);
    expect(set).toMatchObject({ source: 'exit-interview', answers: 2, words: 14 });
    expect(f.get('response_latency')).toMatchObject({ raw: null, value: null, missing: expect.stringMatching(/exit interviews/) });
    expect(f.get('pause_rate')).toMatchObject({ raw: null, missing: 'Pauses were not recorded' });
    expect(f.get('answer_time')!.raw).toBe(20);
    expect(f.get('revision_rate')!.raw).toBeCloseTo((2 / 14) * 100, 3);
    await expect(r.call('skills.features', { interviewId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(r.call('skills.features', {})).rejects.toMatchObject({ code: 'invalid_input', message: /exactly one/ });
  });

  it('matches phrases, prefixes and suffixes without counting a word twice in one list', () => {
    const lexicon = skillLexicon();
    expect(countMatches(lexicon.lists.hedging, tokensOf('I think maybe I think'))).toBe(3);
    expect(countMatches(lexicon.lists.insight_words, tokensOf('I realised it, then realized more'))).toBe(2);
    expect(countMatches(lexicon.lists.negations, tokensOf("I didn't and won’t, never"))).toBe(3);
    expect(countMatches(lexicon.lists.perspective_taking, tokensOf('I tried to see it from their point of view'))).toBe(2);
    // MATTR over a 50-word window does not fall as the same vocabulary goes on.
    const cycle = Array.from({ length: 200 }, (_, index) => `w${index % 40}`);
    expect(movingTypeTokenRatio(cycle)).toBeCloseTo(40 / 50, 6);
  });

  it('documents every feature in resources/skills/FEATURES.md', () => {
    const doc = readFileSync(resourcePath('skills', 'FEATURES.md'), 'utf8');
    for (const name of featureNames) expect(doc).toContain(`\`${name}\``);
  });
});
