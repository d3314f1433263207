import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EventBus } from '../api/event-bus';
import { ApiError } from '../api/errors';
import type { CommandSpec } from '../cli/commands';
import { writeReportFile } from '../interviews/cli-commands';
import { skillTitles, type FeatureSet, type SkillReportFile, type TranscriptInput } from './schema';
import type { Assessment, AssessmentSummary, JobProgress, ModelEntry } from './schema-results';

const pad = (text: string, width: number): string => (text.length >= width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
const figure = (value: number | null, places = 2): string => (value === null ? '—' : value.toFixed(places));

/** A word on the command line is a transcript file when it names one (.json), else an exit interview id. */
function transcriptsIn(word: string): TranscriptInput[] | null {
  if (!word.toLowerCase().endsWith('.json')) return null;
  if (!existsSync(resolve(word))) throw new ApiError('not_found', `No transcript file ${resolve(word)}`);
  try {
    const parsed = JSON.parse(readFileSync(resolve(word), 'utf8')) as TranscriptInput | TranscriptInput[];
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch (error) {
    throw new ApiError('invalid_input', `${word} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function oneSource(words: string[], usage: string): { interviewId: string } | { transcript: TranscriptInput } {
  const [word] = words;
  if (word === undefined) throw new ApiError('invalid_input', `Name an exit interview or a transcript file: npm run cli -- ${usage}`);
  const transcripts = transcriptsIn(word);
  if (transcripts === null) return { interviewId: word };
  if (transcripts.length !== 1) throw new ApiError('invalid_input', `${word} holds ${transcripts.length} transcripts: use skills infer-many for more than one`);
  return { transcript: transcripts[0]! };
}

function formatFeatures(value: unknown): string {
  const set = value as FeatureSet;
  const lines = [`${set.answers} answers, ${set.words} words (${set.source})`];
  for (const feature of set.features) lines.push(`  ${pad(feature.name, 22)} ${pad(figure(feature.raw), 9)} ${pad(feature.unit, 18)} value ${figure(feature.value, 3)}${feature.missing === null ? '' : `  (${feature.missing})`}`);
  return lines.join('\n');
}

function formatAssessment(value: unknown): string {
  const assessment = value as Assessment;
  const lines = [`${assessment.person.name ?? assessment.person.id}, ${assessment.takenAt} (${assessment.answers} answers, ${assessment.words} words)`];
  for (const result of assessment.results) {
    const model = result.provenance.model === null ? 'no model' : `model v${result.provenance.model.version}`;
    const rated = result.rating === null ? '' : `  analyst ${result.rating.value}`;
    lines.push(`${pad(skillTitles[result.skill], 16)} ${result.inferred.toFixed(2)}  confidence ${result.confidence.value.toFixed(2)}  (${model}, weights v${result.provenance.weightsVersion})${rated}`);
    for (const item of result.evidence) lines.push(`    ${item.contribution >= 0 ? '+' : ''}${item.contribution.toFixed(2)} ${item.label}${item.quotes[0] === undefined ? '' : ` — “${item.quotes[0].text}”`}`);
    lines.push(`    ${result.reasoning.text}`);
  }
  lines.push(`Assessment id: ${assessment.id}`);
  return lines.join('\n');
}

function formatModels(value: unknown): string {
  const models = (Array.isArray(value) ? value : (value as { models: ModelEntry[] }).models) as ModelEntry[];
  if (models.length === 0) return 'No models yet: import one (skills import) or train them (skills train).';
  return models
    .map((model) => {
      const metrics = model.metrics === null ? '' : `  held-out RMSE ${model.metrics.holdoutRmse} vs mean baseline ${model.metrics.baselineRmse}, r ${figure(model.metrics.holdoutPearson)}`;
      return `${pad(skillTitles[model.skill], 16)} v${model.version} ${model.active ? 'active ' : '       '} ${pad(model.source, 9)} ${model.checksum.slice(0, 12)}${metrics}`;
    })
    .join('\n');
}

function formatHistory(value: unknown): string {
  const history = value as AssessmentSummary[];
  return history.map((entry) => `${entry.takenAt}  ${entry.skills.map((skill) => `${skillTitles[skill.skill]} ${skill.score.toFixed(1)}${skill.rating === null ? '' : '*'}`).join('  ')}  ${entry.id.slice(0, 8)}`).join('\n') || 'No assessments.';
}

/** Waits for a job, with progress on stderr; Ctrl+C stops waiting, and closing the app cancels the job (the people done are kept). */
async function followJob(bus: EventBus, signal: AbortSignal, answer: Promise<unknown>): Promise<JobProgress> {
  const seen: JobProgress[] = [];
  let wake: () => void = () => {};
  const unsubscribe = bus.subscribe((name, payload) => {
    if ((name as string) !== 'skills.progress') return;
    seen.push(payload as JobProgress);
    wake();
  });
  signal.addEventListener('abort', () => wake(), { once: true });
  try {
    const { jobId } = (await answer) as JobProgress;
    for (;;) {
      if (signal.aborted) throw new ApiError('cancelled', 'Stopped; the people done so far are kept');
      const last = seen.filter((progress) => progress.jobId === jobId).at(-1);
      if (last !== undefined) {
        process.stderr.write(`\r${last.done}/${last.total} people (${last.failed} failed), ${last.perSecond.toFixed(1)}/s${last.etaSeconds === null ? '' : `, about ${last.etaSeconds} s left`}   `);
        if (last.status !== 'running') {
          process.stderr.write('\n');
          return last;
        }
      }
      await new Promise<void>((resolvePromise) => (wake = resolvePromise));
    }
  } finally {
    unsubscribe();
  }
}

const reasoningOf = (flags: { reasoning?: string }): 'auto' | 'template' => (flags.reasoning === 'template' ? 'template' : 'auto');

export const skillCommands: Record<string, CommandSpec> = {
  'skills:features': {
    usage: 'skills features ID|TRANSCRIPT.json [--json]',
    summary: 'The 26 features of an exit interview or a transcript file',
    build: (words) => ({ method: 'skills.features', input: oneSource(words, 'skills features ID|TRANSCRIPT.json'), format: formatFeatures }),
  },
  'skills:infer': {
    usage: 'skills infer ID|TRANSCRIPT.json [--reasoning template] [--json]',
    summary: 'Infer the four skills with evidence and reasoning, and store the assessment',
    build: (words, flags) => ({ method: 'skills.infer', input: { ...oneSource(words, 'skills infer ID|TRANSCRIPT.json'), reasoning: reasoningOf(flags) }, format: formatAssessment }),
  },
  'skills:infer-many': {
    usage: 'skills infer-many ID|TRANSCRIPTS.json ... [--reasoning template]',
    summary: 'Infer skills for many people as a job, with progress; Ctrl+C stops it (the people done are kept)',
    build: (words, flags) => {
      if (words.length === 0) throw new ApiError('invalid_input', 'Name exit interviews or transcript files: npm run cli -- skills infer-many ID|FILE.json ...');
      const interviewIds: string[] = [];
      const transcripts: TranscriptInput[] = [];
      for (const word of words) {
        const found = transcriptsIn(word);
        if (found === null) interviewIds.push(word);
        else transcripts.push(...found);
      }
      return {
        method: 'skills.inferMany',
        input: { interviewIds, transcripts, reasoning: reasoningOf(flags) },
        follow: followJob,
        format: (value) => {
          const progress = value as JobProgress;
          return `${progress.status}: ${progress.done - progress.failed} of ${progress.total} people assessed, ${progress.failed} failed${progress.lastError === null ? '' : ` (last: ${progress.lastError})`}. Job id: ${progress.jobId}`;
        },
      };
    },
  },
  'skills:history': {
    usage: 'skills history PERSON_ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
    summary: "A person's assessments over time (* marks the analyst's own rating)",
    build: (words, flags) => {
      const [personId] = words;
      if (personId === undefined) throw new ApiError('invalid_input', 'Name the person: npm run cli -- skills history PERSON_ID');
      return { method: 'skills.assessments', input: { personId, ...(flags.from === undefined ? {} : { from: flags.from }), ...(flags.to === undefined ? {} : { to: flags.to }) }, format: formatHistory };
    },
  },
  'skills:models': {
    usage: 'skills models [--skill SKILL] [--json]',
    summary: 'The model registry: versions, checksums, held-out scores, which is active',
    build: (_words, flags) => ({ method: 'skills.models', input: flags.skill === undefined ? {} : { skill: flags.skill }, format: formatModels }),
  },
  'skills:import': {
    usage: 'skills import SKILL MODEL.json',
    summary: "Import an XGBoost JSON model (Booster.save_model) for a skill and make it active",
    build: (words) => {
      const [skill, file] = words;
      if (skill === undefined || file === undefined) throw new ApiError('invalid_input', 'Name the skill and the file: npm run cli -- skills import empathy model.json');
      return { method: 'skills.importModel', input: { skill, path: resolve(file) }, format: (value) => formatModels([value]) };
    },
  },
  'skills:train': {
    usage: 'skills train LABELLED.csv [--skill SKILL] [--activate always|if-better|never] [--json]',
    summary: 'Train a model per rated skill from a labelled CSV; prints held-out RMSE and r against the mean baseline',
    build: (words, flags) => {
      const [file] = words;
      if (file === undefined) throw new ApiError('invalid_input', 'Name the training file: npm run cli -- skills train labelled.csv');
      return {
        method: 'skills.trainModel',
        input: { csvPath: resolve(file), ...(flags.skill === undefined ? {} : { skills: [flags.skill] }), ...(flags.activate === undefined ? {} : { activate: flags.activate }) },
        format: formatModels,
      };
    },
  },
  'skills:export': {
    usage: 'skills export PERSON_ID [--format csv|json] [--out FILE]',
    summary: "Write a person's assessments as CSV or JSON",
    build: (words, flags) => {
      const [personId] = words;
      if (personId === undefined) throw new ApiError('invalid_input', 'Name the person: npm run cli -- skills export PERSON_ID');
      return { method: 'skills.export', input: { personId, format: flags.format ?? 'csv' }, format: (value) => writeReportFile(value as SkillReportFile, flags.out) };
    },
  },
};
