import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../../app';
import type { V1Door } from '../../api/http/server';
import type { BatchProgress } from '../schema';
import { submitFile } from '../submit';
import { batchRoutes } from './batches-routes';
import type { DoorContext, Route } from './context';
import { invalidApiKey, OpenAiError, sendOpenAiError } from './errors';
import { fileRoutes } from './files-routes';
import { OutputFiles } from './output-files';

/**
 * OpenAI's Files and Batch API on the `serve` port, under /v1: what the official SDKs call,
 * answered from the same queue and file store as the window and the CLI.
 */

export const defaultUploadLimitBytes = 2 * 1024 ** 3;

const routes: Route[] = [...fileRoutes, ...batchRoutes];

export function createOpenAiDoor(app: App, options: { uploadLimitBytes?: number; now?: () => number } = {}): V1Door {
  const now = options.now ?? Date.now;
  const outputs = new OutputFiles({ db: app.db, files: app.files, store: app.batches.store, now });
  const context: DoorContext = {
    db: app.db,
    files: app.files,
    batches: app.batches,
    outputs,
    submit: (input) => submitFile(app.submitDeps, input),
    uploadLimitBytes: options.uploadLimitBytes ?? defaultUploadLimitBytes,
    now,
  };
  // Output files get their ids as a batch finishes, so they are listed at once; looking at a batch registers them too.
  app.bus.subscribe((name, payload) => {
    if (name !== 'batch.progress') return;
    const progress = payload as BatchProgress;
    if (progress.status !== 'completed' && progress.status !== 'cancelled') return;
    outputs.ensure(progress.id, progress.status).catch(() => {
      // Tried again whenever the batch is looked at through /v1.
    });
  });

  return {
    async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
      const method = request.method ?? 'GET';
      const atPath = routes.filter((route) => route.path.test(url.pathname));
      const route = atPath.find((candidate) => candidate.method === method);
      try {
        if (!route) throw new OpenAiError(404, `Invalid URL (${method} ${url.pathname})`, null, atPath.length > 0 ? 'method_not_allowed' : 'unknown_url');
        const params = route.path.exec(url.pathname)!.slice(1);
        await route.run({ request, response, url, params, context });
      } catch (error) {
        sendOpenAiError(response, error);
      }
      return true;
    },
    unauthorized(response: ServerResponse): void {
      sendOpenAiError(response, invalidApiKey);
    },
  };
}
