import type { GapPriority, KitSummary } from '../../../../../main/interviews/kits/schema';
import { phaseLooks, phaseOf, priorityLooks } from './format';

/** A kit's phase as a coloured word; the word, not the colour, carries the meaning. */
export function KitStatusBadge({ kit }: { kit: Pick<KitSummary, 'status' | 'active' | 'gaps'> }) {
  const phase = phaseOf(kit);
  const look = phaseLooks[phase];
  return (
    <span className="badge" data-tone={look.tone} data-testid="kit-status" data-phase={phase}>
      {look.label}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: GapPriority }) {
  const look = priorityLooks[priority];
  return (
    <span className="badge" data-tone={look.tone} data-testid="kit-priority" data-priority={priority}>
      {look.label}
    </span>
  );
}
