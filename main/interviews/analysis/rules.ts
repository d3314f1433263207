import { reasonTitles, type ExitSetup, type ReasonId, type Sentiment } from '../schema';

/** Reasons the company could have acted on; leaving for them voluntarily suggests a regretted loss. */
const actionableReasons: ReadonlySet<ReasonId> = new Set(['career-growth', 'pay-benefits', 'manager', 'team-culture', 'workload-balance', 'the-work', 'recognition']);

/**
 * The suggested regretted flag and why. Only a suggestion: the interview cannot know how well the
 * person performed, which is why the analyst's correction always wins.
 */
export function suggestRegretted(setup: ExitSetup, primary: ReasonId): { value: boolean; basis: string } {
  if (!setup.voluntary) return { value: false, basis: 'The departure was not voluntary.' };
  if (actionableReasons.has(primary)) return { value: true, basis: `A voluntary departure for a reason the company could act on: ${reasonTitles[primary].toLowerCase()}.` };
  return { value: false, basis: `A voluntary departure for a reason mostly outside the company's reach: ${reasonTitles[primary].toLowerCase()}.` };
}

export function tenureWords(months: number | null): string | null {
  if (months === null) return null;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [years > 0 ? `${years} ${years === 1 ? 'year' : 'years'}` : '', rest > 0 || years === 0 ? `${rest} ${rest === 1 ? 'month' : 'months'}` : ''];
  return parts.filter(Boolean).join(' ');
}

/** A neutral summary that names no one, from the facts and the labels alone. */
export function templateSummary(setup: ExitSetup, primary: ReasonId, secondary: ReasonId | null, overall: Sentiment, answers: number): string {
  const tenure = tenureWords(setup.tenureMonths);
  const where = [setup.role === null ? null : `as ${setup.role}`, setup.department === null ? null : `in ${setup.department}`].filter(Boolean).join(' ');
  const first = `${setup.voluntary ? 'Left voluntarily' : 'Left involuntarily'}${tenure === null ? '' : ` after ${tenure}`}${where === '' ? '' : ` ${where}`}.`;
  const reason = `The main reason given was ${reasonTitles[primary].toLowerCase()}${secondary === null ? '' : `, then ${reasonTitles[secondary].toLowerCase()}`}.`;
  const tone = `The overall tone was ${overall.label} (${overall.score.toFixed(2)}) across ${answers} ${answers === 1 ? 'answer' : 'answers'}.`;
  return `${first} ${reason} ${tone}`;
}
