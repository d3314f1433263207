import type { Gap, GapPriority } from '../schema';
import { skillsIn, type Skill } from './lexicon';
import { unitsOf, type TextUnit } from './units';
import { verifiedQuote } from './verify';

/**
 * Gaps without a model: requirements are the job description's bullets and sentences that name a
 * known skill, their priority read from cues ("must", "required", "nice to have") or from the
 * section they sit in; evidence is the CV's lines naming the same skill, weak when only listed or
 * hedged ("some exposure"). A gap is a requirement whose skills the CV shows weakly or not at all.
 */

export type FoundGap = Omit<Gap, 'seq'>;

export const maxGaps = 12;
export const priorityOrder: Readonly<Record<GapPriority, number>> = { critical: 0, important: 1, 'nice-to-have': 2 };

const niceCue = /\b(nice[- ]to[- ]have|bonus|a plus|is a plus|preferred|desirable|ideally|good to have|familiarity with|exposure to)\b/i;
const mustCue = /\b(must|required|requires|requirement|essential|mandatory|minimum|at least|\d+\+?\s*years)\b/i;
const niceSection = /nice|bonus|preferred|desirable|plus|good to have|ideally/;
const mustSection = /requirement|required|must|qualification|essential|what you need|what you bring|looking for|minimum|skills/;
const skippedSection = /benefit|perks|we offer|about us|about the company|salary|compensation|equal opportunit|how to apply/;

function priorityOf(unit: TextUnit): GapPriority | null {
  if (skippedSection.test(unit.section)) return null;
  if (niceCue.test(unit.text)) return 'nice-to-have';
  if (mustCue.test(unit.text)) return 'critical';
  if (niceSection.test(unit.section)) return 'nice-to-have';
  if (mustSection.test(unit.section)) return 'critical';
  return 'important';
}

type Strength = 'strong' | 'weak' | 'none';

const weakCue = /\b(basic|basics|familiar|familiarity|exposure|some experience|learning|beginner|introductory|coursework|course|tutorial|started|starting|self[- ]taught|hobby|personal project|side project|working knowledge|limited|currently studying)\b/i;
const listSection = /skill|technolog|tool|stack|language|certific|course|training|interest|education|summary|profile|about/;

/** A CV line backs a skill with substance when it describes work, not when it lists or hedges it. */
function isSubstantive(unit: TextUnit): boolean {
  if (weakCue.test(unit.text) || listSection.test(unit.section)) return false;
  // A bare comma list of terms ("Python, SQL, Spark") is a list wherever it sits.
  const parts = unit.text.split(/[,|;/]/).map((part) => part.trim()).filter(Boolean);
  return !(parts.length >= 3 && parts.every((part) => part.split(/\s+/).length <= 3));
}

interface Evidence {
  strength: Strength;
  unit: TextUnit | null;
}

function evidenceFor(skill: Skill, cv: readonly TextUnit[]): Evidence {
  const mentions = cv.filter((unit) => skill.patterns.some((pattern) => pattern.test(unit.text)));
  const strong = mentions.find(isSubstantive);
  if (strong !== undefined) return { strength: 'strong', unit: strong };
  const weak = mentions[0];
  return weak === undefined ? { strength: 'none', unit: null } : { strength: 'weak', unit: weak };
}

const priorityWords: Readonly<Record<GapPriority, string>> = { critical: 'a must-have', important: 'expected', 'nice-to-have': 'a nice-to-have' };

export function gapRationale(skill: string, priority: GapPriority, requirementQuote: string, evidence: 'none' | 'weak', evidenceQuote: string | null): string {
  const asked = `The job description makes ${skill} ${priorityWords[priority]} ("${requirementQuote}")`;
  if (evidence === 'none') return `${asked}, and the CV does not mention it.`;
  if (evidenceQuote === null) return `${asked}, but the CV shows it only weakly.`;
  return `${asked}, but the CV mentions it only in passing ("${evidenceQuote}").`;
}

/** Orders gaps by priority, then by where they appear in the job description, and keeps the first `maxGaps`. */
export function rankGaps<T extends { priority: GapPriority }>(gaps: readonly T[]): T[] {
  return gaps
    .map((gap, order) => ({ gap, order }))
    .sort((a, b) => priorityOrder[a.gap.priority] - priorityOrder[b.gap.priority] || a.order - b.order)
    .slice(0, maxGaps)
    .map((entry) => entry.gap);
}

export function heuristicGaps(cvText: string, jdText: string): FoundGap[] {
  const cv = unitsOf(cvText);
  // Each skill is required where the job description asks for it most strongly.
  const bestUnit = new Map<string, { skill: Skill; unit: TextUnit; priority: GapPriority }>();
  for (const unit of unitsOf(jdText)) {
    const priority = priorityOf(unit);
    if (priority === null) continue;
    for (const skill of skillsIn(unit.text)) {
      const known = bestUnit.get(skill.name);
      if (known === undefined || priorityOrder[priority] < priorityOrder[known.priority]) bestUnit.set(skill.name, { skill, unit, priority });
    }
  }
  // Skills required by the same line make one gap, named by those the CV does not show.
  const byUnit = new Map<number, { unit: TextUnit; priority: GapPriority; lacking: Array<{ skill: Skill; evidence: Evidence }> }>();
  for (const { skill, unit, priority } of bestUnit.values()) {
    const evidence = evidenceFor(skill, cv);
    if (evidence.strength === 'strong') continue;
    const entry = byUnit.get(unit.index) ?? { unit, priority, lacking: [] };
    entry.lacking.push({ skill, evidence });
    byUnit.set(unit.index, entry);
  }
  const gaps: FoundGap[] = [];
  for (const { unit, priority, lacking } of [...byUnit.values()].sort((a, b) => a.unit.index - b.unit.index)) {
    const requirementQuote = verifiedQuote(unit.text, jdText);
    if (requirementQuote === null) continue;
    // "Apache Kafka" and "Event streaming" on one line are one gap about Kafka: one skill per category.
    const named = lacking.filter((entry, index) => lacking.findIndex((other) => other.skill.category === entry.skill.category) === index);
    const skill = named.slice(0, 3).map((entry) => entry.skill.name).join(' and ');
    const weakest = lacking.find((entry) => entry.evidence.strength === 'weak');
    const evidenceQuote = weakest?.evidence.unit === null || weakest === undefined ? null : verifiedQuote(weakest.evidence.unit.text, cvText);
    const evidence = lacking.every((entry) => entry.evidence.strength === 'none') || evidenceQuote === null ? 'none' : 'weak';
    gaps.push({ skill, priority, requirementQuote, evidence, evidenceQuote: evidence === 'none' ? null : evidenceQuote, rationale: gapRationale(skill, priority, requirementQuote, evidence, evidenceQuote) });
  }
  return rankGaps(gaps);
}
