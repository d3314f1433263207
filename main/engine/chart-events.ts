import type { GpuService } from '../gpu/service';
import type { EngineStatus } from '../system/schema';

/**
 * Marks on the GPU charts what the engine did: models loaded and unloaded, seen as the difference
 * between two engine statuses.
 */
export function recordModelChanges(gpu: Pick<GpuService, 'recordEvent'>): (status: EngineStatus) => void {
  let previous: Set<string> | null = null;
  return (status) => {
    if (!status.reachable) return;
    const now = new Set(status.loaded.map((model) => model.name));
    if (previous !== null) {
      for (const name of now) if (!previous.has(name)) gpu.recordEvent('model-loaded', name);
      for (const name of previous) if (!now.has(name)) gpu.recordEvent('model-unloaded', name);
    }
    previous = now;
  };
}
