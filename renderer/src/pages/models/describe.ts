import type { FeatureModel } from '../../../../main/engine/models/schema';
import type { SupervisorState } from '../../../../main/engine/supervisor/schema';
import { formatTime } from '../../lib/format';

export type Tone = 'good' | 'warn' | 'bad' | 'idle';

/** A model name as Ollama lists it: a bare name means its `latest` tag. */
export const withTag = (name: string): string => {
  const trimmed = name.trim();
  return trimmed.slice(trimmed.lastIndexOf('/') + 1).includes(':') ? trimmed : `${trimmed}:latest`;
};

export const sameModel = (a: string, b: string): boolean => withTag(a) === withTag(b);

interface ModeWords {
  headline: string;
  tone: Tone;
}

/** How Ollama is run, in the analyst's words rather than the supervisor's mode names. */
export function describeMode(state: SupervisorState): ModeWords {
  switch (state.mode) {
    case 'checking':
      return { headline: 'Looking for Ollama…', tone: 'idle' };
    case 'attached':
      return { headline: 'Using an Ollama server that was already running', tone: 'good' };
    case 'starting':
      return { headline: 'Starting Ollama…', tone: 'idle' };
    case 'managed':
      return { headline: 'Ollama started by the workstation', tone: 'good' };
    case 'restarting':
      return { headline: 'Ollama stopped: restarting it', tone: 'warn' };
    case 'missing':
      return { headline: 'Ollama is not installed', tone: 'bad' };
    case 'remote-unreachable':
      return { headline: 'The Ollama server does not answer', tone: 'bad' };
    case 'failed':
      return { headline: 'Ollama keeps failing', tone: 'bad' };
    case 'stopped':
      return { headline: 'Ollama is stopped', tone: 'idle' };
  }
}

/** The sentence under the headline: where it runs and who stops it. */
export function describeRunner(state: SupervisorState): string | null {
  switch (state.mode) {
    case 'attached':
      return `It was started outside the workstation and answers at ${state.host}. The workstation uses it, and leaves it running when it quits.`;
    case 'managed':
      return `The workstation runs ${state.binary ?? 'ollama'} serve${state.pid === null ? '' : ` (process ${state.pid})`} at ${state.host}, watches it and stops it when it quits.`;
    case 'starting':
      return `Waiting for ${state.binary ?? 'ollama'} serve to answer at ${state.host}.`;
    default:
      return null;
  }
}

/** Whether "Look again" (engine.start) can help in this mode. */
export const canLookAgain = (state: SupervisorState): boolean =>
  ['missing', 'remote-unreachable', 'failed', 'stopped'].includes(state.mode);

const variableSettings: Record<string, string> = {
  OLLAMA_HOST: 'Ollama host',
  OLLAMA_NUM_PARALLEL: 'Parallel slots',
  OLLAMA_MAX_QUEUE: 'Max queued requests',
  OLLAMA_MAX_LOADED_MODELS: 'Max loaded models',
  OLLAMA_KEEP_ALIVE: 'Keep-alive',
  OLLAMA_FLASH_ATTENTION: 'Flash attention',
  OLLAMA_KV_CACHE_TYPE: 'KV cache type',
  OLLAMA_CONTEXT_LENGTH: 'Context length',
};

/** OLLAMA_NUM_PARALLEL → "Parallel slots", the name the Settings page gives it. */
export const settingOfVariable = (variable: string): string => variableSettings[variable] ?? variable;

export const featureLabels: Record<FeatureModel['feature'], string> = {
  batch: 'Batch',
  interviews: 'Interviews',
  pricing: 'Pricing',
  skills: 'Skills',
  embedding: 'Embedding',
};

export const featureUses: Record<FeatureModel['feature'], string> = {
  batch: 'Evaluates the candidates in a batch file',
  interviews: 'Runs exit interviews and writes interview kits',
  pricing: 'Matches jobs to benchmark occupations',
  skills: 'Infers soft skills from interview evidence',
  embedding: 'Turns text into vectors for search and matching',
};

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'always' });
const yearMs = 365 * 24 * 3600 * 1000;

/** "in 4 minutes", choosing the unit a person would. */
export function relativeTime(targetMs: number, nowMs: number): string {
  const seconds = Math.round((targetMs - nowMs) / 1000);
  const size = Math.abs(seconds);
  if (size < 60) return relative.format(seconds, 'second');
  if (size < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (size < 48 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

export interface Expiry {
  text: string;
  /** Kept in memory until unloaded (Ollama dates "forever" centuries ahead). */
  pinned: boolean;
  /** The exact time, for a tooltip; null when there is none worth showing. */
  exact: string | null;
}

export function describeExpiry(expiresAt: string | null, nowMs: number): Expiry {
  if (expiresAt === null) return { text: 'Stays loaded', pinned: false, exact: null };
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return { text: expiresAt, pinned: false, exact: null };
  if (at - nowMs > yearMs) return { text: 'Pinned', pinned: true, exact: null };
  if (at <= nowMs) return { text: 'Unloading now', pinned: false, exact: formatTime(expiresAt) };
  return { text: `Unloads ${relativeTime(at, nowMs)}`, pinned: false, exact: formatTime(expiresAt) };
}

const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Download rates in MB/s (decimal megabytes, as browsers and Ollama show them). */
export function formatRate(bytesPerSecond: number): string {
  const mb = bytesPerSecond / 1e6;
  return `${mb >= 100 ? integer.format(mb) : oneDecimal.format(mb)} MB/s`;
}

/** 75 → "1 min 15 s left". */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s left`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s left`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}
