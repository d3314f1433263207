const msPerYear = 365.2425 * 24 * 3600 * 1000;

export interface Aging {
  from: string;
  to: string;
  years: number;
  annualRate: number;
  factor: number;
  method: 'compound';
}

const dateOf = (iso: string): number => {
  const time = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`"${iso}" is not a date (YYYY-MM-DD)`);
  return time;
};

/** Ages figures from the date they describe to the effective date: (1 + rate) ^ years, compound. */
export function ageFactor(from: string, to: string, annualRate: number): Aging {
  const years = (dateOf(to) - dateOf(from)) / msPerYear;
  return { from, to, years: Math.round(years * 1000) / 1000, annualRate, factor: Math.pow(1 + annualRate, years), method: 'compound' };
}

export const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);
