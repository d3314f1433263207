import { useId, useState, type FormEvent } from 'react';
import { modelNameSchema } from '../../../../main/engine/models/schema';
import type { CsvMapping } from '../../../../main/batch/ingest/types';
import { formatPercent, shareOf } from '../../lib/format';
import { useStatus } from '../../state/status';
import { ProgressBar } from '../models/ProgressBar';
import { formatFileSize, formatLabels } from './format';
import {
  cancelUpload,
  chooseModel,
  choosePriority,
  chooseTemplateVersion,
  closeMapping,
  confirmMapping,
  discardFile,
  isCandidates,
  openMapping,
  queueFile,
  useIntake,
  type MappingOrigin,
} from './intake';
import { MappingDialog } from './MappingDialog';
import { PriorityOptions } from './PriorityOptions';
import { newestVersion, useTemplates, versionLabel } from './templates';

const originWords: Record<MappingOrigin, string> = {
  remembered: 'As you confirmed it for files with these columns.',
  suggested: 'Guessed from the column names: check it before queueing.',
  confirmed: 'As you confirmed it.',
};

/** "9 columns mapped, 2 kept as extra fields, 1 left out". */
function mappingSummary(headers: readonly string[], mapping: CsvMapping): string {
  let mapped = 0;
  let extra = 0;
  let ignored = 0;
  for (const header of headers) {
    const target = mapping.columns[header] ?? 'extra';
    if (target === 'extra') extra += 1;
    else if (target === 'ignore') ignored += 1;
    else mapped += 1;
  }
  const parts = [`${mapped} ${mapped === 1 ? 'column' : 'columns'} mapped`];
  if (extra > 0) parts.push(`${extra} kept as extra ${extra === 1 ? 'field' : 'fields'}`);
  if (ignored > 0) parts.push(`${ignored} left out`);
  return parts.join(', ');
}

function Uploading() {
  const file = useIntake((state) => state.file);
  const upload = useIntake((state) => state.upload);
  if (file === null || upload === null) return null;
  const share = upload.total > 0 ? shareOf(upload.loaded, upload.total) : null;
  const text = `${formatFileSize(upload.loaded)} of ${formatFileSize(upload.total)}${share === null ? '' : ` · ${formatPercent(share)}`}`;
  return (
    <div className="intake-progress">
      <p>
        Uploading <strong>{file.name}</strong> to the workstation…
      </p>
      <ProgressBar share={share} label={`Upload of ${file.name}`} valueText={text} />
      <div className="intake-progress__row">
        <span className="muted">{text}</span>
        <button type="button" className="button button--small" onClick={cancelUpload}>
          Cancel upload
        </button>
      </div>
    </div>
  );
}

