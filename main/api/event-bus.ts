import type { z } from 'zod';
import type { EventName, Events } from './contract';

export type EventPayload<K extends EventName> = z.output<Events[K]>;
export type AnyEventListener = (name: EventName, payload: unknown) => void;

/** Pushed events, typed by the contract's event map; transports subscribe to all of them. */
export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();
  private readonly latest = new Map<EventName, unknown>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    this.latest.set(name, payload);
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // One broken subscriber (a closed socket, say) must not stop the others.
      }
    }
  }

  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last payload of each event, so a new subscriber starts with the current state. */
  snapshot(): Array<[EventName, unknown]> {
    return [...this.latest.entries()];
  }
}
