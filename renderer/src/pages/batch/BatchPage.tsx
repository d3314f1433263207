import { ComingSoon } from '../../components/ComingSoon';

export function BatchPage() {
  return (
    <ComingSoon
      title="Batch"
      lead="Evaluate a whole file of candidates with the local model: drop the file on the window and the workstation works through every profile."
      plans={[
        'Drop a file of candidate profiles, or an OpenAI-style batch JSONL, onto the window.',
        'Every item is evaluated by the local model, with progress, rate and time left, and can be cancelled.',
        'Runs survive a crash or a GPU out-of-memory and pick up where they stopped.',
        'Results, errors and an analysis of the whole batch come back as files you can keep.',
      ]}
    />
  );
}
