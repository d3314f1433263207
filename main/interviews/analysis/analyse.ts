import { z } from 'zod';
import { usableModel, type InterviewLlm } from '../llm';
import { fillPrompt, loadInterviewPrompt } from '../prompts';
import { reasonIdSchema, reasonIds, sentimentLabels, type Analysis, type ExitGuide, type ExitSetup, type ReasonId, type Sentiment, type Theme, type Turn } from '../schema';
import { labelOf, lexiconSentiment, lexiconThemes, overallSentiment, reasonScores } from './lexicon';
import { suggestRegretted, templateSummary, tenureWords } from './rules';

export interface AnalysisInput {
  interviewId: string;
  setup: ExitSetup;
  turns: readonly Turn[];
  guide: ExitGuide;
  now: number;
}

export const lexiconTemplate = { id: 'exit-analysis-lexicon', version: '1' } as const;

const suggestion = <T>(value: T, method: 'llm' | 'lexicon') => ({ value, suggested: value, method, correctedAt: null, note: null });

const answersOf = (turns: readonly Turn[]): Turn[] => turns.filter((turn) => turn.role === 'employee');

/** The whole analysis from the lexicon and the rules: what is shown when the model is not there. */
export function lexiconAnalysis(input: AnalysisInput): Analysis {
  const answers = answersOf(input.turns);
  const sentiments = new Map(answers.map((answer) => [answer.seq, lexiconSentiment(answer.text)]));
  const overall = overallSentiment(answers.map((answer) => ({ text: answer.text, sentiment: sentiments.get(answer.seq) ?? lexiconSentiment(answer.text) })));
  const reasons = reasonScores(input.guide, answers, sentiments);
  const ranked = [...reasonIds].filter((id) => reasons.scores[id] > 0).sort((a, b) => reasons.scores[b] - reasons.scores[a]);
  const regretted = suggestRegretted(input.setup, reasons.primary);
  return {
    interviewId: input.interviewId,
    createdAt: new Date(input.now).toISOString(),
    method: 'lexicon',
    model: null,
    template: { ...lexiconTemplate },
    options: { lexicon: 'AFINN-165 (sentiment package) with workplace words', reasonScores: reasons.scores },
    primaryReason: suggestion(reasons.primary, 'lexicon'),
    secondaryReason: suggestion(reasons.secondary, 'lexicon'),
    themes: lexiconThemes(input.guide, answers, ranked),
    answers: answers.map((answer) => ({ seq: answer.seq, sentiment: suggestion(sentiments.get(answer.seq) ?? lexiconSentiment(answer.text), 'lexicon') })),
    overall: suggestion(overall, 'lexicon'),
    regretted: suggestion(regretted.value, 'lexicon'),
    regrettedBasis: regretted.basis,
    summary: suggestion(templateSummary(input.setup, reasons.primary, reasons.secondary, overall, answers.length), 'lexicon'),
  };
}

/**
 * What the model must answer; sent to Ollama as the JSON schema of `format`. Answer numbers are
 * limited to the transcript's own, so the grammar cannot let the model cite an answer that was never given.
 */
export function modelAnswerSchema(seqs: readonly number[]) {
  const [first, ...rest] = seqs;
  const answerNumber = first === undefined ? z.number().int() : z.literal([first, ...rest]);
  return z.object({
    primaryReason: reasonIdSchema,
    secondaryReason: reasonIdSchema.nullable(),
    themes: z.array(z.object({ reason: reasonIdSchema, label: z.string().max(80), quotes: z.array(z.object({ answer: answerNumber, text: z.string().max(400) })).max(4) })).max(6),
    answers: z.array(z.object({ answer: answerNumber, sentiment: z.enum(sentimentLabels), score: z.number().min(-1).max(1) })),
    overall: z.object({ sentiment: z.enum(sentimentLabels), score: z.number().min(-1).max(1) }),
    regretted: z.boolean(),
    regrettedBasis: z.string().max(300),
    summary: z.string().min(1).max(1200),
  });
}
type ModelAnswer = z.output<ReturnType<typeof modelAnswerSchema>>;

const normalise = (text: string): string => text.toLowerCase().replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim();

/**
 * Keeps only quotes the employee really said: a quote must appear word for word in an answer
 * (the named one, or any other, whose number is then corrected). Models paraphrase; a theme left
 * with no true quote is dropped rather than shown with invented words.
 */
