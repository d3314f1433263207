import type { SupervisorState } from '../../../../main/engine/supervisor/schema';
import { hashOf } from '../../state/navigation';
import { canLookAgain, describeMode, describeRunner, settingOfVariable } from './describe';
import { lookAgain, restartEngine, useModels } from './store';
import { useAction } from './useAction';

/** The supervisor's message ends with install advice that the steps below give in full. */
const withoutInstallHint = (message: string): string => message.split(/\s+Install it from/)[0] ?? message;

function InstallHelp() {
  return (
    <div className="engine-help">
      <p className="engine-help__title">To use the local model:</p>
      <ol className="engine-help__steps">
        <li>
          Install Ollama from{' '}
          <a href="https://ollama.com/download" target="_blank" rel="noreferrer">
            ollama.com/download
          </a>
          , then choose <strong>Look again</strong>.
        </li>
        <li>
          Installed somewhere unusual? Start the workstation with <code className="mono">OLLAMA_BIN</code> set to the <code className="mono">ollama</code> program.
        </li>
        <li>
          Ollama runs on another machine? Set <code className="mono">OLLAMA_HOST</code>, or the Ollama host in <a href={hashOf('settings')}>Settings</a>.
        </li>
      </ol>
      <p className="muted">Features with a non-LLM fallback keep working meanwhile.</p>
    </div>
  );
}

function RestartNotice({ state }: { state: SupervisorState }) {
  const restart = useAction<'restart'>();
  const settings = state.restartNeeded.map(settingOfVariable);
  return (
    <div className="notice notice--warn engine-restart" data-testid="engine-restart-needed">
      <p>
        {settings.length === 1 ? 'A setting has' : 'Some settings have'} changed since Ollama started: <strong>{settings.join(', ')}</strong>{' '}
        <span className="muted">({state.restartNeeded.join(', ')})</span>.
      </p>
      {state.canRestart ? (
        <>
          <p>Restart Ollama to apply {settings.length === 1 ? 'it' : 'them'}. Loaded models are unloaded, and requests running now fail and are retried.</p>
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={restart.running !== null} onClick={() => void restart.run('restart', () => restartEngine())}>
              {restart.running === null ? 'Restart Ollama' : 'Restarting…'}
            </button>
          </div>
          {restart.error !== null && (
            <p className="inline-error" role="alert">
              {restart.error}
            </p>
          )}
        </>
      ) : (
        <p>This Ollama was started outside the workstation, so it cannot restart it: restart Ollama yourself, with these variables set, for the change to apply.</p>
      )}
    </div>
  );
}

function Facts({ state }: { state: SupervisorState }) {
  return (
    <dl className="facts facts--engine">
      <div>
        <dt>Host</dt>
        <dd className="mono">{state.host}</dd>
      </div>
      <div>
        <dt>Process</dt>
        <dd>{state.pid ?? '—'}</dd>
      </div>
      <div>
        <dt>Restarts</dt>
        <dd>{state.restarts}</dd>
      </div>
      {state.binary !== null && (
        <div className="facts__wide">
          <dt>Program</dt>
          <dd className="mono">{state.binary}</dd>
        </div>
      )}
      <div className="facts__wide">
        <dt>Log file</dt>
        <dd data-testid="engine-log-file">
          {state.logFile === null ? '—' : <span className="mono">{state.logFile}</span>}
          {state.mode === 'attached' && <span className="muted"> · written only for a server the workstation starts</span>}
        </dd>
      </div>
    </dl>
  );
}

/** How Ollama is run, what is wrong with it, and the one action that helps. */
export function EnginePanel() {
  const state = useModels((store) => store.supervisor);
  const loadError = useModels((store) => store.supervisorError);
  const look = useAction<'look'>();

  if (state === null) {
    return (
      <section className="card" aria-labelledby="engine-panel-title" data-testid="engine-panel" data-mode="">
        <h2 id="engine-panel-title" className="card__title">Engine</h2>
        {loadError === null ? (
          <p className="muted">Asking how Ollama is run…</p>
        ) : (
          <p className="notice notice--error" role="alert">
            The engine state could not be read: {loadError}
          </p>
        )}
      </section>
    );
  }

  const { headline, tone } = describeMode(state);
  const runner = describeRunner(state);
  const looking = look.running !== null || state.mode === 'checking';
  return (
    <section className="card" aria-labelledby="engine-panel-title" data-testid="engine-panel" data-mode={state.mode}>
      <h2 id="engine-panel-title" className="card__title">Engine</h2>
      {/* A live region: a crash, a restart or a finished start is news the analyst should hear. */}
      <div className="engine-state" role="status">
        <p className="engine-state__headline">
          <span className="status-dot" data-tone={tone} aria-hidden="true" /> {headline}
        </p>
        {runner !== null && <p className="muted">{runner}</p>}
        {state.message !== null &&
          (state.mode === 'missing' ? (
            <p className="muted">{withoutInstallHint(state.message)}</p>
          ) : (
            <p className={tone === 'bad' ? 'notice notice--error' : 'notice notice--warn'}>{state.message}</p>
          ))}
      </div>
      {state.mode === 'missing' && <InstallHelp />}
      {state.restartNeeded.length > 0 && <RestartNotice state={state} />}
      {(canLookAgain(state) || look.running !== null) && (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={looking} onClick={() => void look.run('look', () => lookAgain())}>
            {looking ? 'Looking…' : state.mode === 'missing' || state.mode === 'remote-unreachable' ? 'Look again' : 'Start Ollama'}
          </button>
        </div>
      )}
      {look.error !== null && (
        <p className="inline-error" role="alert">
          {look.error}
        </p>
      )}
      <Facts state={state} />
    </section>
  );
}
