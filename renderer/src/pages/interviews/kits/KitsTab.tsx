import { useEffect } from 'react';
import { InterviewerDialog } from './InterviewerDialog';
import { KitList } from './KitList';
import { KitView } from './KitView';
import { NewKitForm } from './NewKitForm';
import { startKitsFeed, useKits } from './store';

/**
 * The Interview kits tab: a CV and a job description in; the gaps between them and a behavioural
 * question per gap out, rated by the interviewer against anchored scales as the interview runs.
 */
export function KitsTab() {
  const pane = useKits((state) => state.pane);
  useEffect(() => startKitsFeed(), []);
  return (
    <div className="interviews-layout" data-testid="interview-kits">
      <KitList />
      <div className="interviews-pane">{pane === 'new' ? <NewKitForm /> : <KitView />}</div>
      <InterviewerDialog />
    </div>
  );
}
