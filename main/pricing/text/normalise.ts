import { expandAbbreviation, fillerWords, seniorityWords, symbolPhrases } from './abbreviations';

/** Lower case, accents dropped, shorthand with symbols spelled out, punctuation made space. */
export function foldText(text: string): string {
  let folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  for (const [pattern, replacement] of symbolPhrases) folded = folded.replace(pattern, replacement);
  return folded
    .replace(/&/g, ' and ')
    .replace(/(\w)\.(\w)\./g, '$1$2') // r.n. -> rn
    .replace(/[^a-z0-9+-]+/g, ' ')
    .replace(/(^|\s)[-+]+|[-+]+(\s|$)/g, ' ')
    .trim();
}

/** A light plural folding, applied alike to requests and catalogue: engineers → engineer. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export type Level = 'entry' | 'junior' | 'intermediate' | 'senior' | 'lead';

const levelWords = new Map<string, Level>(Object.entries({
  intern: 'entry', internship: 'entry', trainee: 'entry', apprentice: 'entry', entry: 'entry', graduate: 'entry',
  junior: 'junior', jr: 'junior', jnr: 'junior', i: 'junior', '1': 'junior', associate: 'junior',
  ii: 'intermediate', '2': 'intermediate', mid: 'intermediate', intermediate: 'intermediate',
  senior: 'senior', sr: 'senior', snr: 'senior', iii: 'senior', '3': 'senior', experienced: 'senior',
  lead: 'lead', staff: 'lead', principal: 'lead', iv: 'lead', '4': 'lead', v: 'lead',
} satisfies Record<string, Level>));

export interface TitleAnalysis {
  /** Words that say which job it is: abbreviations spelled out, seniority and filler dropped. */
  words: string[];
  /** Shorthand that was spelled out, for "why it matched". */
  expansions: Array<{ from: string; to: string }>;
  /** Seniority the title states, if any (the highest one named). */
  level: Level | null;
}

const levelOrder: Level[] = ['entry', 'junior', 'intermediate', 'senior', 'lead'];

export function analyseTitle(title: string): TitleAnalysis {
  const words: string[] = [];
  const expansions: TitleAnalysis['expansions'] = [];
  let level: Level | null = null;
  // "Executive Assistant to the CEO": who the job reports to is not the job.
  const core = foldText(title).replace(/^(.*?\S.*?)\s+(to|reporting to)\s+(the\s+)?\S.*$/, '$1');
  for (const raw of core.split(' ')) {
    if (raw === '') continue;
    const named = levelWords.get(raw);
    if (named !== undefined && (level === null || levelOrder.indexOf(named) > levelOrder.indexOf(level))) level = named;
    const expansion = expandAbbreviation(raw);
    if (expansion !== undefined) expansions.push({ from: raw, to: expansion });
    for (const part of (expansion ?? raw).split(' ')) {
      for (const word of part.split('-')) {
        if (word === '' || seniorityWords.has(word) || fillerWords.has(word)) continue;
        words.push(singular(word));
      }
    }
  }
  return { words, expansions, level };
}

const descriptionStopWords = new Set([
  ...fillerWords,
  'is', 'are', 'be', 'been', 'being', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'may', 'must',
  'this', 'that', 'these', 'those', 'it', 'its', 'as', 'by', 'or', 'from', 'into', 'than', 'such', 'other',
  'who', 'what', 'which', 'all', 'any', 'each', 'also', 'not', 'no', 'but', 'if', 'about', 'their', 'they',
  'us', 'use', 'using', 'used', 'etc', 'including', 'include', 'within', 'across', 'per', 'via', 'more',
  'experience', 'year', 'years', 'required', 'requirement', 'preferred', 'plus', 'ability', 'skill', 'skills',
  'strong', 'excellent', 'good', 'great', 'work', 'working', 'responsible', 'responsibility', 'ensure',
  'looking', 'join', 'company', 'role', 'position', 'candidate', 'opportunity', 'knowledge', 'degree',
  'bachelor', 'minimum', 'related', 'field', 'duties', 'job', 'description', 'ideal', 'help', 'support',
]);

/** Content words of free text (a job description): folded, singular, stop words dropped. */
export function descriptionWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of foldText(text).split(' ')) {
    if (raw.length < 2 || descriptionStopWords.has(raw) || /^\d+$/.test(raw)) continue;
    for (const word of raw.split('-')) if (word.length >= 2 && !descriptionStopWords.has(word)) words.push(singular(word));
  }
  return words;
}
