import type { BatchStatus } from '../../../../main/batch/schema';
import { statusLooks } from './format';

/**
 * A batch's status as a coloured word; the word, not the colour, carries the meaning. A batch that
 * completed with failed items is amber rather than green: it needs a look.
 */
export function StatusBadge({ status, failed = 0, live = false }: { status: BatchStatus; failed?: number; live?: boolean }) {
  const look = statusLooks[status];
  const tone = status === 'completed' && failed > 0 ? 'warn' : look.tone;
  return (
    <span className="badge" data-tone={tone} aria-live={live ? 'polite' : undefined}>
      {look.label}
    </span>
  );
}
