import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { SegmentedControl } from '../../components/SegmentedControl';
import { GuideEditor } from './GuideEditor';
import { Handover } from './Handover';
import { reopenHandover } from './handover';
import { InterviewDetailView } from './InterviewDetailView';
import { InterviewList } from './InterviewList';
import { KitsTab } from './kits/KitsTab';
import { NewInterviewForm } from './NewInterviewForm';
import { ReportView } from './ReportView';
import { showView, startInterviewsFeed, useInterviews, type InterviewsView } from './store';

const viewOptions: readonly { value: InterviewsView; label: string }[] = [
  { value: 'interviews', label: 'Exit interviews' },
  { value: 'report', label: 'Report' },
  { value: 'guide', label: 'Guide' },
  { value: 'kits', label: 'Interview kits' },
];

function ExitInterviews() {
  const pane = useInterviews((state) => state.pane);
  return (
    <div className="interviews-layout">
      <InterviewList />
      <div className="interviews-pane">{pane === 'new' ? <NewInterviewForm /> : <InterviewDetailView />}</div>
    </div>
  );
}

export function InterviewsPage() {
  const view = useInterviews((state) => state.view);
  useEffect(() => {
    startInterviewsFeed();
    reopenHandover();
  }, []);
  return (
    <div className="page page--wide" data-testid="interviews-page" data-view={view}>
      <PageHeader title="Interviews" lead="Exit interviews the departing employee types into, offline: a guide with follow-ups by the local model, then reasons, sentiment and themes you can correct." />
      <SegmentedControl label="Show" hideLabel options={viewOptions} value={view} onChange={showView} testId="interviews-view" />
      {view === 'interviews' && <ExitInterviews />}
      {view === 'report' && <ReportView />}
      {view === 'guide' && <GuideEditor />}
      {view === 'kits' && <KitsTab />}
      <Handover />
    </div>
  );
}
