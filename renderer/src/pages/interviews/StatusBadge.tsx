import type { InterviewStatus } from '../../../../main/interviews/schema';
import { statusLooks } from './format';

/** An interview's status as a coloured word; the word, not the colour, carries the meaning. */
export function StatusBadge({ status }: { status: InterviewStatus }) {
  const look = statusLooks[status];
  return (
    <span className="badge" data-tone={look.tone} data-testid="interview-status" data-status={status}>
      {look.label}
    </span>
  );
}
