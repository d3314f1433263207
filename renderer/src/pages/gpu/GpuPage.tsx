import { PageHeader } from '../../components/PageHeader';
import { useStatus } from '../../state/status';
import { EngineCard } from './EngineCard';
import { GpuCard } from './GpuCard';
import { LoadedModelsCard } from './LoadedModelsCard';

export function GpuPage() {
  const engine = useStatus((state) => state.engine);
  const gpu = useStatus((state) => state.gpu);
  const loadError = useStatus((state) => state.loadError);
  return (
    <div className="page">
      <PageHeader title="GPU" lead="The graphics card, the Ollama engine, and the models held in memory right now." />
      {loadError !== null && engine === null && (
        <p className="notice notice--error" role="alert">
          The status could not be read: {loadError}
        </p>
      )}
      <div className="card-grid">
        <GpuCard gpu={gpu} />
        <EngineCard engine={engine} />
        <LoadedModelsCard engine={engine} />
      </div>
      <p className="footnote" data-testid="gpu-later">
        Live charts, history and model management (pull, pin, unload) come with the engine work in a later release.
      </p>
    </div>
  );
}
