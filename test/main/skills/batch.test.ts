import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkillService } from '../../../main/skills/service';
import { generateTranscripts } from '../../../main/skills/sample/transcripts';
import type { Assessment, JobProgress } from '../../../main/skills/schema-results';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useSkillRig, type SkillRig } from './rig';

const rig = useSkillRig();
let engine: OllamaStandin;
beforeAll(async () => {
  engine = await startOllamaStandin();
});
afterAll(async () => {
  await engine.close();
});

interface JobView {
  progress: JobProgress;
  items: Array<{ seq: number; source: Record<string, string>; status: string; assessmentId: string | null; error: string | null }>;
}

async function waitForEnd(r: SkillRig, jobId: string): Promise<JobView> {
  for (let round = 0; round < 400; round += 1) {
    const view = await r.call<JobView>('skills.job', { jobId });
    if (view.progress.status !== 'running') return view;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('The job did not end');
}

describe('many people at once', () => {
  it('infers 100 people as one job with progress (done, rate, ETA) and one assessment each', async () => {
    const r = rig({ host: null });
    const transcripts = generateTranscripts(100, 21);
    const started = await r.call<JobProgress>('skills.inferMany', { transcripts });
    expect(started).toMatchObject({ status: 'running', done: 0, total: 100, failed: 0 });
    const view = await waitForEnd(r, started.jobId);
    expect(view.progress).toMatchObject({ status: 'completed', done: 100, failed: 0, total: 100, etaSeconds: 0 });
    expect(view.items).toHaveLength(100);
    expect(view.items.every((item) => item.status === 'done' && item.assessmentId !== null)).toBe(true);
    // Progress came as events: rising, each with a rate, the last one final.
    const events = r.progress.filter((event) => event.jobId === started.jobId);
    expect(events.at(-1)).toMatchObject({ status: 'completed', done: 100 });
    expect(events.map((event) => event.done)).toEqual([...events.map((event) => event.done)].sort((a, b) => a - b));
    expect(events.at(-1)!.perSecond).toBeGreaterThan(0);
    const people = await r.call<Array<{ id: string; assessments: number }>>('skills.people', { limit: 1000 });
    expect(people).toHaveLength(100);
    const first = await r.call<Assessment>('skills.get', { id: view.items[0]!.assessmentId! });
    expect(first.person.id).toBe('person-0001');
    expect(first.results).toHaveLength(4);
  });

  it('cancels: stops between people, keeps those done, and marks the rest cancelled', async () => {
    const r = rig({ host: engine.url, slots: 1 });
    engine.configure({ firstTokenMs: 30 });
    try {
      const started = await r.call<JobProgress>('skills.inferMany', { transcripts: generateTranscripts(20, 4) });
      while ((await r.call<JobView>('skills.job', { jobId: started.jobId })).progress.done < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      const cancelled = await r.call<JobProgress>('skills.cancelJob', { jobId: started.jobId });
      expect(cancelled.status).toBe('cancelled');
      const view = await r.call<JobView>('skills.job', { jobId: started.jobId });
      const done = view.items.filter((item) => item.status === 'done');
      expect(done.length).toBeGreaterThanOrEqual(2);
      expect(done.length).toBeLessThan(20);
      expect(view.items.filter((item) => item.status === 'cancelled').length).toBe(20 - done.length - view.progress.failed);
      expect(r.db.prepare('SELECT count(*) FROM skill_assessments').pluck().get()).toBe(done.length);
    } finally {
      engine.configure({ firstTokenMs: 0 });
    }
  });

  it('reports a person that cannot be read without stopping the others', async () => {
    const r = rig({ host: null });
    const { id } = r.interviews.create({ employeeName: null, employeeRef: null, anonymous: true, department: null, role: null, tenureMonths: null, manager: null, voluntary: true, leavingDate: null });
    const final = await r.call<JobProgress>('skills.inferMany', { interviewIds: [id, 'missing-id'], transcripts: generateTranscripts(2, 8), wait: true });
    expect(final).toMatchObject({ status: 'completed', done: 4, failed: 2 });
    const view = await r.call<JobView>('skills.job', { jobId: final.jobId });
    expect(view.items.map((item) => item.status)).toEqual(['failed', 'failed', 'done', 'done']);
    expect(view.items[0]!.error).toMatch(/no answers yet/);
    expect(view.items[1]!.error).toMatch(/No exit interview missing-id/);
    await expect(r.call('skills.inferMany', {})).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('reads a job left running by a process that is gone as interrupted, and leaves a live one alone', async () => {
    const r = rig({ host: null });
    const insert = r.db.prepare(`INSERT INTO skill_jobs (id, status, total, done, options_json, owner, created_at) VALUES (?, 'running', 10, 3, '{}', ?, 0)`);
    insert.run('dead', `${hostname()}:999999:abcd1234`);
    insert.run('elsewhere', 'another-host:1:abcd1234');
    const restarted = new SkillService({ db: r.db });
    expect((await r.call<JobView>('skills.job', { jobId: 'dead' })).progress).toMatchObject({ status: 'interrupted', done: 3, total: 10 });
    expect((await r.call<JobView>('skills.job', { jobId: 'elsewhere' })).progress.status).toBe('running');
    await restarted.close();
  });
});
