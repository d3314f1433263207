import { useCallback, useEffect, useState } from 'react';
import type { SupervisorState } from '../../../../main/engine/supervisor/schema';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';

export interface EngineRestart {
  /**
   * The engine as read after the last save, when Ollama needed a restart to apply it; followed
   * while shown, so it also tells when the restart is done. Null when there is nothing to say.
   */
  state: SupervisorState | null;
  restarting: boolean;
  error: string | null;
  /** Asks the engine whether the saved settings need Ollama restarted (after a save or a reset). */
  check: () => void;
  restart: () => void;
  dismiss: () => void;
}

/** After a save: whether Ollama must restart for the new settings to apply, and that restart. */
export function useEngineRestart(): EngineRestart {
  const [state, setState] = useState<SupervisorState | null>(null);
  const [restarting, setRestarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A restart made elsewhere (the Models page) or a server that died and came back updates the notice too.
  useEffect(() => client.on('engine.supervisor', (next) => setState((current) => (current === null ? null : next))), []);

  const check = useCallback(() => {
    setError(null);
    // The notice is a convenience: if the engine cannot be asked, the Models page still says it.
    client.call('engine.supervisor', {}).then(
      (next) => setState(next.restartNeeded.length > 0 ? next : null),
      () => setState(null),
    );
  }, []);

  const restart = useCallback(() => {
    setRestarting(true);
    setError(null);
    client
      .call('engine.restart', {})
      .then(setState, (failure: unknown) => setError(messageOf(failure)))
      .finally(() => setRestarting(false));
  }, []);

  const dismiss = useCallback(() => {
    setState(null);
    setError(null);
  }, []);

  return { state, restarting, error, check, restart, dismiss };
}
