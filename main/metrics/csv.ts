import type { MetricsRow, MetricsSummary } from './schema';

const columns: Array<[string, (row: MetricsRow) => string | number | null]> = [
  ['group', (row) => row.group],
  ['model', (row) => row.model],
  ['calls', (row) => row.count],
  ['p50_ms', (row) => row.p50Ms],
  ['p95_ms', (row) => row.p95Ms],
  ['p99_ms', (row) => row.p99Ms],
  ['tokens_per_second', (row) => row.tokensPerSecond],
  ['tokens_in', (row) => row.tokensIn],
  ['tokens_out', (row) => row.tokensOut],
  ['cache_hit_rate', (row) => row.cacheHitRate],
  ['error_rate', (row) => row.errorRate],
  ['errors_by_kind', (row) => Object.entries(row.errorsByKind).map(([kind, count]) => `${kind}=${count}`).join(' ')],
  ['energy_wh', (row) => row.energyWh],
];

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function metricsToCsv(summary: MetricsSummary): string {
  const lines = [columns.map(([name]) => name).join(',')];
  for (const row of [...summary.rows, summary.total]) lines.push(columns.map(([, read]) => field(read(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
