import type { Database, Statement } from 'better-sqlite3';
import type { Bucket, Stat } from './buckets';
import type { EnergyTotal } from './energy';
import { gpuEventKindSchema, type GpuEvent, type GpuEventKind, type GpuHistoryPoint } from './schema';

/** The GPU slice's SQL (tables from migration 002): downsampled buckets and chart events. */

const sum = (column: string): string =>
  `${column} = CASE WHEN ${column} IS NULL THEN excluded.${column} WHEN excluded.${column} IS NULL THEN ${column} ELSE ${column} + excluded.${column} END`;
const least = (column: string): string => `${column} = min(coalesce(${column}, excluded.${column}), coalesce(excluded.${column}, ${column}))`;
const most = (column: string): string => `${column} = max(coalesce(${column}, excluded.${column}), coalesce(excluded.${column}, ${column}))`;

const UPSERT_BUCKET = `
  INSERT INTO gpu_samples (
    bucket_start, bucket_ms, samples, gpu_samples, vram_used_sum, vram_used_min, vram_used_max, vram_total,
    util_sum, util_max, temp_sum, temp_max, power_sum, power_max, power_limit, energy_wh, power_ms,
    ram_used_sum, ram_used_max, ram_total
  ) VALUES (
    @start, @ms, @samples, @gpuSamples, @vramSum, @vramMin, @vramMax, @vramTotal,
    @utilSum, @utilMax, @tempSum, @tempMax, @powerSum, @powerMax, @powerLimit, @energyWh, @powerMs,
    @ramSum, @ramMax, @ramTotal
  )
  ON CONFLICT (bucket_start) DO UPDATE SET
    samples = samples + excluded.samples,
    gpu_samples = gpu_samples + excluded.gpu_samples,
    energy_wh = energy_wh + excluded.energy_wh,
    power_ms = power_ms + excluded.power_ms,
    ${[
      sum('vram_used_sum'), least('vram_used_min'), most('vram_used_max'), most('vram_total'),
      sum('util_sum'), most('util_max'), sum('temp_sum'), most('temp_max'),
      sum('power_sum'), most('power_max'), most('power_limit'),
      sum('ram_used_sum'), most('ram_used_max'), most('ram_total'),
    ].join(',\n    ')}`;

/** Averages are sums over counts; SQLite answers NULL for x / 0, which is what "no reading" should be. */
const HISTORY = `
  SELECT
    (bucket_start / @width) * @width AS at,
    SUM(samples) AS samples,
    MIN(vram_used_min) AS vramMin,
    SUM(vram_used_sum) / SUM(gpu_samples) AS vramAvg,
    MAX(vram_used_max) AS vramMax,
    MAX(vram_total) AS vramTotal,
    SUM(util_sum) / SUM(gpu_samples) AS utilAvg,
    MAX(util_max) AS utilMax,
    SUM(temp_sum) / SUM(gpu_samples) AS tempAvg,
    MAX(temp_max) AS tempMax,
    SUM(power_sum) / SUM(gpu_samples) AS powerAvg,
    MAX(power_max) AS powerMax,
    SUM(energy_wh) AS energyWh,
    SUM(ram_used_sum) / SUM(samples) AS ramAvg,
    MAX(ram_used_max) AS ramMax,
    MAX(ram_total) AS ramTotal
  FROM gpu_samples
  WHERE bucket_start >= @from AND bucket_start < @to
  GROUP BY bucket_start / @width
  ORDER BY at`;

interface HistoryRow {
  at: number;
  samples: number;
  vramMin: number | null;
  vramAvg: number | null;
  vramMax: number | null;
  vramTotal: number | null;
  utilAvg: number | null;
  utilMax: number | null;
  tempAvg: number | null;
  tempMax: number | null;
  powerAvg: number | null;
  powerMax: number | null;
  energyWh: number;
  ramAvg: number | null;
  ramMax: number | null;
  ramTotal: number | null;
}

interface EventRow {
  id: number;
  at: number;
  kind: string;
  detail: string | null;
}

/** Readings are averaged to a tenth: charts need no more, and JSON stays short. */
const tenth = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

const statParams = (stat: Stat) => ({ sum: stat.sum, min: stat.min, max: stat.max });

/** Most events a single query returns; the chart marks them, so more would be noise anyway. */
export const EVENTS_LIMIT = 5000;

export class GpuStore {
  private readonly upsert: Statement;
  private readonly historyQuery: Statement;
  private readonly energyQuery: Statement;
  private readonly pruneSamples: Statement;
  private readonly pruneEvents: Statement;
  private readonly insertEvent: Statement;
  private readonly eventsQuery: Statement;

