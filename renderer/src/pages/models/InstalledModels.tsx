import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EngineStatus } from '../../../../main/system/schema';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatBytes, formatPercent, shareOf } from '../../lib/format';
import { useStatus } from '../../state/status';
import { describeExpiry, featureLabels, sameModel } from './describe';
import { MemorySplit } from './MemorySplit';
import { runRowAction, useModels, type RowAction } from './store';
import { useAction } from './useAction';
import { useNow } from './useNow';

type InstalledModel = EngineStatus['installed'][number];
type LoadedModel = EngineStatus['loaded'][number];

const columns = 4;

const featureList = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' });

const busyLabels: Record<RowAction, string> = {
  pin: 'Pinning…',
  unload: 'Unloading…',
  preload: 'Loading…',
  delete: 'Deleting…',
};

/** The features whose setting names this model, for the delete question. */
function useFeaturesUsing(model: string): string[] {
  const features = useModels((state) => state.features);
  return (features ?? []).filter((entry) => sameModel(entry.model, model)).map((entry) => featureLabels[entry.feature]);
}

function DeleteQuestion({ model, features }: { model: InstalledModel; features: string[] }) {
  return (
    <>
      <p>
        <strong className="mono">{model.name}</strong> ({formatBytes(model.sizeBytes)}) is removed from this computer. Pulling it again downloads it in full.
      </p>
      {features.length > 0 && (
        <p className="dialog__warning">
          {featureList.format(features)} {features.length === 1 ? 'uses' : 'use'} this model: {features.length === 1 ? 'it falls' : 'they fall'} back to their non-LLM results until it is pulled again or another model is chosen in Settings.
        </p>
      )}
    </>
  );
}

/**
 * Family, parameters and quantisation under the name, as model lists show them; spelled out for
 * screen readers, which would otherwise read "8.0B" and "Q4_K_M" without saying what they are.
 */
function ModelFacts({ model }: { model: InstalledModel }) {
  const facts = [
    { label: 'family', value: model.family },
    { label: 'parameters', value: model.parameterSize },
    { label: 'quantisation', value: model.quantization },
  ];
  return (
    <span className="model-facts" data-testid="model-facts">
      {facts.map((fact, index) => (
        <span key={fact.label} className="model-facts__item" data-fact={fact.label}>
          {index > 0 && <span aria-hidden="true"> · </span>}
          <span className="visually-hidden">{fact.label} </span>
          {fact.value ?? 'unknown'}
        </span>
      ))}
    </span>
  );
}

interface ModelRowProps {
  model: InstalledModel;
  loaded: LoadedModel | undefined;
  now: number;
  onDeleted: () => void;
}

