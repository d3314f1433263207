import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Owner ids of the runners alive in this process. */
const liveHere = new Set<string>();

/**
 * Who holds an item's lease: host, pid and a random part (a pid is reused after a restart).
 * A process on this host that is gone cannot finish its items, so they are claimed again at
 * once rather than after the lease runs out.
 */
export function newOwnerId(): string {
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  liveHere.add(owner);
  return owner;
}

export const retireOwner = (owner: string): void => void liveHere.delete(owner);

export function isOwnerGone(owner: string, host: string = hostname()): boolean {
  const [ownerHost, pidText] = owner.split(':');
  if (ownerHost !== host) return false; // Another machine's lease: wait for it to run out.
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return !liveHere.has(owner);
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
