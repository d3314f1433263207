import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { SegmentedControl } from '../../components/SegmentedControl';
import { GuideEditor } from './GuideEditor';
import { Handover } from './Handover';
import { reopenHandover } from './handover';
import { InterviewDetailView } from './InterviewDetailView';
import { InterviewList } from './InterviewList';
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

function KitsPlaceholder() {
  return (
    <section className="card" aria-labelledby="kits-title" data-testid="interview-kits">
      <h2 id="kits-title" className="card__title">
        Interview kits
      </h2>
      <p>Interview kits arrive next: paste a CV and a job description, see the gaps between them, and get questions to probe each gap, with rubrics for scoring the answers.</p>
      <p className="not-built">Not built yet: this part of the page comes in the next release.</p>
    </section>
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
      {view === 'kits' && <KitsPlaceholder />}
      <Handover />
    </div>
  );
}
