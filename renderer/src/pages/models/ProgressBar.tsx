import type { CSSProperties } from 'react';

interface ProgressBarProps {
  /** 0..1, or null while the amount of work is not known yet. */
  share: number | null;
  label: string;
  valueText: string;
}

/** A progress bar drawn like the usage bars; indeterminate (no aria-valuenow) until the size is known. */
export function ProgressBar({ share, label, valueText }: ProgressBarProps) {
  const percent = share === null ? undefined : Math.round(share * 1000) / 10;
  return (
    <span
      className="usage-bar usage-bar--large progress-bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      data-indeterminate={share === null || undefined}
    >
      <span className="usage-bar__fill" style={{ '--fill': share ?? 0 } as CSSProperties} />
    </span>
  );
}
