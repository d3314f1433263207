import type { MetricsRow } from '../../../../main/metrics/schema';
import { formatInteger } from '../../lib/format';
import { featureLabels } from '../models/describe';
import type { GroupBy } from './store';

const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const threeSignificant = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 3 });

const dash = '—';

export const formatMs = (ms: number | null): string => (ms === null ? dash : formatInteger(ms));

export const formatTokensPerSecond = (value: number | null): string => (value === null ? dash : oneDecimal.format(value));

/** 0.0412 → "4.1%". */
export const formatRate = (fraction: number): string => `${oneDecimal.format(fraction * 100)}%`;

/** Watt-hours: small amounts keep three significant digits (0.0342), large ones whole numbers. */
export const formatWh = (wh: number | null): string => (wh === null ? dash : wh >= 100 ? formatInteger(wh) : threeSignificant.format(wh));

const operationLabels: Record<string, string> = { chat: 'Chat', generate: 'Generate', embed: 'Embed' };

/** The row's group in words: "Chat", or a feature's name as the navigation gives it. */
export function groupLabel(group: string, groupBy: GroupBy): string {
  if (groupBy === 'operation-model') return operationLabels[group] ?? group;
  return (featureLabels as Record<string, string>)[group] ?? group;
}

const errorKindLabels: Record<string, string> = {
  'engine-unavailable': 'Ollama not running',
  'engine-busy': 'Ollama busy',
  'out-of-memory': 'out of memory',
  'model-not-found': 'model not installed',
  'circuit-open': 'paused after failures',
  cancelled: 'cancelled',
  'stream-cut': 'connection cut',
  'invalid-output': 'invalid output',
  'context-overflow': 'input too long',
  'engine-error': 'Ollama error',
  internal: 'internal error',
};

export const errorKindLabel = (kind: string): string => errorKindLabels[kind] ?? kind;

/** ["Ollama busy 3", "out of memory 1"], the most frequent first. */
export function errorKinds(row: MetricsRow): string[] {
  return Object.entries(row.errorsByKind)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, count]) => `${errorKindLabel(kind)} ${formatInteger(count)}`);
}

export const errorKindsText = (row: MetricsRow): string => errorKinds(row).join(' · ');
