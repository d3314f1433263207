import type { ExitGuide, GuideArea, ReasonId, Turn } from './schema';

/**
 * Where a conversation stands, read from its committed turns alone: nothing else holds the
 * position, so an interview resumed after a pause, a restart or a crash carries on exactly where
 * the transcript stops.
 */
export type NextStep =
  | { kind: 'open'; first: GuideArea }
  | { kind: 'await-answer' }
  | { kind: 'follow-up'; area: GuideArea; probeIndex: number }
  | { kind: 'question'; area: GuideArea }
  | { kind: 'close' }
  | { kind: 'done' };

/** Short refusals ("no", "nothing really", "I'd rather not say") are respected: no probing after them. */
const declines = /^(no|nope|nah|nothing|none|n\/?a|not really|no comment|pass|skip|i'?d rather not|prefer not|rather not|no thanks|not sure|i don'?t know|idk)\b/i;

export function invitesFollowUp(answer: string): boolean {
  const words = answer.trim().split(/\s+/).filter(Boolean);
  if (words.length < 3) return false;
  return !(words.length <= 8 && declines.test(answer.trim()));
}

function areaOf(guide: ExitGuide, id: ReasonId | null): GuideArea | undefined {
  return guide.areas.find((area) => area.id === id);
}

export function nextStep(guide: ExitGuide, turns: readonly Turn[]): NextStep {
  const first = guide.areas[0];
  const last = turns.at(-1);
  if (last === undefined || first === undefined) return first === undefined ? { kind: 'close' } : { kind: 'open', first };
  if (last.kind === 'closing') return { kind: 'done' };
  if (last.role === 'interviewer') return { kind: 'await-answer' };

  const area = areaOf(guide, last.area);
  if (area !== undefined) {
    const followUps = turns.filter((turn) => turn.kind === 'follow-up' && turn.area === area.id).length;
    if (followUps < area.maxFollowUps && invitesFollowUp(last.text)) return { kind: 'follow-up', area, probeIndex: followUps };
  }
  const index = area === undefined ? -1 : guide.areas.indexOf(area);
  const following = guide.areas[index + 1];
  return following === undefined ? { kind: 'close' } : { kind: 'question', area: following };
}

/** How far through the guide the conversation is: the area being talked about, counted from 1. */
export function progressOf(guide: ExitGuide, turns: readonly Turn[]): { area: ReasonId | null; areaIndex: number; areas: number } {
  const asked = [...turns].reverse().find((turn) => turn.role === 'interviewer' && turn.area !== null);
  const area = asked?.area ?? null;
  const index = guide.areas.findIndex((entry) => entry.id === area);
  const finished = turns.at(-1)?.kind === 'closing';
  // An interview ended early reports the areas it reached, not the whole guide.
  return { area: finished ? null : area, areaIndex: index + 1, areas: guide.areas.length };
}

/** The scripted probe for a follow-up when the model is not there; the area's own question rephrased as a last resort. */
export function scriptedProbe(area: GuideArea, probeIndex: number): string {
  return area.probes[probeIndex] ?? area.probes.at(-1) ?? 'Could you tell me a little more about that?';
}

/** What has been said about one area, as the follow-up prompt shows it. */
export function areaConversation(turns: readonly Turn[], area: ReasonId): string {
  return turns
    .filter((turn) => turn.area === area && turn.kind !== 'opening')
    .map((turn) => `${turn.role === 'interviewer' ? 'Interviewer' : 'Employee'}: ${turn.text}`)
    .join('\n');
}
