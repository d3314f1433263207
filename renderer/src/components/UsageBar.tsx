import type { CSSProperties } from 'react';
import { shareOf } from '../lib/format';

interface UsageBarProps {
  used: number;
  total: number;
  /** Colour by level: 'ok', 'warn' (amber) or 'act' (red). */
  level?: 'ok' | 'warn' | 'act';
  size?: 'small' | 'large';
  /** Names the meter for assistive technology; without it the bar is decoration beside text. */
  label?: string;
  valueText?: string;
}

/** A horizontal fill bar. Fills by transform so a changing value never shifts the layout. */
export function UsageBar({ used, total, level = 'ok', size = 'small', label, valueText }: UsageBarProps) {
  const style = { '--fill': shareOf(used, total) } as CSSProperties;
  const meter =
    label === undefined
      ? { 'aria-hidden': true as const }
      : {
          role: 'meter',
          'aria-label': label,
          'aria-valuemin': 0,
          'aria-valuemax': total,
          'aria-valuenow': Math.min(used, total),
          'aria-valuetext': valueText,
        };
  return (
    <span className={`usage-bar usage-bar--${size}`} data-level={level} {...meter}>
      <span className="usage-bar__fill" style={style} />
    </span>
  );
}
