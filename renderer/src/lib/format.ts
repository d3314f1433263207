const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const mibPerGib = 1024;
const bytesPerMib = 1024 * 1024;

/** 16376 → "16,376" in the analyst's locale. */
export const formatInteger = (value: number): string => integer.format(value);

export const formatMiB = (mib: number): string => `${formatInteger(mib)} MiB`;

export const formatGiB = (mib: number): string => `${oneDecimal.format(mib / mibPerGib)} GiB`;

/** Model sizes: GiB from 1 GiB up, MiB below. */
export function formatBytes(bytes: number): string {
  const mib = bytes / bytesPerMib;
  return mib >= mibPerGib ? formatGiB(mib) : formatMiB(Math.round(mib));
}

export const formatPercent = (fraction: number): string => `${oneDecimal.format(fraction * 100)}%`;

/** A share of a whole, clamped to 0..1, and 0 when the whole is unknown or empty. */
export function shareOf(part: number, whole: number): number {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return 0;
  return Math.min(1, Math.max(0, part / whole));
}

/** "14:05" today, or a short date and time otherwise. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
