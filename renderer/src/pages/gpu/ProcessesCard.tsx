import { formatInteger, formatTime } from '../../lib/format';
import { phaseOf, useGpuPage } from './store';

/** "/usr/local/bin/ollama" → "ollama"; Windows paths too. */
const programOf = (name: string): string => name.split(/[\\/]/).filter(Boolean).pop() ?? name;

const mib = (value: number | null): string => (value === null ? '—' : formatInteger(value));

/** Which programs hold the card's memory: the compute processes, and the rest (desktop, browsers). */
export function ProcessesCard() {
  const state = useGpuPage((page) => page.state);
  const last = useGpuPage((page) => page.samples.at(-1));
  const used = last?.vramUsedMiB ?? state?.sample?.vramUsedMiB ?? null;
  const processes = [...(state?.processes ?? [])].sort((a, b) => (b.usedMiB ?? 0) - (a.usedMiB ?? 0));
  // From the latest sample rather than the state's own figure, which is computed when the process
  // table changes and can lag the sample stream by a few seconds (a load seen by one before the other).
  const listed = processes.reduce((sum, process) => sum + (process.usedMiB ?? 0), 0);
  const other = used === null || state?.processesAt == null ? (state?.otherVramMiB ?? null) : Math.max(0, used - listed);
  const phase = phaseOf(state);

  let content;
  if (state === null || phase === 'reading') {
    content = <p className="muted">Reading the GPU…</p>;
  } else if (phase === 'absent') {
    content = <p className="muted">No GPU is in use, so no process holds VRAM.</p>;
  } else {
    content = (
      <>
        <div className="table-scroll">
          <table className="table processes-table">
            <thead>
              <tr>
                <th scope="col">Process</th>
                <th scope="col" className="num">PID</th>
                <th scope="col" className="num">VRAM MiB</th>
              </tr>
            </thead>
            <tbody>
              {processes.map((process) => (
                <tr key={process.pid} data-testid="gpu-process" data-pid={process.pid} data-name={process.name}>
                  <th scope="row">
                    <span className="process-name">{programOf(process.name)}</span>
                    {programOf(process.name) !== process.name && <span className="process-path mono">{process.name}</span>}
                  </th>
                  <td className="num">{process.pid}</td>
                  <td className="num">{process.usedMiB === null ? <span title="The driver does not report it for this process">—</span> : mib(process.usedMiB)}</td>
                </tr>
              ))}
              {other !== null && (
                <tr data-testid="gpu-process-other">
                  <th scope="row">
                    <span className="process-name">Other</span>
                    <span className="process-path">Desktop, browsers and other graphics</span>
                  </th>
                  <td className="num muted">—</td>
                  <td className="num">{mib(other)}</td>
                </tr>
              )}
            </tbody>
            {used !== null && (
              <tfoot>
                <tr>
                  <th scope="row">In use</th>
                  <td />
                  <td className="num">{mib(used)}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
        {processes.length === 0 && <p className="muted">No compute process holds VRAM: no model is loaded on the GPU.</p>}
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="gpu-processes-title" data-testid="gpu-processes" data-count={processes.length}>
      <h2 id="gpu-processes-title" className="card__title">
        Processes using VRAM
      </h2>
      {content}
      {state?.processesAt != null && <p className="footnote">Read every few seconds; last at {formatTime(new Date(state.processesAt).toISOString())}.</p>}
    </section>
  );
}