export function verifiedThemes(themes: ModelAnswer['themes'], answers: readonly Turn[]): Theme[] {
  const kept: Theme[] = [];
  for (const theme of themes) {
    const quotes: Theme['quotes'] = [];
    for (const quote of theme.quotes) {
      const wanted = normalise(quote.text);
      if (wanted.length < 4) continue;
      const source = [answers.find((answer) => answer.seq === quote.answer), ...answers].find((answer) => answer !== undefined && normalise(answer.text).includes(wanted));
      if (source !== undefined) quotes.push({ seq: source.seq, text: quote.text.trim() });
    }
    if (quotes.length > 0) kept.push({ reason: theme.reason, label: theme.label.trim() || theme.reason, quotes });
  }
  return kept;
}

function facts(setup: ExitSetup): string {
  const parts = [
    setup.voluntary ? 'voluntary departure' : 'involuntary departure',
    setup.role === null ? null : `role: ${setup.role}`,
    setup.department === null ? null : `department: ${setup.department}`,
    tenureWords(setup.tenureMonths) === null ? null : `tenure: ${tenureWords(setup.tenureMonths)}`,
  ];
  return parts.filter(Boolean).join('; ');
}

/** The transcript as the model reads it: questions plain, answers numbered by their seq so quotes can name them. */
export function transcriptForModel(turns: readonly Turn[]): string {
  return turns.map((turn) => (turn.role === 'employee' ? `A${turn.seq}: ${turn.text}` : `Q: ${turn.text}`)).join('\n');
}

/** Merges the model's answer over the lexicon's: what the model left out or got wrong falls back, per label. */
function fromModel(answer: ModelAnswer, input: AnalysisInput, model: string, template: { id: string; version: string }, fallback: Analysis): Analysis {
  const answers = answersOf(input.turns);
  const byModel = new Map(answer.answers.map((entry) => [entry.answer, entry]));
  const themes = verifiedThemes(answer.themes, answers);
  // A label that contradicts its own score ("neutral", 0.83) is read by the score, the finer of the two.
  const consistent = (label: Sentiment['label'], score: number): Sentiment => ({ label: labelOf(score) === label ? label : labelOf(score), score });
  const overall = consistent(answer.overall.sentiment, answer.overall.score);
  const secondary: ReasonId | null = answer.secondaryReason === answer.primaryReason ? null : answer.secondaryReason;
  return {
    ...fallback,
    method: 'llm',
    model,
    template,
    options: { temperature: 0, format: 'json-schema' },
    primaryReason: suggestion(answer.primaryReason, 'llm'),
    secondaryReason: suggestion(secondary, 'llm'),
    themes: themes.length > 0 ? themes : fallback.themes,
    answers: fallback.answers.map((entry) => {
      const said = byModel.get(entry.seq);
      return said === undefined ? entry : { seq: entry.seq, sentiment: suggestion(consistent(said.sentiment, said.score), 'llm') };
    }),
    overall: suggestion(overall, 'llm'),
    regretted: suggestion(answer.regretted, 'llm'),
    regrettedBasis: answer.regrettedBasis.trim() || fallback.regrettedBasis,
    summary: suggestion(answer.summary.trim(), 'llm'),
    createdAt: fallback.createdAt,
  };
}

/**
 * The analysis by the interviews model, validated against a JSON schema, with quotes checked
 * against the transcript; the lexicon analysis when the model is away or answers badly.
 */
export async function analyseInterview(input: AnalysisInput, llm: InterviewLlm | undefined, log?: (message: string) => void): Promise<Analysis> {
  const fallback = lexiconAnalysis(input);
  const model = await usableModel(llm);
  if (llm === undefined || model === null || fallback.answers.length === 0) return fallback;
  const prompt = loadInterviewPrompt('exit-analysis.v1');
  const template = { id: prompt.id, version: prompt.version };
  try {
    const result = await llm.client.chat({
      feature: 'interviews',
      model,
      template,
      format: modelAnswerSchema(answersOf(input.turns).map((turn) => turn.seq)),
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: fillPrompt(prompt.user, { facts: facts(input.setup), transcript: transcriptForModel(input.turns) }) },
      ],
      options: { temperature: 0, num_predict: 1500 },
      trim: 'truncate-middle',
      signal: AbortSignal.timeout(llm.analysisTimeoutMs ?? 120_000),
    });
    return fromModel(result.value, input, model, template, fallback);
  } catch (error) {
    log?.(`Exit analysis by the lexicon: the model could not analyse (${error instanceof Error ? error.message : String(error)})`);
    return fallback;
  }
}
