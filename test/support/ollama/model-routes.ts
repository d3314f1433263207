// The management endpoints: /api/version, /api/tags, /api/ps, /api/show, /api/delete.
import type { ServerResponse } from 'node:http';
import type { StandinContext } from './context.js';
import { detailsOf, digestOf, normalizeName, showOf } from './models.js';
import { FOREVER, rfc3339, sendError, sendJson, type JsonObject } from './util.js';

/** Go's largest Duration from now: how Ollama dates a model kept forever (year ~2317). */
const FOREVER_OFFSET_MS = 9_223_372_036_854;

function modelName(body: JsonObject): string {
  // `name` is the field older clients send; Ollama still accepts it.
  return typeof body.model === 'string' ? body.model : typeof body.name === 'string' ? body.name : '';
}

export function handleVersion(ctx: StandinContext, res: ServerResponse): void {
  sendJson(res, 200, { version: ctx.config.version });
}

export function handleTags(ctx: StandinContext, res: ServerResponse): void {
  const models = [...ctx.installed.entries()].flatMap(([name, modifiedAt]) => {
    const spec = ctx.catalogue.get(name);
    if (!spec) return [];
    return [{
      name, model: name, modified_at: rfc3339(Date.parse(modifiedAt)), size: spec.size,
      digest: digestOf(spec), details: detailsOf(spec),
    }];
  });
  sendJson(res, 200, { models });
}

/** A pinned model's expiry, fixed once as real Ollama fixes it at load, so /api/ps stays stable. */
const foreverExpiry = Date.now() + FOREVER_OFFSET_MS;

export function handlePs(ctx: StandinContext, res: ServerResponse): void {
  const models = ctx.residency.list().flatMap((loaded) => {
    const spec = ctx.catalogue.get(loaded.name);
    if (!spec) return [];
    const expiry = ctx.residency.expiryOf(loaded.name);
    return [{
      name: loaded.name, model: loaded.name, size: loaded.size, digest: digestOf(spec), details: detailsOf(spec),
      expires_at: rfc3339(expiry === FOREVER ? foreverExpiry : expiry),
      size_vram: loaded.sizeVram, context_length: loaded.contextLength,
    }];
  });
  sendJson(res, 200, { models });
}

export function handleShow(ctx: StandinContext, res: ServerResponse, body: JsonObject): void {
  const name = modelName(body);
  if (name === '') return sendError(res, 400, 'model is required');
  const spec = ctx.findInstalled(name);
  const modifiedAt = ctx.installed.get(normalizeName(name));
  if (!spec || !modifiedAt) return sendError(res, 404, `model '${name}' not found`);
  sendJson(res, 200, showOf(spec, rfc3339(Date.parse(modifiedAt))));
}

export function handleDelete(ctx: StandinContext, res: ServerResponse, body: JsonObject): void {
  const name = modelName(body);
  if (name === '') return sendError(res, 400, 'model is required');
  if (!ctx.remove(name)) return sendError(res, 404, `model '${name}' not found`);
  res.writeHead(200, { 'Content-Length': 0 });
  res.end();
}
