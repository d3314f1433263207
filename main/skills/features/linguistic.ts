import Sentiment from 'sentiment';
import type { AnswerEvidence, Quote } from '../schema';
import { countMatches, lexiconListNames, skillLexicon, type LexiconListName } from './lexicon';
import { movingTypeTokenRatio, quoteOf, sentencesOf, tokensOf } from './text';

/** A measured figure with the words behind it; raw null when it cannot be measured. */
export interface Measured {
  raw: number | null;
  missing: string | null;
  quotes: Quote[];
}

interface SentenceTokens {
  seq: number;
  text: string;
  tokens: string[];
}

const afinn = new Sentiment();
const per100 = (count: number, words: number): number => Math.round((count / words) * 100 * 10_000) / 10_000;

/** The sentences with the most hits, best first (at most two), so a figure always shows the words that made it. */
function topSentences(sentences: readonly SentenceTokens[], hitsOf: (sentence: SentenceTokens) => number, limit = 2): Quote[] {
  return sentences
    .map((sentence, index) => ({ sentence, index, hits: hitsOf(sentence) }))
    .filter((entry) => entry.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.index - b.index)
    .slice(0, limit)
    .map(({ sentence }) => ({ seq: sentence.seq, text: quoteOf(sentence.text) }));
}

/**
 * The 16 linguistic features of a person's answers: 13 word lists and the two AFINN-165 counts as
 * rates per 100 words, and lexical diversity (MATTR). The interviewer's words never count.
 */
export function linguisticFeatures(answers: readonly AnswerEvidence[]): Record<string, Measured> {
  const sentences: SentenceTokens[] = answers.flatMap((answer) => sentencesOf(answer.text).map((text) => ({ seq: answer.seq, text, tokens: tokensOf(text) })));
  const allTokens = answers.flatMap((answer) => tokensOf(answer.text));
  const words = allTokens.length;
  const out: Record<string, Measured> = {};
  if (words === 0) {
    for (const name of [...lexiconListNames, 'positive_affect', 'negative_affect', 'lexical_diversity']) out[name] = { raw: null, missing: 'The person said nothing', quotes: [] };
    return out;
  }
  const lexicon = skillLexicon();
  for (const name of lexiconListNames) out[name] = rateOfList(lexicon.lists[name], sentences, words);

  const affect = sentences.map((sentence) => afinn.analyze(sentence.text));
  for (const [name, side] of [['positive_affect', 'positive'], ['negative_affect', 'negative']] as const) {
    const counts = new Map(sentences.map((sentence, index) => [sentence, affect[index]![side].length]));
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    out[name] = { raw: per100(total, words), missing: null, quotes: topSentences(sentences, (sentence) => counts.get(sentence) ?? 0) };
  }

  const mattr = movingTypeTokenRatio(allTokens);
  const richest = [...answers].map((answer) => ({ answer, distinct: new Set(tokensOf(answer.text)).size })).sort((a, b) => b.distinct - a.distinct)[0];
  const firstSentence = richest === undefined ? undefined : sentencesOf(richest.answer.text)[0];
  out.lexical_diversity = {
    raw: mattr === null ? null : Math.round(mattr * 10_000) / 10_000,
    missing: null,
    quotes: richest === undefined || firstSentence === undefined ? [] : [{ seq: richest.answer.seq, text: quoteOf(firstSentence) }],
  };
  return out;
}

function rateOfList(entries: ReturnType<typeof skillLexicon>['lists'][LexiconListName], sentences: readonly SentenceTokens[], words: number): Measured {
  const counts = new Map(sentences.map((sentence) => [sentence, countMatches(entries, sentence.tokens)]));
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return { raw: per100(total, words), missing: null, quotes: topSentences(sentences, (sentence) => counts.get(sentence) ?? 0) };
}
