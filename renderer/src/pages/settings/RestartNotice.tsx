import { ollamaEnvFor } from '../../../../main/engine/supervisor/ollama-env';
import { parseOllamaHost, type Settings } from '../../../../main/settings/schema';
import { settingOfVariable } from '../models/describe';
import type { EngineRestart } from './useEngineRestart';

const list = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' });

/** The variables to set, with their new values, for an Ollama the analyst runs themselves. */
function variablesOf(variables: readonly string[], settings: Settings | null): string[] {
  if (settings === null) return [...variables];
  const base = parseOllamaHost(settings.ollamaHost);
  const env = ollamaEnvFor(settings, base === null ? '' : new URL(base).host);
  return variables.map((name) => (env[name] === undefined ? name : `${name}=${env[name]}`));
}

/**
 * Shown after a save that changed settings Ollama reads only when it starts: a restart button
 * when the workstation runs Ollama, else what the analyst must set before restarting their own.
 */
export function RestartNotice({ restart, settings }: { restart: EngineRestart; settings: Settings | null }) {
  const { state } = restart;
  if (state === null) return null;
  if (state.restartNeeded.length === 0) {
    const pending = state.mode === 'starting' || state.mode === 'restarting' || state.mode === 'checking';
    return (
      <div className="restart-notice" data-testid="settings-restart" data-state="done" role="status">
        <p className="restart-notice__text">{pending ? 'Ollama is restarting with the new settings…' : 'Ollama restarted: the new settings apply.'}</p>
        <button type="button" className="button button--small" onClick={restart.dismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  const names = state.restartNeeded.map(settingOfVariable);
  const one = names.length === 1;
  return (
    <div className="restart-notice restart-notice--warn" data-testid="settings-restart" data-state={state.canRestart ? 'offer' : 'manual'} role="status">
      <div className="restart-notice__text">
        <p>
          <strong>{list.format(names)}</strong> {one ? 'takes' : 'take'} effect when Ollama restarts.
        </p>
        {state.canRestart ? (
          <p className="muted">Restarting unloads the loaded models; requests running now fail and are retried.</p>
        ) : (
          <p className="muted">
            This Ollama was started outside the workstation, so it cannot restart it: restart your Ollama yourself with{' '}
            {variablesOf(state.restartNeeded, settings).map((variable, index) => (
              <span key={variable}>
                {index > 0 && ' '}
                <code className="mono">{variable}</code>
              </span>
            ))}{' '}
            set.
          </p>
        )}
        {restart.error !== null && (
          <p className="inline-error" role="alert">
            {restart.error}
          </p>
        )}
      </div>
      {state.canRestart ? (
        <button type="button" className="button button--primary button--small" disabled={restart.restarting} onClick={restart.restart}>
          {restart.restarting ? 'Restarting…' : 'Restart Ollama'}
        </button>
      ) : (
        <button type="button" className="button button--small" onClick={restart.dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
