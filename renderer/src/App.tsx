import { useEffect, type ComponentType } from 'react';
import { AppShell } from './components/AppShell';
import { usePageShortcuts } from './components/useShortcuts';
import { BatchPage } from './pages/batch/BatchPage';
import { GpuPage } from './pages/gpu/GpuPage';
import { InterviewsPage } from './pages/interviews/InterviewsPage';
import { MetricsPage } from './pages/metrics/MetricsPage';
import { ModelsPage } from './pages/models/ModelsPage';
import { PricingPage } from './pages/pricing/PricingPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { SkillsPage } from './pages/skills/SkillsPage';
import { startHashSync, useNavigation, type PageId } from './state/navigation';
import { startSettingsFeed } from './state/settings';
import { startStatusFeed } from './state/status';

const pageComponents: Record<PageId, ComponentType> = {
  batch: BatchPage,
  interviews: InterviewsPage,
  pricing: PricingPage,
  skills: SkillsPage,
  gpu: GpuPage,
  models: ModelsPage,
  metrics: MetricsPage,
  settings: SettingsPage,
};

export function App() {
  const page = useNavigation((state) => state.page);
  usePageShortcuts();
  useEffect(() => startHashSync(), []);
  useEffect(() => startStatusFeed(), []);
  // Loaded for the whole app: the VRAM bars colour themselves by the guard settings.
  useEffect(() => startSettingsFeed(), []);
  const Page = pageComponents[page];
  return (
    <AppShell>
      <Page />
    </AppShell>
  );
}
