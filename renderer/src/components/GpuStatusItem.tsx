import type { GpuStatus } from '../../../main/system/schema';
import { formatGiB, formatInteger, formatPercent, shareOf } from '../lib/format';
import { vramLevel } from '../lib/vram';
import { hashOf } from '../state/navigation';
import { useSettings } from '../state/settings';
import { UsageBar } from './UsageBar';

interface GpuStatusItemProps {
  gpu: GpuStatus | null;
  loadError: string | null;
}

/** The card in the status bar: name and VRAM in use, or that the app runs on the CPU. */
export function GpuStatusItem({ gpu, loadError }: GpuStatusItemProps) {
  const settings = useSettings((state) => state.settings);
  if (gpu === null) {
    return (
      <a className="status-item" href={hashOf('gpu')} data-testid="status-gpu" data-state={loadError === null ? 'checking' : 'error'} title={loadError ?? undefined}>
        <span className="status-item__text">{loadError === null ? 'Checking GPU…' : 'GPU status unavailable'}</span>
      </a>
    );
  }
  if (!gpu.present) {
    const problem = gpu.problem ?? 'No NVIDIA GPU found: models run on the CPU.';
    return (
      <a className="status-item" href={hashOf('gpu')} data-testid="status-gpu" data-state="absent" title={problem}>
        <span className="status-item__text">No NVIDIA GPU — CPU mode</span>
        <span className="visually-hidden">: {problem}</span>
      </a>
    );
  }
  const used = gpu.vramUsedMiB;
  const total = gpu.vramTotalMiB;
  const name = gpu.name ?? 'NVIDIA GPU';
  const known = used !== null && total !== null;
  const detail = known ? `${formatGiB(used)} of ${formatGiB(total)} (${formatPercent(shareOf(used, total))})` : 'VRAM not reported';
  return (
    <a
      className="status-item status-item--gpu"
      href={hashOf('gpu')}
      data-testid="status-gpu"
      data-state="present"
      data-vram-used={used ?? ''}
      data-vram-total={total ?? ''}
      title={`${name} · VRAM ${detail}`}
    >
      <span className="status-item__text status-item__name">{name}</span>{' '}
      {known ? (
        <>
          <span className="status-item__text">
            VRAM {formatInteger(used)} / {formatInteger(total)} MiB
          </span>
          <UsageBar used={used} total={total} level={vramLevel(used, total, settings)} />
        </>
      ) : (
        <span className="status-item__text status-item__muted">VRAM not reported</span>
      )}
    </a>
  );
}
