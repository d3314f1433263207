import { create } from 'zustand';
import type { Client, Contract } from '../../../../main/api/contract';
import type { OutputOf } from '../../../../main/api/define';
import type { CsvMapping } from '../../../../main/batch/ingest/types';
import { defaultSettings } from '../../../../main/settings/schema';
import { client } from '../../api/client';
import { sourceForFile, type FileSource, type UploadProgress } from '../../api/upload';
import { ApiError, messageOf } from '../../lib/errors';
import { useSettings } from '../../state/settings';
import { wholeFileProblem } from './format';
import { acceptSummary, selectBatch } from './store';
import { newestVersion, useTemplates } from './templates';

export type Inspection = OutputOf<Contract['batch.inspect']>;

export type IntakeStep = 'idle' | 'uploading' | 'inspecting' | 'problem' | 'ready' | 'queueing';

/** Where the mapping shown came from: confirmed for these columns before, guessed from the headers, or just confirmed. */
export type MappingOrigin = 'remembered' | 'suggested' | 'confirmed';

interface IntakeState {
  step: IntakeStep;
  file: { name: string; size: number } | null;
  upload: UploadProgress | null;
  source: FileSource | null;
  inspection: Inspection | null;
  mapping: CsvMapping | null;
  mappingOrigin: MappingOrigin | null;
  mappingOpen: boolean;
  remember: boolean;
  model: string;
  priority: number;
  /** The evaluation template version picked for a candidate file; null for the newest. */
  templateVersion: string | null;
  /** Why the file cannot be queued (a whole-file problem), or why the last step failed. */
  problem: string | null;
  /** The file was queued before: the core's words, and the analyst may queue it again. */
  conflict: string | null;
  /** The last file queued, for the drop zone to confirm. */
  queued: { id: string; sourceName: string; total: number; problems: number } | null;
}

const idle: Omit<IntakeState, 'queued' | 'model' | 'priority'> = {
  step: 'idle',
  file: null,
  upload: null,
  source: null,
  inspection: null,
  mapping: null,
  mappingOrigin: null,
  mappingOpen: false,
  remember: true,
  templateVersion: null,
  problem: null,
  conflict: null,
};

const defaultModel = (): string => (useSettings.getState().settings ?? defaultSettings()).models.batch;

export const useIntake = create<IntakeState>(() => ({ ...idle, model: '', priority: 0, queued: null }));

let upload: AbortController | null = null;

/**
 * An uploaded file that will not be queued (discarded, replaced, refused) is deleted from the
 * server's file store, so dropping files to look at them does not fill the disk. Best effort: a
 * failure leaves a file that `GET /v1/files` still lists.
 */
function forgetUpload(source: FileSource | null): void {
  if (source === null || !('fileId' in source)) return;
  void fetch(`/v1/files/${encodeURIComponent(source.fileId)}`, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
}
/** Each file taken gets a number; the answers for a file replaced meanwhile are dropped. */
let generation = 0;

/** Candidate files are evaluated with the template and a model; OpenAI batch lines name their own model. */
export function isCandidates(inspection: Inspection | null): boolean {
  const format = inspection?.format ?? null;
  return format !== null && format !== 'openai-jsonl';
}

/**
 * Takes a dropped or picked file: uploads it when the page runs in a browser, asks the core what it
 * holds, and readies the form. A CSV without a remembered mapping opens the mapping dialog.
 */
export async function takeFile(file: File, api: Client = client): Promise<void> {
  if (useIntake.getState().step === 'queueing') return;
  upload?.abort();
  forgetUpload(useIntake.getState().source);
  const mine = ++generation;
  const controller = new AbortController();
  upload = controller;
  const browser = window.tw === undefined;
  useIntake.setState({
    ...idle,
    step: browser ? 'uploading' : 'inspecting',
    file: { name: file.name, size: file.size },
    upload: browser ? { loaded: 0, total: file.size } : null,
    model: defaultModel(),
    priority: 0,
    queued: null,
  });
  try {
    const source = await sourceForFile(file, {
      signal: controller.signal,
      onProgress: (progress) => mine === generation && useIntake.setState({ upload: progress }),
    });
    if (mine !== generation) return;
    useIntake.setState({ step: 'inspecting', source, upload: null });
    const inspection = await api.call('batch.inspect', { source });
    if (mine !== generation) return;
    if (inspection.problem !== null || inspection.format === null) {
      const problem = inspection.problem === null ? `${inspection.fileName}: the workstation does not recognise what this file holds.` : wholeFileProblem(inspection.problem);
      useIntake.setState({ step: 'problem', inspection, problem });
      return;
    }
    const csv = inspection.csv;
    useIntake.setState({
      step: 'ready',
      inspection,
      mapping: csv === null ? null : (csv.remembered ?? csv.suggested),
      mappingOrigin: csv === null ? null : csv.remembered !== null ? 'remembered' : 'suggested',
      mappingOpen: csv !== null && csv.remembered === null,
    });
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof ApiError && error.code === 'cancelled') {
      useIntake.setState({ ...idle });
      return;
    }
    useIntake.setState({ step: 'problem', upload: null, problem: messageOf(error) });
  } finally {
    if (upload === controller) upload = null;
  }
}

