import { CircuitOpenError } from './errors';
import type { BreakerChange, BreakerPolicy, BreakerState } from './types';

export const defaultBreakerPolicy: BreakerPolicy = { failureThreshold: 5, cooldownMs: 30_000 };

interface ModelCircuit {
  state: BreakerState;
  failures: number;
  openedAt: number;
  /** In half-open, whether the one probe is out. */
  probing: boolean;
  lastError: Error | null;
}

/** One call's pass through a breaker; it holds the half-open probe across its own retries. */
export interface BreakerTicket {
  probing: boolean;
}

/**
 * One circuit per model: closed until `failureThreshold` consecutive calls failed (each after
 * its own retries, so one call never opens the circuit on itself), then open (calls fail fast
 * with CircuitOpenError) for `cooldownMs`, then half-open: one call goes through as a probe
 * while the others still fail fast; its success closes the circuit, its failure opens it again.
 * Only failures of the engine count (unreachable, busy, out of memory, cut streams, server
 * errors); a cancelled call leaves the state as it was.
 */
export class CircuitBreakers {
  private readonly circuits = new Map<string, ModelCircuit>();

  constructor(
    private readonly policy: BreakerPolicy,
    private readonly now: () => number,
    private readonly onChange: (change: BreakerChange) => void,
  ) {}

  state(model: string): BreakerState {
    const circuit = this.circuits.get(model);
    if (!circuit) return 'closed';
    if (circuit.state === 'open' && this.now() - circuit.openedAt >= this.policy.cooldownMs) return 'half-open';
    return circuit.state;
  }

  /** Before each attempt of a call: throws CircuitOpenError when it may not go through. */
  enter(model: string, ticket: BreakerTicket): void {
    const circuit = this.circuitOf(model);
    if (circuit.state === 'open') {
      const waited = this.now() - circuit.openedAt;
      if (waited < this.policy.cooldownMs) {
        throw new CircuitOpenError(model, this.policy.cooldownMs - waited, { cause: circuit.lastError ?? undefined });
      }
      this.move(model, circuit, 'half-open');
    }
    if (circuit.state === 'half-open' && !ticket.probing) {
      if (circuit.probing) throw new CircuitOpenError(model, this.policy.cooldownMs, { cause: circuit.lastError ?? undefined });
      circuit.probing = true;
      ticket.probing = true;
    }
  }

  succeeded(model: string, ticket: BreakerTicket): void {
    const circuit = this.circuitOf(model);
    this.release(circuit, ticket);
    circuit.failures = 0;
    circuit.lastError = null;
    if (circuit.state !== 'closed') this.move(model, circuit, 'closed');
  }

  failed(model: string, ticket: BreakerTicket, error: Error): void {
    const circuit = this.circuitOf(model);
    this.release(circuit, ticket);
    circuit.failures += 1;
    circuit.lastError = error;
    if (circuit.state === 'half-open' || circuit.failures >= this.policy.failureThreshold) {
      circuit.openedAt = this.now();
      if (circuit.state !== 'open') this.move(model, circuit, 'open');
    }
  }

  /** A call that ended without telling anything about the engine (cancelled). */
  released(model: string, ticket: BreakerTicket): void {
    this.release(this.circuitOf(model), ticket);
  }

  private release(circuit: ModelCircuit, ticket: BreakerTicket): void {
    if (!ticket.probing) return;
    circuit.probing = false;
    ticket.probing = false;
  }

  private circuitOf(model: string): ModelCircuit {
    let circuit = this.circuits.get(model);
    if (!circuit) {
      circuit = { state: 'closed', failures: 0, openedAt: 0, probing: false, lastError: null };
      this.circuits.set(model, circuit);
    }
    return circuit;
  }

  private move(model: string, circuit: ModelCircuit, to: BreakerState): void {
    const from = circuit.state;
    circuit.state = to;
    this.onChange({ model, from, to });
  }
}
