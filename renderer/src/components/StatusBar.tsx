import { useStatus } from '../state/status';
import { EngineStatusItem } from './EngineStatusItem';
import { GpuStatusItem } from './GpuStatusItem';

/**
 * Always-visible engine and GPU state. Deliberately not a live region: it changes every few
 * seconds, and the GPU page carries the same facts for anyone who wants them read out.
 */
export function StatusBar() {
  const engine = useStatus((state) => state.engine);
  const gpu = useStatus((state) => state.gpu);
  const loadError = useStatus((state) => state.loadError);
  return (
    <footer className="status-bar" aria-label="Engine and GPU status">
      <EngineStatusItem engine={engine} loadError={loadError} />
      <span className="status-bar__spacer" />
      <GpuStatusItem gpu={gpu} loadError={loadError} />
    </footer>
  );
}
