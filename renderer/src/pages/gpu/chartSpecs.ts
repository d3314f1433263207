import type { GpuHistoryPoint, GpuSample } from '../../../../main/gpu/schema';
import type { LimitLine } from '../../components/charts/TimeChart';
import { niceCeil, niceTicks } from '../../components/charts/scale';
import { formatInteger, formatPercent, shareOf } from '../../lib/format';

export type ChartKey = 'vram' | 'util' | 'temp' | 'power';

/** What the charts need to know beyond the readings: the card's size and the analyst's guard levels. */
export interface ChartContext {
  vramTotalMiB: number | null;
  vramWarnPercent: number;
  vramActMiB: number;
  powerLimitW: number | null;
}

interface Axis {
  yMax: number;
  yTicks: number[];
}

export interface ChartSpec {
  key: ChartKey;
  title: string;
  live: (sample: GpuSample) => number | null;
  /** The stored history: the line, and the band behind it. */
  average: (point: GpuHistoryPoint) => number | null;
  low: (point: GpuHistoryPoint) => number | null;
  high: (point: GpuHistoryPoint) => number | null;
  /** How the band reads: VRAM has its lowest and highest; the others their average and peak. */
  bandLabel: string;
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  axis: (context: ChartContext, highest: number) => Axis;
  limits: (context: ChartContext) => LimitLine[];
  /** Beyond the latest value: how full (VRAM), or the peak. */
  detail: (latest: number, highest: number | null, context: ChartContext) => string;
}

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

const mib = (value: number): string => `${formatInteger(value)} MiB`;

/** Steps of 1, 2, 4, 8… GiB, so a 16 GB card reads 0, 4, 8, 12, 16. */
function vramAxis(context: ChartContext, highest: number): Axis {
  const top = Math.max(context.vramTotalMiB ?? 0, highest, 1024);
  const stepGiB = 2 ** Math.max(0, Math.ceil(Math.log2(top / 1024 / 4)));
  const step = stepGiB * 1024;
  const yMax = Math.ceil(top / step) * step;
  const yTicks: number[] = [];
  for (let tick = 0; tick <= yMax; tick += step) yTicks.push(tick);
  return { yMax, yTicks };
}

function vramLimits(context: ChartContext): LimitLine[] {
  const limits: LimitLine[] = [];
  if (context.vramTotalMiB !== null) {
    const warn = (context.vramTotalMiB * context.vramWarnPercent) / 100;
    limits.push({ value: warn, label: `Warn ${oneDecimal.format(context.vramWarnPercent)}% · ${mib(Math.round(warn))}`, tone: 'warn' });
  }
  if (context.vramTotalMiB === null || context.vramActMiB <= context.vramTotalMiB) {
    limits.push({ value: context.vramActMiB, label: `Act ${mib(context.vramActMiB)}`, tone: 'act' });
  }
  return limits;
}

const fixedAxis = (yMax: number, yTicks: number[]) => (): Axis => ({ yMax, yTicks });

export const chartSpecs: readonly ChartSpec[] = [
  {
    key: 'vram',
    title: 'VRAM used',
    live: (sample) => sample.vramUsedMiB,
    average: (point) => point.vramUsedAvgMiB,
    low: (point) => point.vramUsedMinMiB,
    high: (point) => point.vramUsedMaxMiB,
    bandLabel: 'range',
    formatValue: mib,
    formatTick: (value) => `${oneDecimal.format(value / 1024)} GiB`,
    axis: vramAxis,
    limits: vramLimits,
    detail: (latest, _highest, context) =>
      context.vramTotalMiB === null ? mib(latest) : `${formatInteger(latest)} of ${mib(context.vramTotalMiB)} (${formatPercent(shareOf(latest, context.vramTotalMiB))})`,
  },
  {
    key: 'util',
    title: 'GPU utilisation',
    live: (sample) => sample.utilizationPercent,
    average: (point) => point.utilizationAvgPercent,
    low: (point) => point.utilizationAvgPercent,
    high: (point) => point.utilizationMaxPercent,
    bandLabel: 'average to peak',
    formatValue: (value) => `${formatInteger(value)}%`,
    formatTick: (value) => `${value}%`,
    axis: fixedAxis(100, [0, 25, 50, 75, 100]),
    limits: () => [],
    detail: (latest, highest) => `${formatInteger(latest)}%${highest === null ? '' : `, peak ${formatInteger(highest)}%`}`,
  },
  {
    key: 'temp',
    title: 'Temperature',
    live: (sample) => sample.temperatureC,
    average: (point) => point.temperatureAvgC,
    low: (point) => point.temperatureAvgC,
    high: (point) => point.temperatureMaxC,
    bandLabel: 'average to peak',
    formatValue: (value) => `${formatInteger(value)} °C`,
    formatTick: (value) => `${value} °C`,
    axis: (_context, highest) => {
      const yMax = Math.max(100, niceCeil(highest));
      return { yMax, yTicks: niceTicks(0, yMax, 4) };
    },
    limits: () => [],
    detail: (latest, highest) => `${formatInteger(latest)} °C${highest === null ? '' : `, peak ${formatInteger(highest)} °C`}`,
  },
  {
    key: 'power',
    title: 'Power draw',
    live: (sample) => sample.powerDrawW,
    average: (point) => point.powerAvgW,
    low: (point) => point.powerAvgW,
    high: (point) => point.powerMaxW,
    bandLabel: 'average to peak',
    formatValue: (value) => `${formatInteger(value)} W`,
    formatTick: (value) => `${value} W`,
    axis: (context, highest) => {
      const yMax = niceCeil(Math.max(context.powerLimitW ?? 0, highest, 50) * 1.05);
      return { yMax, yTicks: niceTicks(0, yMax, 4) };
    },
    limits: (context) => (context.powerLimitW === null ? [] : [{ value: context.powerLimitW, label: `Limit ${formatInteger(context.powerLimitW)} W`, tone: 'neutral' }]),
    detail: (latest, highest, context) =>
      `${formatInteger(latest)} W${highest === null ? '' : `, peak ${formatInteger(highest)} W`}${context.powerLimitW === null ? '' : ` of a ${formatInteger(context.powerLimitW)} W limit`}`,
  },
];

/** "Warning level 14,329 MiB, act level 14,336 MiB." for the VRAM chart's accessible name. */
export function limitsSentence(limits: readonly LimitLine[]): string {
  return limits.length === 0 ? '' : ` Lines: ${limits.map((limit) => limit.label).join('; ')}.`;
}
