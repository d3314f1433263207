import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files shipped in resources/pricing (made by prepare-sources.ts from ../shared/data/raw). */
export const sourceFiles = {
  oewsNational: 'oews_national_M2024.tsv',
  oewsStates: 'oews_state_M2024_all_occupations.csv',
  occupations: 'onet_occupations.tsv',
  alternateTitles: 'onet_alternate_titles.tsv',
  tasks: 'onet_tasks.tsv',
} as const;

/** Task statements kept per occupation: enough to describe the work, few enough to stay lean. */
export const tasksPerOccupation = 6;

/** resources/ sits beside main/ in the source tree and beside out/ once built. */
export function pricingResourcesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..', '..', 'resources', 'pricing'), join(here, '..', '..', 'resources', 'pricing'), join(here, '..', 'resources', 'pricing')];
  const found = candidates.find((dir) => existsSync(join(dir, sourceFiles.oewsNational)));
  if (found === undefined) throw new Error('resources/pricing is missing: the app was not installed whole');
  return found;
}

/** Our TSVs hold no quotes, tabs or new lines inside fields: a split is a full parse. */
export function parseTsv(text: string): Array<Record<string, string>> {
  const lines = text.split('\n').filter((line) => line.length > 0);
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const row: Record<string, string> = {};
    header.forEach((name, index) => (row[name] = cells[index] ?? ''));
    return row;
  });
}

export interface SourceTexts {
  oewsNational: string;
  oewsStates: string;
  occupations: string;
  alternateTitles: string;
  tasks: string;
}

export function readSourceTexts(dir: string = pricingResourcesDir()): SourceTexts {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  return {
    oewsNational: read(sourceFiles.oewsNational),
    oewsStates: read(sourceFiles.oewsStates),
    occupations: read(sourceFiles.occupations),
    alternateTitles: read(sourceFiles.alternateTitles),
    tasks: read(sourceFiles.tasks),
  };
}
