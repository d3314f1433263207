import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { EnginePanel } from './EnginePanel';
import { FeatureModels } from './FeatureModels';
import { InstalledModels } from './InstalledModels';
import { PullPanel } from './PullPanel';
import { startModelsFeed } from './store';

export function ModelsPage() {
  useEffect(() => startModelsFeed(), []);
  return (
    <div className="page page--models" data-testid="models-page">
      <PageHeader title="Models" lead="The models Ollama keeps on this computer and in memory, pulling new ones, and how Ollama itself is run." />
      <EnginePanel />
      <InstalledModels />
      <PullPanel />
      <FeatureModels />
    </div>
  );
}
