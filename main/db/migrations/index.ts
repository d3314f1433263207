import type { Database } from 'better-sqlite3';
import { m001Settings } from './001-settings';
import { m002GpuSamples } from './002-gpu-samples';
import { m003LlmCalls } from './003-llm-calls';
import { m004Batches } from './004-batches';
import { m005Pricing } from './005-pricing';
import { m006Interviews } from './006-interviews';
import { m007Kits } from './007-kits';
import { m008Skills } from './008-skills';

export interface Migration {
  /** The user_version this migration brings the database to. */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

/** In order; a migration is never edited once released, only followed by a new one. */
export const migrations: readonly Migration[] = [m001Settings, m002GpuSamples, m003LlmCalls, m004Batches, m005Pricing, m006Interviews, m007Kits, m008Skills];

export const latestSchemaVersion = migrations.length;
