/**
 * What each of the 26 features measures, in one line, as resources/skills/FEATURES.md says it
 * (the "Measures" column): shown beside a feature wherever evidence names it, so the analyst need
 * not know the catalogue's names.
 */
const meanings: Readonly<Record<string, string>> = {
  perspective_taking: "Taking another person's view (“from their point of view”, “listened to”), per 100 words",
  emotion_words: 'Naming feelings (frustrated, relieved, proud, anxious…), per 100 words',
  positive_affect: 'Positive words (AFINN-165), per 100 words',
  negative_affect: 'Negative words (AFINN-165), per 100 words',
  hedging: 'Tentative language (maybe, perhaps, I think, not sure), per 100 words',
  certainty: 'Absolute language (definitely, always, clearly), per 100 words',
  first_person_singular: 'Self-focus (I, me, my), per 100 words',
  first_person_plural: 'Collective framing (we, us, our), per 100 words',
  social_words: 'Other people and interaction (team, colleague, told, asked), per 100 words',
  causal_words: 'Explaining causes (because, due to, led to), per 100 words',
  insight_words: 'Reflection and understanding (realised, learned, noticed), per 100 words',
  negations: "Negation (no, not, never, …n't), per 100 words",
  future_orientation: 'Looking ahead (will, plan, next time, goal), per 100 words',
  solution_words: 'Problem-solving actions (solve, fix, option, tested, root cause), per 100 words',
  coping_words: 'Recovery from adversity (setback, kept going, bounced back, adapt), per 100 words',
  lexical_diversity: 'Vocabulary range: moving-average type-token ratio over 50-word windows',
  response_latency: 'Hesitation before answering: median seconds before the first keystroke or word',
  answer_time: 'Time taken per answer: median seconds from question to answer sent',
  composition_rate: 'Fluency: words per minute while answering',
  answer_length: 'How much is said: mean words per answer',
  length_variability: 'Consistency of answers: variation of words per answer',
  time_variability: 'Steadiness of pace: variation of answer times',
  revision_rate: 'Self-correction while typing: revisions per 100 words',
  pause_rate: 'Pauses of two seconds or more per answer',
  elaboration: 'Substantive answers: share of answers of 25 words or more',
  engagement_index: 'Engagement: answer length, elaboration, vocabulary range and promptness together',
};

export const meaningOf = (feature: string): string => meanings[feature] ?? 'A feature of the answers';
