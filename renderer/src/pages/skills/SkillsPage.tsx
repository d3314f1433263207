import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { SegmentedControl } from '../../components/SegmentedControl';
import { AssessView } from './AssessView';
import { startSkillsFeed } from './assess-store';
import { ModelsView } from './ModelsView';
import { PeopleList } from './PeopleList';
import { PersonView } from './PersonView';
import { loadPeople, showSkillsView, useSkills, type SkillsView } from './store';
import { WeightsView } from './WeightsView';

const viewOptions: readonly { value: SkillsView; label: string }[] = [
  { value: 'people', label: 'People' },
  { value: 'assess', label: 'Assess' },
  { value: 'models', label: 'Models' },
  { value: 'weights', label: 'Weights' },
];

function People() {
  return (
    <div className="interviews-layout">
      <PeopleList />
      <div className="interviews-pane">
        <PersonView />
      </div>
    </div>
  );
}

export function SkillsPage() {
  const view = useSkills((state) => state.view);
  useEffect(() => {
    void loadPeople();
    // Subscribed for as long as the page is open, so a job's progress is heard from its first report.
    return startSkillsFeed();
  }, []);
  return (
    <div className="page page--wide" data-testid="skills-page" data-view={view}>
      <PageHeader title="Skills" lead="What the evidence says about empathy, problem-solving, self-regulation and resilience: scores with their confidence, the quotes behind them, and your rating, which counts." />
      <SegmentedControl label="Show" hideLabel options={viewOptions} value={view} onChange={showSkillsView} testId="skills-view" />
      {view === 'people' && <People />}
      {view === 'assess' && <AssessView />}
      {view === 'models' && <ModelsView />}
      {view === 'weights' && <WeightsView />}
    </div>
  );
}
