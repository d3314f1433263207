/** Seeded, realistic candidate files (and OpenAI batch files) for tests, benchmarks and demos. */
export { generateCandidates, writeCandidateFile, type GenerateOptions, type GeneratedManifest } from './generate';
export { defectKinds, type Defect, type DefectKind, type PlacedDefect, type SampleFormat } from './defects';
export { sampleEvaluationPrompt } from './evaluation-prompt';
