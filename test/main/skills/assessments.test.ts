import { describe, expect, it } from 'vitest';
import type { Assessment, AssessmentSummary, SkillResult } from '../../../main/skills/schema-results';
import { handTranscript } from './fixtures/transcripts';
import { useSkillRig } from './rig';

const rig = useSkillRig();

const later = { ...handTranscript, takenAt: '2026-06-01', turns: [...handTranscript.turns, { role: 'interviewer' as const, text: 'Anything else?' }, { role: 'interviewee' as const, text: 'We kept going after the setback and I learned from it.' }] };

describe("the analyst's rating", () => {
  it('sits beside the inferred score and is the one that counts, in every read and in the export', async () => {
    const r = rig({ host: null });
    const assessment = await r.call<Assessment>('skills.infer', { transcript: handTranscript });
    const inferred = assessment.results.find((result) => result.skill === 'empathy')!;
    expect(inferred).toMatchObject({ rating: null, scoreSource: 'inferred', score: inferred.inferred });
    // Every inferred score says what it came from.
    expect(inferred.provenance).toMatchObject({ model: null, weightsVersion: 1, prompt: { id: 'skill-reasoning-template', version: '1' }, lexicon: { id: 'skills-lexicon', version: '1' } });

    const rated = await r.call<SkillResult>('skills.rate', { id: assessment.id, skill: 'empathy', rating: 5, note: 'Saw it in the panel', by: 'Dana' });
    expect(rated).toMatchObject({ score: 5, scoreSource: 'analyst', inferred: inferred.inferred, rating: { value: 5, note: 'Saw it in the panel', by: 'Dana' } });
    const again = await r.call<Assessment>('skills.get', { id: assessment.id });
    expect(again.results.find((result) => result.skill === 'empathy')).toMatchObject({ score: 5, scoreSource: 'analyst' });
    const history = await r.call<AssessmentSummary[]>('skills.assessments', { personId: 'emp-1' });
    expect(history[0]!.skills.find((skill) => skill.skill === 'empathy')).toMatchObject({ rating: 5, score: 5, inferred: inferred.inferred });

    const csv = await r.call<{ fileName: string; content: string }>('skills.export', { personId: 'emp-1', format: 'csv' });
    expect(csv.fileName).toBe('skills-emp-1.csv');
    const [header, ...rows] = csv.content.trim().split('\n');
    const columns = header!.split(',');
    const empathyRow = rows.find((row) => row.includes(',empathy,'))!.split(',');
    expect(empathyRow[columns.indexOf('analyst_rating')]).toBe('5');
    expect(empathyRow[columns.indexOf('score')]).toBe('5');
    expect(empathyRow[columns.indexOf('score_source')]).toBe('analyst');
    expect(empathyRow[columns.indexOf('inferred')]).toBe(String(inferred.inferred));
    expect(empathyRow[columns.indexOf('weights_version')]).toBe('1');
    expect(rows).toHaveLength(4);

    await expect(r.call('skills.rate', { id: assessment.id, skill: 'empathy', rating: 6 })).rejects.toMatchObject({ code: 'invalid_input', field: 'rating' });
    await expect(r.call('skills.rate', { id: 'nope', skill: 'empathy', rating: 3 })).rejects.toMatchObject({ code: 'not_found' });
    const cleared = await r.call<SkillResult>('skills.rate', { id: assessment.id, skill: 'empathy', rating: null });
    expect(cleared).toMatchObject({ rating: null, score: inferred.inferred, scoreSource: 'inferred' });
  });
});

describe("a person's history", () => {
  it('keeps transcripts once, lists assessments over time, and exports them as JSON', async () => {
    const r = rig({ host: null });
    await r.call('skills.infer', { transcript: later });
    await r.call('skills.infer', { transcript: handTranscript });
    await r.call('skills.infer', { transcript: handTranscript });
    expect(r.db.prepare('SELECT count(*) FROM skill_transcripts').pluck().get()).toBe(2);
    const history = await r.call<AssessmentSummary[]>('skills.assessments', { personId: 'emp-1' });
    expect(history.map((entry) => entry.takenAt)).toEqual(['2026-02-10', '2026-02-10', '2026-06-01']);
    expect(await r.call<AssessmentSummary[]>('skills.assessments', { personId: 'emp-1', from: '2026-03-01' })).toHaveLength(1);
    expect(await r.call('skills.people', { search: 'alex' })).toEqual([{ id: 'emp-1', name: 'Alex Doe', assessments: 3, lastTakenAt: '2026-06-01' }]);
    const file = await r.call<{ content: string; mime: string }>('skills.export', { personId: 'emp-1', format: 'json' });
    const parsed = JSON.parse(file.content) as { personId: string; assessments: Assessment[] };
    expect(parsed.assessments).toHaveLength(3);
    expect(parsed.assessments[2]!.results[0]!.evidence.length).toBeGreaterThan(0);
    await expect(r.call('skills.export', { personId: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
    const saved = await r.call<{ id: string; answers: number }>('skills.saveTranscript', { transcript: later });
    expect(saved.answers).toBe(3);
    const fromStored = await r.call<Assessment>('skills.infer', { transcriptId: saved.id, reasoning: 'template' });
    expect(fromStored.transcriptId).toBe(saved.id);
  });

  it('takes an exit interview as evidence, and forgets it when the interview is deleted', async () => {
    const r = rig({ host: null });
    const { id } = r.interviews.create({ employeeName: 'Sam Reyes', employeeRef: 'E-17', anonymous: false, department: 'Sales', role: 'Account manager', tenureMonths: 30, manager: null, voluntary: true, leavingDate: null });
    await r.interviews.start(id);
    await r.interviews.answer(id, 'We worked through the problem together because the client was upset, and I learned to listen first.', { typingMs: 40_000, revisions: 3 });
    const assessment = await r.call<Assessment>('skills.infer', { interviewId: id });
    expect(assessment).toMatchObject({ source: 'exit-interview', interviewId: id, person: { id: 'E-17', name: 'Sam Reyes' } });
    expect(assessment.features.find((feature) => feature.name === 'response_latency')!.value).toBeNull();
    await r.call('interviews.delete', { id });
    expect(r.db.prepare('SELECT count(*) FROM skill_assessments').pluck().get()).toBe(0);
    expect(r.db.prepare('SELECT count(*) FROM skill_transcripts').pluck().get()).toBe(0);
  });

  it('validates a transcript given directly, naming the field', async () => {
    const r = rig({ host: null });
    await expect(r.call('skills.infer', { transcript: { ...handTranscript, takenAt: '10/02/2026' } })).rejects.toMatchObject({ field: 'transcript.takenAt' });
    await expect(r.call('skills.infer', { transcript: { ...handTranscript, turns: [{ role: 'interviewer', text: 'Hello?' }] } })).rejects.toMatchObject({ message: /no answers from the interviewee/ });
    await expect(r.call('skills.infer', { transcript: { ...handTranscript, turns: [{ role: 'boss', text: 'x' }] } })).rejects.toMatchObject({ field: 'transcript.turns.0.role' });
    // "candidate" and "employee" are the interviewee.
    const candidate = await r.call<Assessment>('skills.infer', { transcript: { ...handTranscript, turns: [{ role: 'candidate', text: 'We solved it because we tested every option.' }] }, reasoning: 'template' });
    expect(candidate.answers).toBe(1);
  });
});
