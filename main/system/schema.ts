import { z } from 'zod';

export const loadedModelSchema = z.object({
  name: z.string(),
  sizeBytes: z.number(),
  vramBytes: z.number(),
  expiresAt: z.string().nullable(),
});

export const installedModelSchema = z.object({
  name: z.string(),
  sizeBytes: z.number(),
  family: z.string().nullable(),
  parameterSize: z.string().nullable(),
  quantization: z.string().nullable(),
});

export const engineStatusSchema = z.object({
  host: z.string(),
  reachable: z.boolean(),
  version: z.string().nullable(),
  installed: z.array(installedModelSchema),
  loaded: z.array(loadedModelSchema),
  /** A sentence a person can act on when the engine cannot be reached. */
  problem: z.string().nullable(),
  checkedAt: z.string(),
});
export type EngineStatus = z.output<typeof engineStatusSchema>;

export const gpuStatusSchema = z.object({
  present: z.boolean(),
  name: z.string().nullable(),
  driverVersion: z.string().nullable(),
  vramTotalMiB: z.number().nullable(),
  vramUsedMiB: z.number().nullable(),
  utilizationPercent: z.number().nullable(),
  temperatureC: z.number().nullable(),
  powerDrawW: z.number().nullable(),
  problem: z.string().nullable(),
  checkedAt: z.string(),
});
export type GpuStatus = z.output<typeof gpuStatusSchema>;

export const databaseStatusSchema = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  sqliteVersion: z.string(),
  vecVersion: z.string().nullable(),
  journalMode: z.string(),
});
export type DatabaseStatus = z.output<typeof databaseStatusSchema>;

export const doctorReportSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  engine: engineStatusSchema,
  gpu: gpuStatusSchema,
  database: databaseStatusSchema,
});
export type DoctorReport = z.output<typeof doctorReportSchema>;
