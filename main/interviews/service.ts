import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { analyseInterview } from './analysis/analyse';
import { clearCorrection, parseCorrection, readAnalysis, saveAnalysis, saveCorrection } from './analysis/store';
import { nextStep, progressOf, scriptedProbe } from './conversation';
import { writeFollowUp } from './follow-up';
import { GuideStore } from './guide-store';
import type { InterviewLlm } from './llm';
import type { Analysis, CorrectionField, ExitGuide, ExitSetup, InterviewDetail, InterviewSummary, Turn } from './schema';
import { InterviewStore, setupOf, type InterviewRow, type NewTurn } from './store';

export interface InterviewServiceOptions {
  db: Database;
  llm?: InterviewLlm;
  /** Each piece of an interviewer turn as the model writes it (the `interviews.token` event). */
  onToken?: (event: { interviewId: string; seq: number; token: string; reset: boolean }) => void;
  now?: () => number;
  log?: (level: 'info' | 'warn', message: string) => void;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Exit interviews: set-up, the conversation (the guide's questions, follow-ups by the local model
 * or the guide's probes when it is away), pause, resume and end, analysis and corrections.
 * Each turn is committed before anything else happens, so nothing said is ever lost.
 */
export class InterviewService {
  readonly store: InterviewStore;
  readonly guides: GuideStore;
  private readonly now: () => number;
  /** Interviews whose next turn is being written: a second answer waits its turn. */
  private readonly writing = new Set<string>();

  constructor(private readonly options: InterviewServiceOptions) {
    this.store = new InterviewStore(options.db);
    this.guides = new GuideStore(options.db);
    this.now = options.now ?? Date.now;
  }

  create(setup: ExitSetup): InterviewSummary {
    const guide = this.guides.get(undefined, this.now());
    const id = randomUUID();
    this.store.insert(id, setup, guide.version, this.options.llm?.model() ?? null, this.now());
    return this.summary(this.store.get(id));
  }

  summary(row: InterviewRow, analysis: Analysis | null = readAnalysis(this.options.db, row.id)): InterviewSummary {
    return {
      id: row.id,
      status: row.status,
      setup: setupOf(row),
      guideVersion: row.guide_version,
      model: row.model,
      createdAt: new Date(row.created_at).toISOString(),
      startedAt: iso(row.started_at),
      endedAt: iso(row.ended_at),
      answers: this.store.answerCount(row.id),
      primaryReason: analysis?.primaryReason.value ?? null,
      overall: analysis?.overall.value.label ?? null,
      analysed: analysis !== null,
    };
  }

  detail(id: string): InterviewDetail {
    const row = this.store.get(id);
    const turns = this.store.turns(id);
    const analysis = readAnalysis(this.options.db, id);
    return { ...this.summary(row, analysis), turns, draft: row.draft, progress: progressOf(this.guideOf(row), turns), analysis };
  }

  private guideOf(row: InterviewRow): ExitGuide {
    return this.guides.get(row.guide_version, this.now());
  }

  /** Opens the conversation, or resumes it: a question owed (after a crash mid-turn, say) is asked now. */
  async start(id: string): Promise<InterviewDetail> {
    const row = this.store.get(id);
    if (row.status === 'completed' || row.status === 'ended') return this.detail(id);
    this.store.update(id, { status: 'in-progress', started: true }, this.now());
    await this.advance(row);
    return this.detail(id);
  }

  async answer(id: string, text: string, typing: { typingMs?: number; revisions?: number }): Promise<InterviewDetail> {
    const row = this.store.get(id);
    if (row.status === 'paused') throw new ApiError('conflict', 'The interview is paused: resume it before answering', 'id');
    if (row.status === 'completed' || row.status === 'ended') throw new ApiError('conflict', 'The interview has ended: no more answers are taken', 'id');
    if (row.status === 'ready') throw new ApiError('conflict', 'The interview has not started yet: start it first', 'id');
    if (this.writing.has(id)) throw new ApiError('conflict', 'The next question is still being written: wait for it, then answer', 'id');
    const turns = this.store.turns(id);
    const asked = turns.at(-1);
    if (asked === undefined || asked.role !== 'interviewer') throw new ApiError('conflict', 'No question is waiting for an answer', 'id');
    this.store.append(id, [{ role: 'employee', kind: 'answer', area: asked.area, text, source: 'employee', typingMs: typing.typingMs ?? null, revisions: typing.revisions ?? null }], { clearDraft: true }, this.now());
    await this.advance(row);
    return this.detail(id);
  }

  saveDraft(id: string, text: string): { savedAt: string } {
    const row = this.store.get(id);
    if (row.status === 'completed' || row.status === 'ended') throw new ApiError('conflict', 'The interview has ended: there is nothing to draft', 'id');
    const now = this.now();
    this.store.saveDraft(id, text, now);
    return { savedAt: new Date(now).toISOString() };
  }

  pause(id: string): InterviewDetail {
    const row = this.store.get(id);
    if (row.status === 'in-progress' || row.status === 'ready') this.store.update(id, { status: 'paused' }, this.now());
    return this.detail(id);
  }

  /** Ends now with the closing words; an interview that was never started simply ends. */
  end(id: string): InterviewDetail {
    const row = this.store.get(id);
    if (row.status === 'completed' || row.status === 'ended') return this.detail(id);
    const guide = this.guideOf(row);
    const closing: NewTurn = { role: 'interviewer', kind: 'closing', area: null, text: guide.closing, source: 'script' };
    this.store.append(id, row.status === 'ready' ? [] : [closing], { status: 'ended', ended: true }, this.now());
    return this.detail(id);
  }

  delete(id: string): { deleted: boolean } {
    if (this.writing.has(id)) throw new ApiError('conflict', 'The interview is being written to right now: try again in a moment', 'id');
    return { deleted: this.store.delete(id) };
  }

  async analyse(id: string): Promise<Analysis> {
    const row = this.store.get(id);
    const turns = this.store.turns(id);
    if (!turns.some((turn) => turn.role === 'employee')) throw new ApiError('conflict', 'There is nothing to analyse yet: the employee has not answered', 'id');
    const analysis = await analyseInterview({ interviewId: id, setup: setupOf(row), turns, guide: this.guideOf(row), now: this.now() }, this.options.llm, (message) =>
      this.options.log?.('warn', message),
    );
    // The interview may have been deleted while the model was thinking.
    if (this.store.find(id) === undefined) throw new ApiError('not_found', `No exit interview ${id}`, 'id');
    saveAnalysis(this.options.db, analysis);
    return readAnalysis(this.options.db, id) ?? analysis;
  }

  correct(id: string, field: CorrectionField, value: unknown, note: string | undefined, clear: boolean): Analysis {
    this.store.get(id);
    const analysis = readAnalysis(this.options.db, id);
    if (analysis === null) throw new ApiError('conflict', 'Analyse the interview before correcting its labels', 'id');
    if (clear) clearCorrection(this.options.db, id, field);
    else saveCorrection(this.options.db, id, field, parseCorrection(analysis, field, value), note?.trim() || null, this.now());
    return readAnalysis(this.options.db, id) ?? analysis;
  }

  /** Asks what is owed next, writing follow-ups with the model when it can; one writer per interview. */
  private async advance(row: InterviewRow): Promise<void> {
    if (this.writing.has(row.id)) return;
    this.writing.add(row.id);
    try {
      const guide = this.guideOf(row);
      const turns = this.store.turns(row.id);
      const step = nextStep(guide, turns);
      const now = this.now();
      switch (step.kind) {
        case 'open':
          this.store.append(row.id, [
            { role: 'interviewer', kind: 'opening', area: null, text: guide.opening, source: 'script' },
            { role: 'interviewer', kind: 'question', area: step.first.id, text: step.first.question, source: 'script' },
          ], {}, now);
          return;
        case 'question':
          this.store.append(row.id, [{ role: 'interviewer', kind: 'question', area: step.area.id, text: step.area.question, source: 'script' }], {}, now);
          return;
        case 'close':
          this.store.append(row.id, [{ role: 'interviewer', kind: 'closing', area: null, text: guide.closing, source: 'script' }], { status: 'completed', ended: true }, now);
          return;
        case 'follow-up':
          await this.followUp(row.id, step.area, step.probeIndex, turns);
          return;
        default:
          return;
      }
    } finally {
      this.writing.delete(row.id);
    }
  }

  private async followUp(id: string, area: ExitGuide['areas'][number], probeIndex: number, turns: readonly Turn[]): Promise<void> {
    const seq = (turns.at(-1)?.seq ?? 0) + 1;
    const written = await writeFollowUp(this.options.llm, area, turns, (token, reset) => this.options.onToken?.({ interviewId: id, seq, token, reset }), (message) =>
      this.options.log?.('info', message),
    );
    if (this.store.find(id) === undefined) return;
    const turn: NewTurn =
      written === null
        ? { role: 'interviewer', kind: 'follow-up', area: area.id, text: scriptedProbe(area, probeIndex), source: 'script' }
        : { role: 'interviewer', kind: 'follow-up', area: area.id, text: written.text, source: 'llm', model: written.model, template: written.template, llmCallId: written.llmCallId };
    this.store.append(id, [turn], {}, this.now());
  }
}
