import type { EngineStatus } from '../../../main/system/schema';
import { hashOf } from '../state/navigation';

function loadedSummary(engine: EngineStatus): string {
  const names = engine.loaded.map((model) => model.name);
  if (names.length === 0) return 'no model loaded';
  if (names.length === 1) return `${names[0]} loaded`;
  return `${names.length} models loaded: ${names.join(', ')}`;
}

interface EngineStatusItemProps {
  engine: EngineStatus | null;
  loadError: string | null;
}

/** Ollama in the status bar: version and loaded models, or why it cannot be reached. */
export function EngineStatusItem({ engine, loadError }: EngineStatusItemProps) {
  if (engine === null) {
    const text = loadError === null ? 'Checking Ollama…' : 'Status unavailable';
    return (
      <a className="status-item" href={hashOf('gpu')} data-testid="status-engine" data-state={loadError === null ? 'checking' : 'error'} data-version="" title={loadError ?? undefined}>
        <span className="status-dot" data-tone={loadError === null ? 'idle' : 'bad'} aria-hidden="true" />
        <span className="status-item__text">{text}</span>
        {loadError !== null && <span className="visually-hidden">: {loadError}</span>}
      </a>
    );
  }
  if (!engine.reachable) {
    const problem = engine.problem ?? `Ollama is not answering at ${engine.host}.`;
    return (
      <a className="status-item" href={hashOf('gpu')} data-testid="status-engine" data-state="unreachable" data-version="" title={problem}>
        <span className="status-dot" data-tone="bad" aria-hidden="true" />
        <span className="status-item__text">Ollama not running</span>
        <span className="visually-hidden">: {problem}</span>
      </a>
    );
  }
  const version = engine.version ?? 'unknown version';
  const summary = loadedSummary(engine);
  return (
    <a
      className="status-item"
      href={hashOf('gpu')}
      data-testid="status-engine"
      data-state="reachable"
      data-version={engine.version ?? ''}
      data-loaded={engine.loaded.length}
      title={`Ollama ${version} at ${engine.host} · ${summary}`}
    >
      <span className="status-dot" data-tone="good" aria-hidden="true" />
      <span className="status-item__text">
        Ollama {version} <span className="status-item__muted">· {summary}</span>
      </span>
    </a>
  );
}
