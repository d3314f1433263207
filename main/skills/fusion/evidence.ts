import type { FeatureSet } from '../schema';
import type { EvidenceItem } from '../schema-results';

/** Per source, the points each feature moved the fused score (already weighted); null when the source was not used. */
export interface SourceContributions {
  ml: ReadonlyMap<string, number> | null;
  linguistic: ReadonlyMap<string, number> | null;
  behavioural: ReadonlyMap<string, number> | null;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * The five features that moved the score most (either way), each with its value, what each source
 * made of it, and the sentences behind it. A feature not measured is never evidence: whatever the
 * model assumed for it shows in the score and in the confidence's completeness, not here.
 */
export function topEvidence(features: FeatureSet, contributions: SourceContributions, limit = 5): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  for (const feature of features.features) {
    if (feature.value === null) continue;
    const from = (map: ReadonlyMap<string, number> | null): number | null => {
      const value = map?.get(feature.name);
      return value === undefined ? null : round3(value);
    };
    const sources = { ml: from(contributions.ml), linguistic: from(contributions.linguistic), behavioural: from(contributions.behavioural) };
    const total = (sources.ml ?? 0) + (sources.linguistic ?? 0) + (sources.behavioural ?? 0);
    if (sources.ml === null && sources.linguistic === null && sources.behavioural === null) continue;
    items.push({ feature: feature.name, label: feature.label, group: feature.group, unit: feature.unit, raw: feature.raw, value: feature.value, contribution: round3(total), sources, quotes: feature.quotes });
  }
  return items
    .filter((item) => item.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature))
    .slice(0, limit);
}
