import type { EngineStatus } from '../../../../main/system/schema';
import { formatTime } from '../../lib/format';

/** Where Ollama is expected and whether it answers there. */
export function EngineCard({ engine }: { engine: EngineStatus | null }) {
  return (
    <section className="card" aria-labelledby="engine-card-title" data-testid="engine-card">
      <h2 id="engine-card-title" className="card__title">Engine</h2>
      {engine === null ? (
        <p className="muted">Looking for Ollama…</p>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>Ollama</dt>
              <dd>
                <span className="status-dot" data-tone={engine.reachable ? 'good' : 'bad'} aria-hidden="true" />{' '}
                {engine.reachable ? `Running, version ${engine.version ?? 'unknown'}` : 'Not running'}
              </dd>
            </div>
            <div>
              <dt>Host</dt>
              <dd className="mono">{engine.host}</dd>
            </div>
            <div>
              <dt>Installed models</dt>
              <dd>{engine.reachable ? engine.installed.length : '—'}</dd>
            </div>
            <div>
              <dt>Checked</dt>
              <dd>{formatTime(engine.checkedAt)}</dd>
            </div>
          </dl>
          {!engine.reachable && (
            <p className="notice notice--warn">{engine.problem ?? `Ollama is not answering at ${engine.host}.`}</p>
          )}
        </>
      )}
    </section>
  );
}
