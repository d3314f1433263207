import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { spawnOllama, type SpawnedOllama } from '../../support/harness';
import { launchBrowser, type Browser } from './browser';
import { startServe, type ServeProcess } from './serve-process';

export const screenshotsDir = join(process.cwd(), 'test-results', 'e2e');

export interface ServedApp {
  dataDir: string;
  ollama: SpawnedOllama;
  serve: ServeProcess;
  browser: Browser;
  page: Page;
}

export interface ServedAppOptions {
  /** Names the temporary data folder. */
  name: string;
  /** Environment of the Ollama stand-in (slots, latency, pull speed). */
  ollamaEnv?: NodeJS.ProcessEnv;
  /** Runs on the data folder before serve opens it (seeding the database, say). */
  beforeServe?: (dataDir: string) => void | Promise<void>;
}

/**
 * The app as a person uses it in a browser: the Ollama stand-in, the built `serve` on the
 * stand-ins, and a Chromium page opened with the token; all stopped and removed after the file.
 * The fields are filled before the first test runs.
 */
export function useServedApp(options: ServedAppOptions): ServedApp {
  const app = {} as ServedApp;
  beforeAll(async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    app.dataDir = mkdtempSync(join(tmpdir(), `tw-e2e-${options.name}-`));
    await options.beforeServe?.(app.dataDir);
    app.ollama = await spawnOllama(options.ollamaEnv);
    app.serve = await startServe(['--port', '0', '--data-dir', app.dataDir], { OLLAMA_HOST: app.ollama.url });
    app.browser = await launchBrowser();
    app.page = await app.browser.context.newPage();
    await app.page.goto(app.serve.url);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.serve?.stop();
    await app.ollama?.stop();
    if (app.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
  });
  return app;
}

export type OfflineApp = Omit<ServedApp, 'ollama'>;

/**
 * The app in a browser with no model server at all: nothing listens at its Ollama host and no
 * Ollama program can be found to start there, as on a workstation where Ollama is not installed.
 */
export function useOfflineApp(name: string): OfflineApp {
  const app = {} as OfflineApp;
  beforeAll(async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    app.dataDir = mkdtempSync(join(tmpdir(), `tw-e2e-${name}-`));
    app.serve = await startServe(['--port', '0', '--data-dir', app.dataDir], { OLLAMA_HOST: 'http://127.0.0.1:9', OLLAMA_BIN: join(app.dataDir, 'no-ollama') });
    app.browser = await launchBrowser();
    app.page = await app.browser.context.newPage();
    await app.page.goto(app.serve.url);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.serve?.stop();
    if (app.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
  });
  return app;
}
