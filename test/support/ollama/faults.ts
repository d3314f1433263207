// Faults on demand: a test arms one (in process or over POST /__standin/fault) and the next
// matching requests fail the way a real Ollama does under GPU trouble, overload or a crash.
import type { FaultKind, FaultSpec } from './types.js';

/** The paths that run a model; faults hit these unless the spec names others. */
export const INFERENCE_PATHS = ['/api/chat', '/api/generate', '/api/embed', '/api/embeddings'];

export const FAULT_KINDS: FaultKind[] = ['oom', 'system-memory', 'busy', 'cut', 'error-line', 'crash'];

export const BUSY_MESSAGE = 'server busy, please try again.  maximum pending requests exceeded';

const DEFAULT_MESSAGES: Record<FaultKind, string> = {
  oom: 'CUDA error: out of memory',
  'system-memory': 'model requires more system memory (12.3 GiB) than is available (8.1 GiB)',
  busy: BUSY_MESSAGE,
  cut: '',
  'error-line': 'an error was encountered while running the model: CUDA error: an illegal memory access was encountered',
  crash: '',
};

/** A fault as it applies to one request. */
export interface ArmedFault {
  kind: FaultKind;
  message: string;
  afterChunks: number;
}

interface Pending {
  spec: FaultSpec;
  remaining: number;
}

export class FaultBoard {
  private pending: Pending[] = [];

  arm(spec: FaultSpec): void {
    if (!FAULT_KINDS.includes(spec.kind)) throw new Error(`unknown fault kind "${String(spec.kind)}"`);
    this.pending.push({ spec, remaining: Math.max(1, spec.count ?? 1) });
  }

  clear(): void {
    this.pending = [];
  }

  list(): FaultSpec[] {
    return this.pending.map((p) => ({ ...p.spec, count: p.remaining }));
  }

  /** Consumes one use of the first fault that applies to this path, if any. */
  take(path: string): ArmedFault | undefined {
    const index = this.pending.findIndex((p) => {
      const paths = p.spec.paths ?? INFERENCE_PATHS;
      return paths.includes('*') || paths.includes(path);
    });
    const found = this.pending[index];
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.pending.splice(index, 1);
    return {
      kind: found.spec.kind,
      message: found.spec.message ?? DEFAULT_MESSAGES[found.spec.kind],
      afterChunks: Math.max(0, found.spec.afterChunks ?? 2),
    };
  }
}

/** Validates a fault spec that came over HTTP. */
export function parseFaultSpec(body: unknown): FaultSpec {
  if (typeof body !== 'object' || body === null) throw new Error('fault body must be an object');
  const raw = body as Record<string, unknown>;
  const kind = raw.kind;
  if (typeof kind !== 'string' || !FAULT_KINDS.includes(kind as FaultKind)) {
    throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  const spec: FaultSpec = { kind: kind as FaultKind };
  if (typeof raw.count === 'number') spec.count = raw.count;
  if (typeof raw.afterChunks === 'number') spec.afterChunks = raw.afterChunks;
  if (typeof raw.message === 'string') spec.message = raw.message;
  if (Array.isArray(raw.paths)) spec.paths = raw.paths.filter((p): p is string => typeof p === 'string');
  return spec;
}
