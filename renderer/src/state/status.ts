import { create } from 'zustand';
import type { EngineStatus, GpuStatus } from '../../../main/system/schema';
import type { Client } from '../../../main/api/contract';
import { client } from '../api/client';
import { messageOf } from '../lib/errors';

interface StatusState {
  engine: EngineStatus | null;
  gpu: GpuStatus | null;
  /** Set when the first status could not be read at all (the core is not answering). */
  loadError: string | null;
}

export const useStatus = create<StatusState>(() => ({ engine: null, gpu: null, loadError: null }));

/** Events and the first read can cross; whichever was checked later wins. */
function newer<T extends { checkedAt: string }>(current: T | null, next: T): T {
  if (current === null) return next;
  return Date.parse(current.checkedAt) > Date.parse(next.checkedAt) ? current : next;
}

/** Records an engine status a call handed back (after pin, unload, delete) without waiting for the event. */
export function acceptEngineStatus(engine: EngineStatus): void {
  useStatus.setState((state) => ({ engine: newer(state.engine, engine), loadError: null }));
}

/** Reads the current engine and GPU status, then follows their events. Returns the unsubscribe. */
export function startStatusFeed(api: Client = client): () => void {
  let active = true;
  const offEngine = api.on('engine.status', (engine) => useStatus.setState((state) => ({ engine: newer(state.engine, engine), loadError: null })));
  const offGpu = api.on('gpu.status', (gpu) => useStatus.setState((state) => ({ gpu: newer(state.gpu, gpu), loadError: null })));
  api
    .call('system.status', {})
    .then(({ engine, gpu }) => {
      if (!active) return;
      useStatus.setState((state) => ({ engine: newer(state.engine, engine), gpu: newer(state.gpu, gpu), loadError: null }));
    })
    .catch((error: unknown) => {
      if (active) useStatus.setState({ loadError: messageOf(error) });
    });
  return () => {
    active = false;
    offEngine();
    offGpu();
  };
}
