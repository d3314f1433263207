import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { hashOf } from '../../state/navigation';
import { useStatus } from '../../state/status';
import { EngineCard } from './EngineCard';
import { EventsCard } from './EventsCard';
import { GpuCard } from './GpuCard';
import { HistoryCharts } from './HistoryCharts';
import { LiveCharts } from './LiveCharts';
import { LoadedModelsCard } from './LoadedModelsCard';
import { MemoryCard } from './MemoryCard';
import { ProcessesCard } from './ProcessesCard';
import { startGpuFeed } from './store';

export function GpuPage() {
  const engine = useStatus((state) => state.engine);
  const gpu = useStatus((state) => state.gpu);
  const loadError = useStatus((state) => state.loadError);
  useEffect(() => startGpuFeed(), []);
  return (
    <div className="page page--gpu" data-testid="gpu-page">
      <PageHeader title="GPU" lead="The graphics card live and over time, what holds its memory, the Ollama engine, and the models held in memory right now." />
      {loadError !== null && engine === null && (
        <p className="notice notice--error" role="alert">
          The status could not be read: {loadError}
        </p>
      )}
      <div className="card-grid">
        <GpuCard gpu={gpu} />
        <MemoryCard />
        <LiveCharts />
        <ProcessesCard />
        <EngineCard engine={engine} />
        <LoadedModelsCard engine={engine} />
        <HistoryCharts />
        <EventsCard />
      </div>
      <p className="footnote" data-testid="gpu-later">
        Pull, pin, unload and delete models on the <a href={hashOf('models')}>Models page</a>. The GPU history is stored every 10 seconds and kept for 7 days.
      </p>
    </div>
  );
}
