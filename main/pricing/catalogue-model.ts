import { parseOewsNational, type OewsNational } from './sources/bls-oews';
import { parseTsv, type SourceTexts } from './sources/files';
import { socOf, wageCodeOf } from './sources/soc-crosswalk';
import { deriveStateFactors, type StateFactor } from './sources/states';
import { descriptionWithChars, featureCounts, type FeatureStats } from './text/features';
import { analyseTitle, descriptionWords, foldText } from './text/normalise';

/** The catalogue in memory, before it is written anywhere (pure: tested without a database). */
export interface CatalogueTitle {
  kind: 'title' | 'alternate' | 'short';
  title: string;
  /** The analysed words the title is matched on (abbreviations spelled out, plurals folded). */
  words: string[];
}

export interface CatalogueOccupation {
  code: string;
  soc: string;
  wageCode: string | null;
  title: string;
  description: string;
  tasks: string[];
  titles: CatalogueTitle[];
}

export interface CatalogueModel {
  occupations: CatalogueOccupation[];
  oews: OewsNational;
  states: StateFactor[];
  titleStats: FeatureStats;
  descriptionStats: FeatureStats;
  /** Words of titles and descriptions with how many documents use them (the speller's dictionary). */
  vocabulary: Map<string, number>;
}

/** The words an occupation's description document is matched on. */
export const occupationDocumentWords = (occupation: Pick<CatalogueOccupation, 'title' | 'description' | 'tasks'>): string[] => [
  ...analyseTitle(occupation.title).words,
  ...descriptionWords(occupation.description),
  ...descriptionWords(occupation.tasks.join(' ')),
];

function countDocuments(documents: Iterable<readonly string[]>, withChars: boolean): FeatureStats {
  const df = new Map<string, number>();
  let count = 0;
  for (const words of documents) {
    count += 1;
    for (const feature of featureCounts(words, withChars).keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
  }
  return { documents: count, df };
}

export function modelCatalogue(texts: SourceTexts): CatalogueModel {
  const oews = parseOewsNational(texts.oewsNational);
  const oewsCodes = new Set(oews.occupations.map((occupation) => occupation.code));
  const national = oews.allOccupations.annual.p50?.value;
  if (national === undefined) throw new Error('The OEWS national file has no all-occupations median');

  const tasks = new Map<string, string[]>();
  for (const row of parseTsv(texts.tasks)) tasks.set(row.code!, [...(tasks.get(row.code!) ?? []), row.task!]);

  const occupations = new Map<string, CatalogueOccupation>();
  const seen = new Map<string, Set<string>>();
  const addTitle = (occupation: CatalogueOccupation, kind: CatalogueTitle['kind'], title: string): void => {
    const key = foldText(title);
    const keys = seen.get(occupation.code) ?? new Set<string>();
    seen.set(occupation.code, keys);
    if (key === '' || keys.has(key)) return;
    keys.add(key);
    const words = analyseTitle(title).words;
    if (words.length > 0) occupation.titles.push({ kind, title, words });
  };
  for (const row of parseTsv(texts.occupations)) {
    const code = row.code!;
    const occupation: CatalogueOccupation = {
      code,
      soc: socOf(code),
      wageCode: wageCodeOf(code, oewsCodes),
      title: row.title!,
      description: row.description!,
      tasks: tasks.get(code) ?? [],
      titles: [],
    };
    occupations.set(code, occupation);
    addTitle(occupation, 'title', occupation.title);
  }
  for (const row of parseTsv(texts.alternateTitles)) {
    const occupation = occupations.get(row.code!);
    if (occupation === undefined) continue;
    addTitle(occupation, 'alternate', row.alternate_title!);
    if (row.short_title) addTitle(occupation, 'short', row.short_title);
  }

  const list = [...occupations.values()];
  const titleStats = countDocuments(list.flatMap((occupation) => occupation.titles.map((title) => title.words)), true);
  const documents = list.map(occupationDocumentWords);
  const descriptionStats = countDocuments(documents, descriptionWithChars);
  const vocabulary = new Map<string, number>();
  for (const [feature, df] of [...titleStats.df, ...descriptionStats.df]) {
    if (feature.startsWith('w:')) vocabulary.set(feature.slice(2), (vocabulary.get(feature.slice(2)) ?? 0) + df);
  }
  return { occupations: list, oews, states: deriveStateFactors(texts.oewsStates, national), titleStats, descriptionStats, vocabulary };
}
