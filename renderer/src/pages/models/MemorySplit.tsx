import type { CSSProperties } from 'react';
import { formatBytes, formatPercent, shareOf } from '../../lib/format';

interface MemorySplitProps {
  sizeBytes: number;
  vramBytes: number;
}

/**
 * How much of a loaded model sits in VRAM (blue) and how much in system memory (amber). The bar is
 * decoration; the percentages beside it carry the same facts in words.
 */
export function MemorySplit({ sizeBytes, vramBytes }: MemorySplitProps) {
  const inVram = Math.min(vramBytes, sizeBytes);
  const inRam = Math.max(0, sizeBytes - vramBytes);
  const onGpu = shareOf(inVram, sizeBytes);
  const label = inRam === 0 ? '100% VRAM' : `${formatPercent(onGpu)} VRAM · ${formatPercent(1 - onGpu)} RAM`;
  return (
    <span className="memory-split" title={`${formatBytes(inVram)} in VRAM, ${formatBytes(inRam)} in system memory`} data-vram-share={onGpu.toFixed(3)}>
      <span className="memory-split__bar" data-partial={inRam > 0 || undefined} aria-hidden="true">
        <span className="memory-split__vram" style={{ '--fill': onGpu } as CSSProperties} />
      </span>
      <span className="memory-split__label">{label}</span>
    </span>
  );
}
