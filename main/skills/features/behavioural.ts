import type { AnswerEvidence, Quote } from '../schema';
import type { Measured } from './linguistic';
import { quoteOf, tokensOf } from './text';

/** Answers of this many words or more count as elaborated. */
export const elaboratedWords = 25;

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Coefficient of variation (population standard deviation over the mean); null under two values or a zero mean. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

/** A behavioural figure is about a whole answer, so the answer is quoted (cut at 220 characters). */
const quoteAnswer = (answer: AnswerEvidence): Quote => ({ seq: answer.seq, text: quoteOf(answer.text.replace(/\s+/g, ' ').trim()) });

/** The answer with the largest figure (first of equals), quoted by its first sentence. */
function quoteLargest(answers: readonly AnswerEvidence[], figure: (answer: AnswerEvidence) => number | null): Quote[] {
  let best: AnswerEvidence | null = null;
  let bestValue = -Infinity;
  for (const answer of answers) {
    const value = figure(answer);
    if (value !== null && value > bestValue) {
      best = answer;
      bestValue = value;
    }
  }
  return best === null ? [] : [quoteAnswer(best)];
}

const missing = (why: string): Measured => ({ raw: null, missing: why, quotes: [] });

/**
 * The 9 behavioural features: how the person answered rather than what they said. Timings,
 * revisions and pauses come with the answers when the source recorded them; a figure not recorded
 * is missing (and says why), never guessed.
 */
export function behaviouralFeatures(answers: readonly AnswerEvidence[]): Record<string, Measured> {
  const wordsOf = new Map(answers.map((answer) => [answer, tokensOf(answer.text).length]));
  const words = (answer: AnswerEvidence): number => wordsOf.get(answer) ?? 0;
  const lengths = answers.map(words);
  const timed = answers.filter((answer) => answer.answerMs !== null && answer.answerMs > 0);
  const withLatency = answers.filter((answer) => answer.latencyMs !== null);
  const withRevisions = answers.filter((answer) => answer.revisions !== null);
  const withPauses = answers.filter((answer) => answer.pauses !== null);
  const out: Record<string, Measured> = {};

  out.response_latency = withLatency.length === 0
    ? missing('Time before answering was not recorded (exit interviews record only question-to-send time)')
    : { raw: round4(median(withLatency.map((answer) => answer.latencyMs! / 1000))), missing: null, quotes: quoteLargest(withLatency, (answer) => answer.latencyMs) };
  out.answer_time = timed.length === 0
    ? missing('Answer times were not recorded')
    : { raw: round4(median(timed.map((answer) => answer.answerMs! / 1000))), missing: null, quotes: quoteLargest(timed, (answer) => answer.answerMs) };
  const timedWords = timed.reduce((sum, answer) => sum + words(answer), 0);
  const timedMinutes = timed.reduce((sum, answer) => sum + answer.answerMs!, 0) / 60_000;
  out.composition_rate = timed.length === 0
    ? missing('Answer times were not recorded')
    : { raw: round4(timedWords / timedMinutes), missing: null, quotes: quoteLargest(timed, (answer) => words(answer) / answer.answerMs!) };

  if (answers.length === 0) {
    for (const name of ['answer_length', 'length_variability', 'time_variability', 'revision_rate', 'pause_rate', 'elaboration']) out[name] = missing('The person gave no answers');
    return out;
  }
  out.answer_length = { raw: round4(lengths.reduce((sum, value) => sum + value, 0) / answers.length), missing: null, quotes: quoteLargest(answers, words) };
  const lengthCv = coefficientOfVariation(lengths);
  out.length_variability = lengthCv === null
    ? missing('Needs two answers or more')
    : { raw: round4(lengthCv), missing: null, quotes: [...quoteLargest(answers, (answer) => -words(answer)), ...quoteLargest(answers, words)] };
  const timeCv = coefficientOfVariation(timed.map((answer) => answer.answerMs!));
  out.time_variability = timeCv === null
    ? missing('Needs two timed answers or more')
    : { raw: round4(timeCv), missing: null, quotes: [...quoteLargest(timed, (answer) => -answer.answerMs!), ...quoteLargest(timed, (answer) => answer.answerMs)] };
  const revisedWords = withRevisions.reduce((sum, answer) => sum + words(answer), 0);
  out.revision_rate = withRevisions.length === 0 || revisedWords === 0
    ? missing('Revisions were not recorded')
    : { raw: round4((withRevisions.reduce((sum, answer) => sum + answer.revisions!, 0) / revisedWords) * 100), missing: null, quotes: quoteLargest(withRevisions, (answer) => (answer.revisions! > 0 ? answer.revisions : null)) };
  out.pause_rate = withPauses.length === 0
    ? missing('Pauses were not recorded')
    : { raw: round4(withPauses.reduce((sum, answer) => sum + answer.pauses!, 0) / withPauses.length), missing: null, quotes: quoteLargest(withPauses, (answer) => (answer.pauses! > 0 ? answer.pauses : null)) };
  out.elaboration = {
    raw: round4(lengths.filter((length) => length >= elaboratedWords).length / answers.length),
    missing: null,
    quotes: quoteLargest(answers, (answer) => (words(answer) >= elaboratedWords ? words(answer) : null)),
  };
  return out;
}