function ModelRow({ model, loaded, now, onDeleted }: ModelRowProps) {
  const action = useAction<RowAction>();
  const [confirming, setConfirming] = useState(false);
  const features = useFeaturesUsing(model.name);
  const expiry = loaded === undefined ? null : describeExpiry(loaded.expiresAt, now);
  const pinned = expiry?.pinned ?? false;
  const busy = action.running !== null;
  const inRam = loaded === undefined ? 0 : Math.max(0, loaded.sizeBytes - loaded.vramBytes);
  const act = (kind: Exclude<RowAction, 'delete'>) => () => void action.run(kind, () => runRowAction(model.name, kind));
  const label = (kind: RowAction, idle: string) => (action.running === kind ? busyLabels[kind] : idle);

  const confirmDelete = async (): Promise<void> => {
    const deleted = await action.run('delete', () => runRowAction(model.name, 'delete'));
    setConfirming(false);
    if (deleted) onDeleted();
  };

  return (
    <>
      <tr data-testid="model-row" data-model={model.name} data-loaded={loaded !== undefined} data-pinned={pinned} aria-busy={busy || undefined}>
        <th scope="row">
          <span className="model-name mono">{model.name}</span>
          <ModelFacts model={model} />
        </th>
        <td className="num">{formatBytes(model.sizeBytes)}</td>
        <td data-testid="model-memory">
          {loaded === undefined || expiry === null ? (
            <span className="muted">Not loaded</span>
          ) : (
            <span className="model-memory">
              <MemorySplit sizeBytes={loaded.sizeBytes} vramBytes={loaded.vramBytes} />
              <span className="model-memory__expiry" data-testid="model-expiry" title={expiry.exact ?? undefined}>
                {pinned && <span className="tag">Pinned</span>}
                {!pinned && expiry.text}
              </span>
            </span>
          )}
        </td>
        <td className="row-actions">
          <button
            type="button"
            className="button button--small"
            aria-label={`${label('pin', 'Pin')} ${model.name}`}
            title={pinned ? 'Already pinned: it stays in memory until unloaded' : 'Load it and keep it in memory until unloaded'}
            disabled={busy || pinned}
            onClick={act('pin')}
          >
            {label('pin', 'Pin')}
          </button>
          <button
            type="button"
            className="button button--small"
            aria-label={`${label('preload', 'Preload')} ${model.name}`}
            title="Load it now, kept for the keep-alive setting"
            disabled={busy}
            onClick={act('preload')}
          >
            {label('preload', 'Preload')}
          </button>
          {loaded !== undefined && (
            <button type="button" className="button button--small" aria-label={`${label('unload', 'Unload')} ${model.name}`} title="Free its memory now" disabled={busy} onClick={act('unload')}>
              {label('unload', 'Unload')}
            </button>
          )}
          <button type="button" className="button button--small button--quiet-danger" aria-label={`Delete ${model.name}…`} disabled={busy} onClick={() => setConfirming(true)}>
            Delete…
          </button>
          {/* Outside the table, so the dialog does not inherit the cell's alignment and no-wrap. */}
          {createPortal(
            <ConfirmDialog
              open={confirming}
              title={`Delete ${model.name}?`}
              confirmLabel="Delete model"
              danger
              busy={action.running === 'delete'}
              onCancel={() => setConfirming(false)}
              onConfirm={() => void confirmDelete()}
            >
              <DeleteQuestion model={model} features={features} />
            </ConfirmDialog>,
            document.body,
          )}
        </td>
      </tr>
      {loaded !== undefined && inRam > 0 && (
        <tr className="row-note" data-testid="model-row-warning" data-model={model.name}>
          <td colSpan={columns}>
            <p className="row-note__text row-note__text--warn">
              {formatPercent(1 - shareOf(loaded.vramBytes, loaded.sizeBytes))} of {model.name} ({formatBytes(inRam)}) sits in system memory, so it runs slower than a
              model held wholly in VRAM. Unload other models, or use a smaller model or quantisation.
            </p>
          </td>
        </tr>
      )}
      {action.error !== null && (
        <tr className="row-note" data-testid="model-row-error" data-model={model.name}>
          <td colSpan={columns}>
            <p className="row-note__text row-note__text--error" role="alert">
              {action.error}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}

/** The models Ollama has on disk, which of them are in memory and where, and what to do with each. */
export function InstalledModels() {
  const engine = useStatus((state) => state.engine);
  const loadError = useStatus((state) => state.loadError);
  const title = useRef<HTMLHeadingElement>(null);
  const installed = [...(engine?.installed ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const loaded = engine?.loaded ?? [];
  const now = useNow(5000, loaded.length > 0);
  // The deleted row and its dialog are gone: the section's heading is the nearest place for focus.
  const onDeleted = () => title.current?.focus();

  let content;
  if (engine === null) {
    content = <p className="muted">{loadError === null ? 'Looking for Ollama…' : `The engine status could not be read: ${loadError}`}</p>;
  } else if (!engine.reachable) {
    content = <p className="muted">Ollama is not running, so the installed models cannot be listed.</p>;
  } else if (installed.length === 0) {
    content = (
      <div className="empty-state">
        <p className="empty-state__headline">No model installed yet</p>
        <p className="muted">Pull one below, for example llama3.1:8b.</p>
      </div>
    );
  } else {
    content = (
      <div className="table-scroll">
        <table className="table models-table">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className="num">Size</th>
              <th scope="col">In memory</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {installed.map((model) => (
              <ModelRow key={model.name} model={model} loaded={loaded.find((entry) => sameModel(entry.name, model.name))} now={now} onDeleted={onDeleted} />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="card" aria-labelledby="installed-models-title" data-testid="installed-models">
      <h2 id="installed-models-title" className="card__title" ref={title} tabIndex={-1}>
        Installed models
      </h2>
      {content}
      <p className="footnote">
        Pinned models stay in memory until unloaded; others unload after the keep-alive setting. A model partly in system memory runs its remaining layers on the CPU, which is much slower.
      </p>
    </section>
  );
}
