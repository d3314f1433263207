import { extractFeatures } from './features/extract';
import { skillLexicon } from './features/lexicon';
import { fuseSkill, type Fused } from './fusion/fuse';
import type { WeightStore, WeightVersion } from './fusion/weights';
import type { ModelRegistry } from './model/registry';
import type { SkillLlm } from './reasoning/prompt';
import { writeReasoning, type ReasoningMode } from './reasoning/write';
import { skillIds, type FeatureSet } from './schema';
import type { Assessment } from './schema-results';
import { answersOf, type StoredTranscript } from './sources';
import type { SkillStore, StoredResult } from './store';

export interface InferDeps {
  store: SkillStore;
  registry: ModelRegistry;
  weights: WeightStore;
  llm?: SkillLlm;
  now: () => number;
  log: (message: string) => void;
}

export interface FusedSkills {
  features: FeatureSet;
  weights: WeightVersion;
  fused: Array<{ fused: Fused; model: ReturnType<ModelRegistry['active']> }>;
}

/** Features, the active models and the fusion for every skill: the whole inference but the reasoning, with no writes but the weights' first version. */
export function fuseTranscript(deps: Pick<InferDeps, 'registry' | 'weights' | 'now'>, transcript: Pick<StoredTranscript, 'turns' | 'source'>): FusedSkills {
  const features = extractFeatures(answersOf(transcript), transcript.source);
  const weights = deps.weights.current(deps.now());
  const fused = skillIds.map((skill) => {
    const model = deps.registry.active(skill);
    return { fused: fuseSkill({ skill, features, weights: weights.weights[skill], model: model.model, modelNote: model.note }), model };
  });
  return { features, weights, fused };
}

const interviewLabel = (transcript: StoredTranscript, features: FeatureSet): string =>
  `${transcript.source === 'exit-interview' ? 'an exit interview' : 'a structured interview'} on ${transcript.takenAt}: ${features.answers} answers, ${features.words} words`;

/**
 * Infers every skill from a stored transcript and stores the assessment: each result carries the
 * model (id, version, checksum) or why there was none, the weights version, the prompt (or
 * template) version and the lexicon version it came from.
 */
export async function inferAssessment(deps: InferDeps, transcript: StoredTranscript, mode: ReasoningMode, signal?: AbortSignal, jobId: string | null = null): Promise<Assessment> {
  const { features, weights, fused } = fuseTranscript(deps, transcript);
  const skills = fused.map(({ fused: entry, model }) => ({
    fused: entry,
    modelLabel: model.model === null ? 'no model' : `model version ${model.model.ref.version}, ${model.model.ref.source}`,
  }));
  const reasoning = await writeReasoning(deps.llm, skills, interviewLabel(transcript, features), mode, signal, deps.log);
  signal?.throwIfAborted();
  const lexicon = skillLexicon();
  const results: StoredResult[] = fused.map(({ fused: entry, model }) => ({
    skill: entry.skill,
    inferred: entry.inferred,
    confidence: entry.confidence,
    fusion: entry.fusion,
    evidence: entry.evidence,
    reasoning: reasoning.bySkill.get(entry.skill)!,
    provenance: {
      model: model.model?.ref ?? null,
      modelNote: model.note,
      weightsVersion: weights.version,
      prompt: reasoning.template,
      lexicon: { id: lexicon.id, version: lexicon.version },
    },
  }));
  const id = deps.store.insertAssessment({
    transcript,
    features,
    weightsVersion: weights.version,
    reasoning: { method: reasoning.method, model: reasoning.model, template: reasoning.template, options: reasoning.options },
    fit: reasoning.fit,
    results,
    jobId,
    now: deps.now(),
  });
  return deps.store.assessment(id);
}
