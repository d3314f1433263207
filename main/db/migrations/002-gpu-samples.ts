import type { Migration } from './index';

/**
 * GPU history and chart events. `gpu_samples` holds one row per 10-second bucket (bucket_start is
 * the rowid, so time ranges are rowid searches); readings are kept as sums with counts so a bucket
 * written in two parts merges exactly. Times are epoch milliseconds. Both tables are pruned to
 * the retention period by the GPU service, so they stay bounded.
 */
export const m002GpuSamples: Migration = {
  version: 2,
  name: 'gpu-samples',
  up(db) {
    db.exec(`
      CREATE TABLE gpu_samples (
        bucket_start  INTEGER PRIMARY KEY NOT NULL,
        bucket_ms     INTEGER NOT NULL CHECK (bucket_ms > 0),
        samples       INTEGER NOT NULL CHECK (samples >= 0),
        gpu_samples   INTEGER NOT NULL CHECK (gpu_samples >= 0),
        vram_used_sum REAL,
        vram_used_min REAL,
        vram_used_max REAL,
        vram_total    REAL,
        util_sum      REAL,
        util_max      REAL,
        temp_sum      REAL,
        temp_max      REAL,
        power_sum     REAL,
        power_max     REAL,
        power_limit   REAL,
        energy_wh     REAL NOT NULL DEFAULT 0,
        power_ms      REAL NOT NULL DEFAULT 0,
        ram_used_sum  REAL,
        ram_used_max  REAL,
        ram_total     REAL
      ) STRICT;

      CREATE TABLE gpu_events (
        id     INTEGER PRIMARY KEY,
        at     INTEGER NOT NULL,
        kind   TEXT NOT NULL,
        detail TEXT
      ) STRICT;
      CREATE INDEX gpu_events_at ON gpu_events (at);
    `);
  },
};
