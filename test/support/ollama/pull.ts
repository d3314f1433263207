// POST /api/pull: progress as NDJSON per layer at a configurable speed. A client that goes
// away stops the download; the bytes done are kept, so the next pull resumes from there.
import type { ServerResponse } from 'node:http';
import type { StandinContext } from './context.js';
import type { ArmedFault } from './faults.js';
import { layersOf, normalizeName } from './models.js';
import { NdjsonWriter, clientGone, sendFinal } from './stream.js';
import { sendError, sleep, type JsonObject } from './util.js';

const TICK_MS = 25;
export const MANIFEST_MISSING = 'pull model manifest: file does not exist';

export async function handlePull(ctx: StandinContext, res: ServerResponse, body: JsonObject,
  fault: ArmedFault | undefined): Promise<void> {
  const raw = typeof body.model === 'string' ? body.model : typeof body.name === 'string' ? body.name : '';
  if (raw === '') return sendError(res, 400, 'model is required');
  const name = normalizeName(raw);
  const stream = body.stream !== false;
  const spec = ctx.catalogue.get(name);
  const gone = clientGone(res);
  const out = new NdjsonWriter(res, fault);
  // Without a stream nothing is written until the end; with one, every step is a line.
  const emit = async (value: JsonObject): Promise<boolean> => (stream ? out.send(value) : !gone.aborted);

  if (!(await emit({ status: 'pulling manifest' }))) return;
  if (!spec) {
    if (!stream) return sendError(res, 500, MANIFEST_MISSING);
    await out.send({ error: MANIFEST_MISSING });
    return out.end();
  }
  let done = ctx.installed.has(name) ? spec.size : ctx.partial.get(name) ?? 0;
  let layerStart = 0;
  for (const layer of layersOf(spec)) {
    let completed = Math.min(layer.size, Math.max(0, done - layerStart));
    const line = (): JsonObject => ({
      status: `pulling ${layer.digest.slice(7, 19)}`,
      digest: layer.digest,
      total: layer.size,
      ...(completed > 0 ? { completed } : {}),
    });
    if (!(await emit(line()))) return keepPartial(ctx, name, layerStart + completed);
    // At least ~8 progress lines for a large layer, however fast the configured speed.
    const tickMs = Math.max(1, Math.min(TICK_MS, (layer.size / Math.max(1, ctx.config.pullBytesPerSec)) * 125));
    while (completed < layer.size) {
      const bps = Math.max(1, ctx.config.pullBytesPerSec);
      const remainingMs = ((layer.size - completed) / bps) * 1000;
      const waitMs = Math.min(tickMs, remainingMs);
      if (waitMs >= 1) await sleep(waitMs);
      completed = Math.min(layer.size, completed + Math.max(1, Math.round((bps * Math.max(waitMs, 1)) / 1000)));
      if (gone.aborted) return keepPartial(ctx, name, layerStart + completed);
      // Saved as it goes, so even a killed server resumes (with a state file) where it was.
      keepPartial(ctx, name, layerStart + completed);
      if (!(await emit(line()))) return keepPartial(ctx, name, layerStart + completed);
    }
    layerStart += layer.size;
    done = Math.max(done, layerStart);
  }
  for (const status of ['verifying sha256 digest', 'writing manifest']) {
    if (!(await emit({ status }))) return keepPartial(ctx, name, spec.size - 1);
  }
  ctx.install(name);
  ctx.log(`level=INFO source=images.go:1022 msg="pulled model" model=${name}`);
  if (stream) {
    await out.send({ status: 'success' });
    return out.end();
  }
  sendFinal(res, fault, { status: 'success' });
}

/** Remembers how far an interrupted pull got (what real Ollama keeps as partial blobs). */
function keepPartial(ctx: StandinContext, name: string, bytes: number): void {
  if (!ctx.installed.has(name)) ctx.setPartial(name, bytes);
}
