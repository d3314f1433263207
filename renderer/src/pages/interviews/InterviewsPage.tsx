import { ComingSoon } from '../../components/ComingSoon';

export function InterviewsPage() {
  return (
    <ComingSoon
      title="Interviews"
      lead="Run exit interviews offline, and prepare adaptive interview kits from a CV and a job description."
      plans={[
        'Exit interviews: the departing employee talks to the workstation; nothing leaves the machine.',
        'Interview kits: compare a CV with a job description, find the gaps, and get questions with rubrics.',
        'Every question and summary records the model and prompt version that produced it.',
      ]}
    />
  );
}
