import type { StateFactor } from '../sources/states';
import { stateFactorMethod } from '../sources/states';

/** A row of the analyst's own location table (it takes precedence over the BLS state factors). */
export interface AnalystLocationFactor {
  location: string;
  key: string;
  kind: 'state' | 'metro' | 'country' | 'other';
  /** '' for every job; otherwise a SOC prefix ("15" or "15-12") the factor is limited to. */
  jobFamily: string;
  factor: number;
  sourceName: string;
}

export interface LocationResolution {
  requested: string | null;
  /** Null when no factor is known: the figures stay national and the result says so. */
  factor: number | null;
  source: 'national' | 'analyst' | 'bls-state' | 'none';
  matched: string | null;
  note: string;
}

/** "San Francisco, CA" → "san francisco, ca": lower case, accents and dots dropped, commas kept. */
export const locationKey = (text: string): string =>
  text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\./g, '').replace(/[^a-z0-9,]+/g, ' ').replace(/\s*,\s*/g, ', ').trim();

const nationalNames = new Set(['', 'us', 'usa', 'u s', 'united states', 'united states of america', 'national', 'nationwide', 'remote', 'remote us', 'remote usa', 'us remote', 'america']);

export const isNational = (location: string | null | undefined): boolean => nationalNames.has(locationKey(location ?? '').replace(/,/g, ''));

function analystMatch(key: string, soc: string | null, table: readonly AnalystLocationFactor[]): AnalystLocationFactor | null {
  const parts = [key, ...key.split(', ').filter((part) => part !== key)];
  for (const part of parts) {
    const candidates = table.filter((row) => row.key === part && (row.jobFamily === '' || (soc !== null && soc.startsWith(row.jobFamily))));
    if (candidates.length > 0) return [...candidates].sort((a, b) => b.jobFamily.length - a.jobFamily.length)[0]!;
  }
  return null;
}

function stateMatch(key: string, states: readonly StateFactor[]): StateFactor | null {
  const parts = key.split(', ').reverse();
  for (const part of parts) {
    const words = part.split(' ');
    const found =
      states.find((state) => locationKey(state.name) === part || state.code.toLowerCase() === part) ??
      (words.length > 1 ? states.find((state) => state.code.toLowerCase() === words[words.length - 1]) : undefined);
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * The factor for a location: the analyst's table first (most specific job family wins), then the
 * BLS state factor of the state named or implied ("Austin, TX" → Texas), else none known.
 */
export function resolveLocation(requested: string | null | undefined, soc: string | null, analyst: readonly AnalystLocationFactor[], states: readonly StateFactor[]): LocationResolution {
  const text = (requested ?? '').trim();
  if (isNational(text)) {
    return { requested: text === '' ? null : text, factor: 1, source: 'national', matched: 'United States', note: 'National (U.S.) figures, no location adjustment.' };
  }
  const key = locationKey(text);
  const own = analystMatch(key, soc, analyst);
  if (own !== null) {
    const family = own.jobFamily === '' ? '' : ` for job family ${own.jobFamily}`;
    return { requested: text, factor: own.factor, source: 'analyst', matched: own.location, note: `Factor ${own.factor} for ${own.location}${family} from the analyst's table "${own.sourceName}".` };
  }
  const state = stateMatch(key, states);
  if (state !== null) {
    const city = locationKey(state.name) === key || state.code.toLowerCase() === key ? '' : ` (no factor for ${text} itself, so its state's)`;
    return {
      requested: text,
      factor: state.factor,
      source: 'bls-state',
      matched: `${state.name} (${state.code})`,
      note: `Factor ${state.factor} for ${state.name}${city}: ${stateFactorMethod}, $${state.stateMedian.toLocaleString('en-US')} ÷ $${state.nationalMedian.toLocaleString('en-US')}; a coarse cost-of-labour differential.`,
    };
  }
  return { requested: text, factor: null, source: 'none', matched: null, note: `No location factor is known for "${text}": the figures are national (U.S.), not adjusted.` };
}