  constructor(private readonly db: Database) {
    this.upsert = db.prepare(UPSERT_BUCKET);
    this.historyQuery = db.prepare(HISTORY);
    this.energyQuery = db.prepare(
      'SELECT bucket_start AS start, bucket_ms AS ms, energy_wh AS wattHours, power_ms AS powerMs FROM gpu_samples WHERE bucket_start >= ? AND bucket_start < ?',
    );
    this.pruneSamples = db.prepare('DELETE FROM gpu_samples WHERE bucket_start < ?');
    this.pruneEvents = db.prepare('DELETE FROM gpu_events WHERE at < ?');
    this.insertEvent = db.prepare('INSERT INTO gpu_events (at, kind, detail) VALUES (?, ?, ?)');
    this.eventsQuery = db.prepare(`SELECT id, at, kind, detail FROM gpu_events WHERE at >= ? AND at < ? ORDER BY at, id LIMIT ${EVENTS_LIMIT}`);
  }

  saveBucket(bucket: Bucket): void {
    const vram = statParams(bucket.vramUsed);
    this.upsert.run({
      start: bucket.start,
      ms: bucket.ms,
      samples: bucket.samples,
      gpuSamples: bucket.gpuSamples,
      vramSum: vram.sum,
      vramMin: vram.min,
      vramMax: vram.max,
      vramTotal: bucket.vramTotalMiB,
      utilSum: bucket.utilization.sum,
      utilMax: bucket.utilization.max,
      tempSum: bucket.temperature.sum,
      tempMax: bucket.temperature.max,
      powerSum: bucket.power.sum,
      powerMax: bucket.power.max,
      powerLimit: bucket.powerLimitW,
      energyWh: bucket.energyWh,
      powerMs: bucket.powerMs,
      ramSum: bucket.ramUsed.sum,
      ramMax: bucket.ramUsed.max,
      ramTotal: bucket.ramTotalMiB,
    });
  }

  /** Buckets starting in [from, to), merged into points `widthMs` wide (a multiple of the bucket size). */
  history(from: number, to: number, widthMs: number): GpuHistoryPoint[] {
    const width = Math.max(1, Math.round(widthMs));
    const rows = this.historyQuery.all({ from: Math.floor(from), to: Math.ceil(to), width: BigInt(width) }) as HistoryRow[];
    return rows.map((row) => ({
      at: Number(row.at),
      spanMs: width,
      samples: row.samples,
      vramUsedMinMiB: row.vramMin,
      vramUsedAvgMiB: tenth(row.vramAvg),
      vramUsedMaxMiB: row.vramMax,
      vramTotalMiB: row.vramTotal,
      utilizationAvgPercent: tenth(row.utilAvg),
      utilizationMaxPercent: row.utilMax,
      temperatureAvgC: tenth(row.tempAvg),
      temperatureMaxC: row.tempMax,
      powerAvgW: tenth(row.powerAvg),
      powerMaxW: row.powerMax,
      energyWh: row.energyWh,
      ramUsedAvgMiB: tenth(row.ramAvg),
      ramUsedMaxMiB: row.ramMax,
      ramTotalMiB: row.ramTotal,
    }));
  }

  /**
   * Energy of the stored buckets over [from, to]. A bucket cut by either end counts in proportion
   * to the part inside, which is exact for steady power and within one bucket's worth otherwise.
   */
  energy(from: number, to: number, bucketMs: number): EnergyTotal {
    const rows = this.energyQuery.all(Math.floor(from - bucketMs), Math.ceil(to)) as Array<{ start: number; ms: number; wattHours: number; powerMs: number }>;
    let wattHours = 0;
    let coveredMs = 0;
    for (const row of rows) {
      const overlap = Math.min(row.start + row.ms, to) - Math.max(row.start, from);
      if (overlap <= 0) continue;
      const share = overlap / row.ms;
      wattHours += row.wattHours * share;
      coveredMs += Math.min(row.powerMs * share, overlap);
    }
    return { wattHours, coveredMs };
  }

  /** Drops buckets and events older than `before`; returns how many rows went. */
  prune(before: number): number {
    return this.db.transaction(() => this.pruneSamples.run(before).changes + this.pruneEvents.run(before).changes)();
  }

  addEvent(at: number, kind: GpuEventKind, detail: string | null): GpuEvent {
    const result = this.insertEvent.run(at, kind, detail);
    return { id: Number(result.lastInsertRowid), at, kind, detail };
  }

  /** Events in [from, to), oldest first; kinds this app does not know (a newer app wrote them) are left out. */
  events(from: number, to: number): GpuEvent[] {
    const rows = this.eventsQuery.all(Math.floor(from), Math.ceil(to)) as EventRow[];
    const events: GpuEvent[] = [];
    for (const row of rows) {
      const kind = gpuEventKindSchema.safeParse(row.kind);
      if (kind.success) events.push({ id: row.id, at: row.at, kind: kind.data, detail: row.detail });
    }
    return events;
  }
}
