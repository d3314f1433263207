import type { EngineStatus } from '../../../../main/system/schema';
import { UsageBar } from '../../components/UsageBar';
import { formatBytes, formatPercent, formatTime, shareOf } from '../../lib/format';

type LoadedModel = EngineStatus['loaded'][number];

function expiry(model: LoadedModel): string {
  if (model.expiresAt === null) return 'Stays loaded';
  const date = new Date(model.expiresAt);
  // Ollama reports "forever" as a date far in the future.
  if (date.getFullYear() - new Date().getFullYear() > 50) return 'Stays loaded';
  return formatTime(model.expiresAt);
}

function ModelRow({ model }: { model: LoadedModel }) {
  const inVram = Math.min(model.vramBytes, model.sizeBytes);
  const inRam = Math.max(0, model.sizeBytes - model.vramBytes);
  const onGpu = shareOf(inVram, model.sizeBytes);
  return (
    <tr data-testid="loaded-model" data-model={model.name}>
      <th scope="row" className="mono">{model.name}</th>
      <td className="num">{formatBytes(model.sizeBytes)}</td>
      <td className="num">{formatBytes(inVram)}</td>
      <td className="num">{formatBytes(inRam)}</td>
      <td>
        <span className="split">
          <UsageBar used={inVram} total={model.sizeBytes} />
          <span className="split__label">{onGpu >= 0.995 ? '100% GPU' : `${formatPercent(onGpu)} GPU`}</span>
        </span>
      </td>
      <td>{expiry(model)}</td>
    </tr>
  );
}

/** The models Ollama holds in memory, and how much of each sits in VRAM rather than system RAM. */
export function LoadedModelsCard({ engine }: { engine: EngineStatus | null }) {
  const loaded = engine?.loaded ?? [];
  return (
    <section className="card card--wide" aria-labelledby="models-card-title" data-testid="loaded-models">
      <h2 id="models-card-title" className="card__title">Loaded models</h2>
      {engine === null ? (
        <p className="muted">Looking for Ollama…</p>
      ) : !engine.reachable ? (
        <p className="muted">Ollama is not running, so no model is loaded.</p>
      ) : loaded.length === 0 ? (
        <p className="muted">No model is loaded. Ollama loads one on the first request that needs it.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" className="num">Size</th>
                <th scope="col" className="num">In VRAM</th>
                <th scope="col" className="num">In RAM</th>
                <th scope="col">Split</th>
                <th scope="col">Unloads</th>
              </tr>
            </thead>
            <tbody>
              {loaded.map((model) => (
                <ModelRow key={model.name} model={model} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="footnote">A model only partly in VRAM runs its remaining layers on the CPU, which is much slower.</p>
    </section>
  );
}
