import Sentiment from 'sentiment';
import { reasonIds, reasonTitles, type ExitGuide, type ReasonId, type Sentiment as SentimentValue, type Theme, type Turn } from '../schema';

/**
 * The analysis without a model: sentiment from the AFINN-165 lexicon (the `sentiment` package,
 * with negation), reasons from the guide's keywords and from where negative answers were given,
 * themes quoting the sentences that carry those keywords. Plain, repeatable, and always there.
 */

const analyser = new Sentiment();

/** Workplace words AFINN lacks or scores mildly; the scale is AFINN's (-5..5). */
const workplaceWords: Record<string, number> = {
  underpaid: -3, overworked: -3, burnout: -3, burnt: -2, burned: -2, micromanaged: -3, micromanage: -2, micromanaging: -2, toxic: -3,
  undervalued: -3, unappreciated: -3, stagnant: -2, stuck: -2, unrecognised: -2, unrecognized: -2, exhausting: -3, understaffed: -2,
  supportive: 2, flexible: 1, mentored: 2, rewarding: 2, appreciated: 2,
  // The topics of an exit interview are named in every answer, glad or not: "nobody talked about
  // my growth" is not positive. AFINN scores them as feelings, so here they count for nothing.
  growth: 0, benefits: 0, opportunity: 0, opportunities: 0, support: 0, recognition: 0, reward: 0, rewards: 0, pay: 0, promote: 0, promoted: 0, promotion: 0, challenge: 0,
};

/** Below this magnitude an answer reads as neutral. */
const neutralBand = 0.15;

export function labelOf(score: number): SentimentValue['label'] {
  return score > neutralBand ? 'positive' : score < -neutralBand ? 'negative' : 'neutral';
}

/** One text's sentiment in [-1, 1]: the lexicon's sum squashed, so a few strong words count but never saturate alone. */
export function lexiconSentiment(text: string): SentimentValue {
  const result = analyser.analyze(text, { extras: workplaceWords });
  const score = Math.round(Math.tanh(result.score / 6) * 1000) / 1000;
  return { label: labelOf(score), score };
}

/** The answers' sentiments averaged, each weighted by its length in words (a long answer says more). */
export function overallSentiment(answers: ReadonlyArray<{ text: string; sentiment: SentimentValue }>): SentimentValue {
  let weighted = 0;
  let words = 0;
  for (const answer of answers) {
    const count = Math.max(1, answer.text.split(/\s+/).filter(Boolean).length);
    weighted += answer.sentiment.score * count;
    words += count;
  }
  const score = words === 0 ? 0 : Math.round((weighted / words) * 1000) / 1000;
  return { label: labelOf(score), score };
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z][a-z']+/g) ?? [];

/** A keyword matches a word exactly, or as its stem when it is long enough to be one (promot → promoted). */
function matches(keyword: string, word: string): boolean {
  return word === keyword || (keyword.length >= 5 && word.startsWith(keyword));
}

const hits = (text: string, keywords: readonly string[]): number =>
  wordsOf(text).reduce((sum, word) => sum + (keywords.some((keyword) => matches(keyword.toLowerCase(), word)) ? 1 : 0), 0);

export interface ReasonScores {
  scores: Record<ReasonId, number>;
  primary: ReasonId;
  secondary: ReasonId | null;
}

/**
 * Scores each reason by its keywords across every answer, plus a little for negative answers
 * given while that reason's area was being discussed. The top is primary; the runner-up is
 * secondary when it has at least half the primary's score.
 */
export function reasonScores(guide: ExitGuide, answers: readonly Turn[], sentiments: ReadonlyMap<number, SentimentValue>): ReasonScores {
  const scores = Object.fromEntries(reasonIds.map((id) => [id, 0])) as Record<ReasonId, number>;
  for (const answer of answers) {
    for (const area of guide.areas) scores[area.id] += hits(answer.text, area.keywords);
    const sentiment = sentiments.get(answer.seq);
    // Where a negative answer was given counts for less than a keyword (at most 1): an answer about
    // pay given to the career question is about pay.
    if (answer.area !== null && sentiment !== undefined && sentiment.score < 0) scores[answer.area] += Math.round(-sentiment.score * 100) / 100;
  }
  const ranked = [...reasonIds].filter((id) => scores[id] > 0).sort((a, b) => scores[b] - scores[a] || reasonIds.indexOf(a) - reasonIds.indexOf(b));
  const primary = ranked[0] ?? 'other';
  const runnerUp = ranked[1];
  const secondary = runnerUp !== undefined && scores[runnerUp] >= scores[primary] / 2 ? runnerUp : null;
  return { scores, primary, secondary };
}

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+|\n+/).map((part) => part.trim()).filter((part) => part.length > 0);

/** For each of the top reasons, the employee's own sentences that speak of it (at most three). */
export function lexiconThemes(guide: ExitGuide, answers: readonly Turn[], ranked: readonly ReasonId[]): Theme[] {
  const themes: Theme[] = [];
  for (const reason of ranked.slice(0, 3)) {
    const area = guide.areas.find((entry) => entry.id === reason);
    if (area === undefined) continue;
    const quotes: Theme['quotes'] = [];
    for (const answer of answers) {
      for (const sentence of sentencesOf(answer.text)) {
        // A quote must say something: "No." or "Not really." supports no theme.
        if (sentence.split(/\s+/).length < 4) continue;
        const relevant = hits(sentence, area.keywords) > 0 || (answer.area === reason && labelOf(lexiconSentiment(sentence).score) !== 'neutral');
        if (relevant && quotes.length < 3) quotes.push({ seq: answer.seq, text: sentence.length > 240 ? `${sentence.slice(0, 239)}…` : sentence });
      }
    }
    if (quotes.length > 0) themes.push({ reason, label: reasonTitles[reason], quotes });
  }
  return themes;
}