function QueueForm() {
  const file = useIntake((state) => state.file);
  const step = useIntake((state) => state.step);
  const inspection = useIntake((state) => state.inspection);
  const mapping = useIntake((state) => state.mapping);
  const origin = useIntake((state) => state.mappingOrigin);
  const mappingOpen = useIntake((state) => state.mappingOpen);
  const remember = useIntake((state) => state.remember);
  const model = useIntake((state) => state.model);
  const priority = useIntake((state) => state.priority);
  const templateVersion = useIntake((state) => state.templateVersion);
  const templates = useTemplates((state) => state.templates);
  const problem = useIntake((state) => state.problem);
  const conflict = useIntake((state) => state.conflict);
  const engine = useStatus((state) => state.engine);
  const installed = engine?.installed ?? [];
  const [modelError, setModelError] = useState<string | null>(null);
  const id = useId();
  if (file === null || inspection === null || inspection.format === null) return null;
  const csv = inspection.csv;
  const candidates = isCandidates(inspection);
  const busy = step === 'queueing';
  const newest = newestVersion(templates);

  const focusMonitor = (): void => {
    // The form is gone once queued: the new batch's monitor is where the analyst goes next.
    window.requestAnimationFrame(() => document.getElementById('batch-monitor-title')?.focus());
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (candidates) {
      const checked = modelNameSchema.safeParse(model);
      if (!checked.success) {
        setModelError('Name the model to evaluate with, as Ollama lists it: llama3.1:8b, for example.');
        document.getElementById(`${id}-model`)?.focus();
        return;
      }
    }
    // A guessed mapping is confirmed once before anything is queued with it.
    if (csv !== null && origin === 'suggested') {
      openMapping();
      return;
    }
    if (await queueFile(false)) focusMonitor();
  };

  return (
    <>
      <form className="intake-form" aria-label={`Queue ${file.name}`} noValidate onSubmit={(event) => void onSubmit(event)}>
        <dl className="facts intake-facts">
          <div>
            <dt>File</dt>
            <dd className="intake-facts__file">
              {inspection.fileName} <span className="muted">· {formatFileSize(file.size)}</span>
            </dd>
          </div>
          <div>
            <dt>Holds</dt>
            <dd data-testid="batch-format" data-format={inspection.format}>
              {formatLabels[inspection.format]}
            </dd>
          </div>
          {csv !== null && mapping !== null && origin !== null && (
            <div className="facts__wide">
              <dt>Columns</dt>
              <dd className="intake-mapping">
                <span>
                  {mappingSummary(csv.headers, mapping)}. <span className="muted">{originWords[origin]}</span>
                </span>
                <button type="button" className="button button--small" onClick={openMapping} disabled={busy}>
                  {origin === 'suggested' ? 'Check the mapping…' : 'Change the mapping…'}
                </button>
              </dd>
            </div>
          )}
        </dl>
        <div className="intake-fields">
          {candidates ? (
            <div className="intake-field">
              <label className="field__label" htmlFor={`${id}-model`}>
                Model
              </label>
              <input
                id={`${id}-model`}
                className="input mono"
                type="text"
                list={`${id}-models`}
                spellCheck={false}
                autoComplete="off"
                autoCapitalize="off"
                value={model}
                aria-invalid={modelError !== null || undefined}
                aria-describedby={modelError === null ? `${id}-model-help` : `${id}-model-error ${id}-model-help`}
                onChange={(event) => {
                  chooseModel(event.target.value);
                  setModelError(null);
                }}
              />
              <datalist id={`${id}-models`}>
                {installed.map((entry) => (
                  <option key={entry.name} value={entry.name} />
                ))}
              </datalist>
              {modelError !== null && (
                <p className="field__error" id={`${id}-model-error`}>
                  {modelError}
                </p>
              )}
              <p className="field__help" id={`${id}-model-help`}>
                Evaluates every profile with the candidate evaluation template. The default is the Batch model in Settings.
              </p>
            </div>
          ) : (
            <p className="intake-field muted">Each request line names its own model, as OpenAI batch files do.</p>
          )}
          {candidates && (
            <div className="intake-field">
              <label className="field__label" htmlFor={`${id}-template`}>
                Template version
              </label>
              <select
                id={`${id}-template`}
                className="input"
                data-testid="batch-intake-template"
                value={templateVersion ?? newest ?? ''}
                disabled={busy}
                aria-describedby={`${id}-template-help`}
                onChange={(event) => chooseTemplateVersion(event.target.value === newest || event.target.value === '' ? null : event.target.value)}
              >
                {templates === null || templates.length === 0 ? (
                  <option value="">The newest</option>
                ) : (
                  templates.map((template) => (
                    <option key={template.version} value={template.version}>
                      {versionLabel(template, template.version === newest)}
                    </option>
                  ))
                )}
              </select>
              <p className="field__help" id={`${id}-template-help`}>
                The evaluation prompt to use; each result records it. Edit it under Evaluation prompt.
              </p>
            </div>
          )}
          <div className="intake-field intake-field--narrow">
            <label className="field__label" htmlFor={`${id}-priority`}>
              Priority
            </label>
            <select id={`${id}-priority`} className="input" value={priority} aria-describedby={`${id}-priority-help`} onChange={(event) => choosePriority(Number(event.target.value))}>
              <PriorityOptions value={priority} />
            </select>
            <p className="field__help" id={`${id}-priority-help`}>
              Higher priorities run first.
            </p>
          </div>
        </div>
        {conflict !== null && (
          <div className="notice notice--warn intake-conflict" role="alert" data-testid="batch-conflict">
            <p>{conflict}</p>
            <div className="button-row">
              <button type="button" className="button" data-testid="batch-queue-again" disabled={busy} onClick={() => void queueFile(true).then((queued) => queued && focusMonitor())}>
                Queue again
              </button>
              <button type="button" className="button" onClick={discardFile} disabled={busy}>
                Don’t queue it
              </button>
            </div>
          </div>
        )}
        {problem !== null && (
          <p className="inline-error" role="alert">
            {problem}
          </p>
        )}
        {conflict === null && (
          <div className="button-row">
            <button type="submit" className="button button--primary" data-testid="batch-queue-button" disabled={busy}>
              {busy ? 'Queueing…' : 'Queue'}
            </button>
            <button type="button" className="button" onClick={discardFile} disabled={busy}>
              Discard
            </button>
          </div>
        )}
      </form>
      {csv !== null && mapping !== null && (
        <MappingDialog
          open={mappingOpen}
          fileName={inspection.fileName}
          headers={csv.headers}
          sample={csv.sample}
          mapping={mapping}
          remember={remember}
          origin={origin === null ? '' : originWords[origin]}
          onConfirm={confirmMapping}
          onCancel={closeMapping}
        />
      )}
    </>
  );
}

/** The file in hand: its upload, what it holds, a whole-file problem, or the form that queues it. */
export function IntakeCard() {
  const step = useIntake((state) => state.step);
  const file = useIntake((state) => state.file);
  const problem = useIntake((state) => state.problem);
  if (step === 'idle' || file === null) return null;
  let content;
  if (step === 'uploading') content = <Uploading />;
  else if (step === 'inspecting') content = <p className="muted">Reading {file.name}…</p>;
  else if (step === 'problem')
    content = (
      <div className="notice notice--error" role="alert" data-testid="batch-file-problem">
        <p>{problem}</p>
        <button type="button" className="button" onClick={discardFile}>
          Dismiss
        </button>
      </div>
    );
  else content = <QueueForm />;
  return (
    <section className="card card--wide intake-card" aria-labelledby="batch-intake-title" data-testid="batch-intake" data-step={step} aria-busy={step === 'uploading' || step === 'inspecting' || undefined}>
      <h2 id="batch-intake-title" className="card__title">
        {step === 'problem' ? `${file.name} cannot be queued` : `Queue ${file.name}`}
      </h2>
      {content}
    </section>
  );
}