export function cancelUpload(): void {
  upload?.abort();
}

/** Forgets the file in hand (the upload, if one runs, is stopped). */
export function discardFile(): void {
  generation += 1;
  upload?.abort();
  forgetUpload(useIntake.getState().source);
  useIntake.setState({ ...idle });
}

export const openMapping = (): void => useIntake.setState({ mappingOpen: true });

/** Closing the dialog without confirming keeps the mapping shown before (suggested or remembered). */
export const closeMapping = (): void => useIntake.setState({ mappingOpen: false });

export function confirmMapping(mapping: CsvMapping, remember: boolean): void {
  useIntake.setState({ mapping, remember, mappingOrigin: 'confirmed', mappingOpen: false });
}

export const chooseModel = (model: string): void => useIntake.setState({ model });
export const choosePriority = (priority: number): void => useIntake.setState({ priority });
export const chooseTemplateVersion = (templateVersion: string | null): void => useIntake.setState({ templateVersion });

/**
 * Queues the file in hand. A file queued before is refused by the core unless `allowDuplicate`:
 * the refusal is kept as `conflict`, for the analyst to queue it again or not. Resolves true once
 * queued.
 */
export async function queueFile(allowDuplicate = false, api: Client = client): Promise<boolean> {
  const state = useIntake.getState();
  if (state.step !== 'ready' || state.source === null || state.inspection === null) return false;
  const mine = generation;
  useIntake.setState({ step: 'queueing', problem: null, conflict: null });
  const candidates = isCandidates(state.inspection);
  // The version the select shows: the one picked, or else the newest.
  const templateVersion = candidates ? (state.templateVersion ?? newestVersion(useTemplates.getState().templates)) : null;
  try {
    const summary = await api.call('batch.submit', {
      source: state.source,
      ...(candidates && state.model.trim() !== '' ? { model: state.model.trim() } : {}),
      priority: state.priority,
      ...(templateVersion !== null ? { templateVersion } : {}),
      ...(state.mapping !== null ? { csvMapping: state.mapping, rememberMapping: state.remember } : {}),
      allowDuplicate,
    });
    if (mine !== generation) return false;
    acceptSummary(summary);
    selectBatch(summary.id, api);
    useIntake.setState({
      ...idle,
      queued: { id: summary.id, sourceName: summary.sourceName, total: summary.counts.total, problems: summary.problems.length },
    });
    return true;
  } catch (error) {
    if (mine !== generation) return false;
    if (error instanceof ApiError && error.code === 'conflict') useIntake.setState({ step: 'ready', conflict: error.message });
    else useIntake.setState({ step: 'ready', problem: messageOf(error) });
    return false;
  }
}
