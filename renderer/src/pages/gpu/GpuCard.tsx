import type { GpuStatus } from '../../../../main/system/schema';
import { UsageBar } from '../../components/UsageBar';
import { formatGiB, formatInteger, formatPercent, shareOf } from '../../lib/format';
import { vramLevel } from '../../lib/vram';
import { useSettings } from '../../state/settings';

const dash = '—';
const orDash = (value: number | null, unit: string): string => (value === null ? dash : `${formatInteger(value)} ${unit}`);

function Vram({ used, total }: { used: number | null; total: number | null }) {
  const settings = useSettings((state) => state.settings);
  if (used === null || total === null) return <p className="muted">The driver does not report VRAM for this card.</p>;
  const text = `${formatInteger(used)} / ${formatInteger(total)} MiB`;
  const share = formatPercent(shareOf(used, total));
  return (
    <div className="vram">
      <div className="vram__numbers">
        <span className="vram__value" data-testid="gpu-vram" data-vram-used={used} data-vram-total={total}>
          {text}
        </span>
        <span className="muted">
          {formatGiB(used)} of {formatGiB(total)} · {share}
        </span>
      </div>
      <UsageBar used={used} total={total} size="large" level={vramLevel(used, total, settings)} label="VRAM in use" valueText={`${text}, ${share}`} />
    </div>
  );
}

/** The card's name, driver and live readings, or a plain statement that there is none. */
export function GpuCard({ gpu }: { gpu: GpuStatus | null }) {
  return (
    <section className="card" aria-labelledby="gpu-card-title" data-testid="gpu-card">
      <h2 id="gpu-card-title" className="card__title">Graphics card</h2>
      {gpu === null ? (
        <p className="muted">Reading the GPU…</p>
      ) : !gpu.present ? (
        <div className="empty-state">
          <p className="empty-state__headline">No NVIDIA GPU — CPU mode</p>
          <p className="muted">{gpu.problem ?? 'No NVIDIA GPU found: models run on the CPU, more slowly.'}</p>
        </div>
      ) : (
        <>
          <p className="gpu-name">{gpu.name ?? 'NVIDIA GPU'}</p>
          <Vram used={gpu.vramUsedMiB} total={gpu.vramTotalMiB} />
          <dl className="facts">
            <div>
              <dt>Utilisation</dt>
              <dd>{gpu.utilizationPercent === null ? dash : `${formatInteger(gpu.utilizationPercent)}%`}</dd>
            </div>
            <div>
              <dt>Temperature</dt>
              <dd>{orDash(gpu.temperatureC, '°C')}</dd>
            </div>
            <div>
              <dt>Power</dt>
              <dd>{orDash(gpu.powerDrawW, 'W')}</dd>
            </div>
            <div>
              <dt>Driver</dt>
              <dd>{gpu.driverVersion ?? dash}</dd>
            </div>
          </dl>
          {gpu.problem !== null && <p className="notice notice--warn">{gpu.problem}</p>}
        </>
      )}
    </section>
  );
}
