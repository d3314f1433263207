import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { createHttpServer, listen, PortInUseError } from '../../../main/api/http/server';
import { useTempDirs } from '../../support/temp-dir';

const token = 'test-token-0123456789';

interface Running {
  app: App;
  server: Server;
  base: string;
}

describe('HTTP transport', () => {
  const tempDir = useTempDirs();
  const running: Running[] = [];
  afterEach(async () => {
    for (const { app, server } of running.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    }
  });

  async function start(maxBodyBytes?: number): Promise<Running> {
    const dataDir = tempDir();
    const rendererDir = join(dataDir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>TW</title>');
    writeFileSync(join(dataDir, 'secret.txt'), 'not for the web');
    const app = createApp({ dataDir, monitor: false, manageEngine: false }, () => {});
    const server = createHttpServer({ dispatch: app.dispatch, bus: app.bus, token, rendererDir, maxBodyBytes });
    const port = await listen(server, 0);
    const entry = { app, server, base: `http://127.0.0.1:${port}` };
    running.push(entry);
    return entry;
  }

  const call = (base: string, method: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers health without a token, and reveals nothing else', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const { base } = await start();
    expect((await call(base, 'settings.get', '{}', { authorization: '' })).status).toBe(401);
    expect((await call(base, 'settings.get', '{}', { authorization: 'Bearer wrong-token-000000000' })).status).toBe(401);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(401);
    expect(await page.text()).toMatch(/Open the link with its token/);
  });

  it('calls a method with a bearer token', async () => {
    const { base } = await start();
    const response = await call(base, 'settings.update', JSON.stringify({ parallelSlots: 3 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { parallelSlots: 3 } });
  });

  it('answers 404 for an unknown method, 400 naming the field for bad input, 400 for malformed JSON', async () => {
    const { base } = await start();
    expect((await call(base, 'settings.nope', '{}')).status).toBe(404);
    const invalid = await call(base, 'settings.update', JSON.stringify({ models: { skills: '' } }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'invalid_input', field: 'models.skills', message: /models\.skills/ } });
    const malformed = await call(base, 'settings.update', '{"parallelSlots": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { message: /not valid JSON/ } });
  });

  it('answers 413 for a body over the limit', async () => {
    const { base } = await start(1024);
    const response = await call(base, 'settings.update', JSON.stringify({ ollamaHost: 'x'.repeat(4096) }));
    expect(response.status).toBe(413);
  });

  it('trades ?token= for a cookie, then serves the page and the API with it', async () => {
    const { base } = await start();
    const redirect = await fetch(`${base}/?token=${token}`, { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('/');
    const cookie = redirect.headers.get('set-cookie')!.split(';')[0]!;
    expect(redirect.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await fetch(`${base}/`, { headers: { cookie } });
    expect(await page.text()).toContain('<title>TW</title>');
    const api = await call(base, 'settings.get', '{}', { authorization: '', cookie });
    expect(api.status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const { base } = await start();
    const port = new URL(base).port;
    // fetch() normalises "..", so send the raw path as an attacker would.
    const body = await new Promise<string>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: '/..%2fsecret.txt', headers: { authorization: `Bearer ${token}` } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      });
      request.on('error', reject);
      request.end();
    });
    expect(body).not.toContain('not for the web');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { base } = await start();
    const port = new URL(base).port;
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: '/api/settings.get', method: 'POST', headers: { host: `evil.example:${port}`, authorization: `Bearer ${token}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end('{}');
    });
    expect(status).toBe(401);
  });

  it('pushes events over server-sent events', async () => {
    const { base } = await start();
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    await call(base, 'settings.update', JSON.stringify({ retentionDays: 12 }));
    let received = '';
    while (!received.includes('"retentionDays":12')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(received).toMatch(/event: settings.changed\ndata: \{.*"retentionDays":12/);
  });

  it('says plainly when the port is taken', async () => {
    const { base, app } = await start();
    const second = createHttpServer({ dispatch: app.dispatch, bus: app.bus, token, rendererDir: null });
    const error = await listen(second, Number(new URL(base).port)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toMatch(/already in use.*--port/);
  });
});
