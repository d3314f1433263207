import { ComingSoon } from '../../components/ComingSoon';

export function SkillsPage() {
  return (
    <ComingSoon
      title="Skills"
      lead="Infer soft skills from interview evidence: empathy, problem-solving, self-regulation and resilience."
      plans={[
        'Scores for each skill, drawn from what the candidate actually said.',
        'The evidence quoted and the reasoning shown beside every score.',
      ]}
    />
  );
}
