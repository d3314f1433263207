import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { InterviewStore } from '../interviews/store';
import { sha256 } from './model/registry';
import type { AnswerEvidence, TranscriptInput } from './schema';

/**
 * Where evidence comes from, turned into one stored shape: an exit interview of this app (its
 * turns, with typing_ms as the time from question shown to answer sent) or a transcript given
 * directly (latency before answering and typing time kept apart). Both are stored, so a person
 * has a history whatever happens to the source later.
 */

export interface StoredTurn {
  seq: number;
  role: 'interviewer' | 'interviewee';
  text: string;
  latencyMs: number | null;
  typingMs: number | null;
  /** Question shown to answer sent: latency + typing for transcripts, typing_ms for exit interviews. */
  answerMs: number | null;
  revisions: number | null;
  pauses: number | null;
}

export interface StoredTranscript {
  id: string;
  source: 'exit-interview' | 'transcript';
  interviewId: string | null;
  personId: string;
  personName: string | null;
  takenAt: string;
  title: string | null;
  turns: StoredTurn[];
}

export type NewTranscript = Omit<StoredTranscript, 'id'>;

/** The same content always has the same checksum, so a transcript given twice is stored once. */
export function transcriptChecksum(transcript: NewTranscript): string {
  const { source, interviewId, personId, personName, takenAt, title, turns } = transcript;
  return sha256(JSON.stringify({ source, interviewId, personId, personName, takenAt, title, turns }));
}

export function fromTranscriptInput(input: TranscriptInput): NewTranscript {
  return {
    source: 'transcript',
    interviewId: null,
    personId: input.person.id,
    personName: input.person.name ?? null,
    takenAt: input.takenAt,
    title: input.title ?? null,
    turns: input.turns.map((turn, index) => ({
      seq: index + 1,
      role: turn.role,
      text: turn.text,
      latencyMs: turn.latencyMs ?? null,
      typingMs: turn.typingMs ?? null,
      answerMs: turn.typingMs === undefined ? null : (turn.latencyMs ?? 0) + turn.typingMs,
      revisions: turn.revisions ?? null,
      pauses: turn.pauses ?? null,
    })),
  };
}

/** An exit interview's turns as evidence; its employee is the person (an anonymous one is known only by the interview). */
export function fromExitInterview(db: Database, interviewId: string): NewTranscript {
  const store = new InterviewStore(db);
  const row = store.get(interviewId);
  const turns = store.turns(interviewId);
  if (!turns.some((turn) => turn.role === 'employee')) throw new ApiError('conflict', 'This exit interview has no answers yet: there is nothing to infer skills from', 'interviewId');
  const at = row.ended_at ?? row.started_at ?? row.created_at;
  return {
    source: 'exit-interview',
    interviewId,
    personId: row.anonymous === 1 || row.employee_ref === null ? `exit:${interviewId}` : row.employee_ref,
    personName: row.anonymous === 1 ? null : row.employee_name,
    takenAt: new Date(at).toISOString().slice(0, 10),
    title: `Exit interview${row.role === null ? '' : ` (${row.role})`}`,
    turns: turns.map((turn) => ({
      seq: turn.seq,
      role: turn.role === 'employee' ? 'interviewee' : 'interviewer',
      text: turn.text,
      latencyMs: null,
      typingMs: null,
      answerMs: turn.typingMs,
      revisions: turn.revisions,
      pauses: null,
    })),
  };
}

export function answersOf(transcript: Pick<StoredTranscript, 'turns'>): AnswerEvidence[] {
  return transcript.turns
    .filter((turn) => turn.role === 'interviewee')
    .map((turn) => ({ seq: turn.seq, text: turn.text, latencyMs: turn.latencyMs, answerMs: turn.answerMs, revisions: turn.revisions, pauses: turn.pauses }));
}
