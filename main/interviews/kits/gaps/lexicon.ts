import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resourcePath } from '../../../resources';

/**
 * The skill terms the heuristic looks for, from resources/question-banks/skills.v1.json. Each
 * skill has aliases (Redshift and S3 count as AWS) and a bank category for its fallback question.
 */

const lexiconSchema = z.object({
  id: z.string(),
  version: z.string(),
  skills: z.array(
    z.object({
      name: z.string().min(1),
      category: z.string().min(1),
      aliases: z.array(z.string().min(1)),
      /** Aliases matched only in this exact case ("Go", "R"), which are ordinary words otherwise. */
      exact: z.array(z.string().min(1)).optional(),
    }),
  ),
});

export interface Skill {
  name: string;
  category: string;
  patterns: RegExp[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Word boundaries that also work around symbols: "C++", "CI/CD" and ".NET" match whole, "scalable" is not "scala". */
function termPattern(alias: string, caseSensitive: boolean): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_+#])${escapeRegExp(alias)}(?![\\p{L}\\p{N}_+#])`, caseSensitive ? 'u' : 'iu');
}

let loaded: Skill[] | null = null;

export function skillLexicon(): Skill[] {
  if (loaded !== null) return loaded;
  const file = lexiconSchema.parse(JSON.parse(readFileSync(resourcePath('question-banks', 'skills.v1.json'), 'utf8')));
  loaded = file.skills.map((skill) => ({
    name: skill.name,
    category: skill.category,
    patterns: [...skill.aliases.map((alias) => termPattern(alias, false)), ...(skill.exact ?? []).map((alias) => termPattern(alias, true))],
  }));
  return loaded;
}

/** The skills a text names, each once, in the lexicon's order. */
export function skillsIn(text: string): Skill[] {
  return skillLexicon().filter((skill) => skill.patterns.some((pattern) => pattern.test(text)));
}

/** The bank category of a skill named by the model or the heuristic; 'default' when the lexicon does not know it. */
export function categoryOf(skillName: string): string {
  const lexicon = skillLexicon();
  const byName = lexicon.find((skill) => skill.name.toLowerCase() === skillName.trim().toLowerCase());
  if (byName !== undefined) return byName.category;
  return skillsIn(skillName)[0]?.category ?? 'default';
}
