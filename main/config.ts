import { homedir } from 'node:os';
import { join } from 'node:path';

export const appName = 'Talent Workstation';
export const appVersion = '0.1.0';

export interface AppConfig {
  /** Folder holding the database, logs and downloads. */
  dataDir: string;
  /** Overrides the Ollama host from settings (OLLAMA_HOST, as Ollama's own tools do). */
  ollamaHost?: string;
  /** How often the status bar re-checks the engine. */
  engineStatusIntervalMs?: number;
  /** Start background polling; the CLI turns it off because it runs one command and exits. */
  monitor?: boolean;
  /** Attach to or start Ollama and keep it alive (the window and serve); the CLI only looks. */
  manageEngine?: boolean;
  /** Run the batch queue (default: with monitor); the CLI turns it on only for `batch submit --wait`. */
  runBatches?: boolean;
  /** Build or load what takes seconds (the pricing catalogue) before serving: the window and serve, not the CLI. */
  prepare?: boolean;
}

/** Where Electron keeps userData for this app, so serve, CLI and window share one database. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName);
}

/** --data-dir wins over TW_DATA_DIR, which wins over the platform's app-data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.TW_DATA_DIR ?? defaultDataDir(process.platform, env);
}
