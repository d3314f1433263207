import { appendFileSync, createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { createHttpServer, listen } from '../../../main/api/http/server';
import { resultsCsvLines } from '../../../main/batch/export';
import { createOpenAiDoor } from '../../../main/batch/openai-api/index';
import { writeCandidateFile } from '../../../main/batch/sample-data/index';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useTempDirs } from '../../support/temp-dir';

interface OutputLine {
  id: string;
  custom_id: string;
  response: { status_code: number; request_id: string; body: Record<string, unknown> & { usage?: { total_tokens: number }; error?: { code: string } } } | null;
  error: { code: string; message: string } | null;
}

const token = 'test-token-0123456789';
const parseLines = (text: string): OutputLine[] => text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as OutputLine);
const customIdsOf = (path: string): string[] =>
  readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => (JSON.parse(line) as { custom_id: string }).custom_id);

describe('OpenAI-compatible /v1 files and batches, through the official openai package', () => {
  const tempDir = useTempDirs();
  let standin: OllamaStandin;
  let app: App;
  let server: Server;
  let dir: string;
  let baseURL: string;
  let client: OpenAI;

  beforeEach(async () => {
    standin = await startOllamaStandin({ numParallel: 4 });
    dir = tempDir();
    app = createApp({ dataDir: join(dir, 'data'), ollamaHost: standin.url, monitor: false, manageEngine: false, runBatches: true }, () => {});
    server = createHttpServer({ dispatch: app.dispatch, bus: app.bus, token, rendererDir: null, v1: createOpenAiDoor(app, { uploadLimitBytes: 8 * 1024 * 1024 }) });
    baseURL = `http://127.0.0.1:${await listen(server, 0)}/v1`;
    // No retries: a 409 must reach the test as it is, not after the SDK's back-off.
    client = new OpenAI({ apiKey: token, baseURL, maxRetries: 0 });
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.close();
    await standin.close();
  });

  const finished = async (id: string, status = 'completed') => {
    await expect.poll(async () => (await client.batches.retrieve(id)).status, { timeout: 30_000, interval: 100 }).toBe(status);
    return client.batches.retrieve(id);
  };
  const upload = async (path: string, purpose: 'batch' | 'user_data' = 'batch') => client.files.create({ file: createReadStream(path), purpose });
  const text = async (fileId: string) => (await client.files.content(fileId)).text();

  it('round-trips a batch file: upload, create, poll, download every answer exactly once', async () => {
    const path = join(dir, 'requests.jsonl');
    await writeCandidateFile(path, { count: 30, seed: 11, format: 'openai-jsonl', detail: 'compact' });
    const file = await upload(path);
    expect(file).toMatchObject({ object: 'file', purpose: 'batch', filename: 'requests.jsonl', bytes: statSync(path).size });
    expect(await client.files.retrieve(file.id)).toMatchObject({ id: file.id, bytes: file.bytes });
    expect(await text(file.id)).toBe(readFileSync(path, 'utf8'));

    const created = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { project: 'q3-hiring' } });
    expect(created).toMatchObject({ object: 'batch', endpoint: '/v1/chat/completions', input_file_id: file.id, completion_window: '24h', metadata: { project: 'q3-hiring' }, errors: null });
    expect(['validating', 'in_progress', 'completed']).toContain(created.status);

    const batch = await finished(created.id);
    expect(batch.request_counts).toEqual({ total: 30, completed: 30, failed: 0 });
    expect(batch.completed_at).toBeGreaterThanOrEqual(batch.created_at);
    expect(batch.error_file_id).toBeNull();
    const output = await text(batch.output_file_id!);
    const lines = parseLines(output);
    expect(lines.map((line) => line.custom_id).sort()).toEqual(customIdsOf(path).sort());
    expect(new Set(lines.map((line) => line.custom_id)).size).toBe(30);
    for (const line of lines) {
      expect(line.id).toMatch(/^batch_req_/);
      expect(line.error).toBeNull();
      expect(line.response).toMatchObject({ status_code: 200, request_id: expect.stringMatching(/^req_/), body: { object: 'chat.completion' } });
      expect(line.response!.body.usage!.total_tokens).toBeGreaterThan(0);
    }
    // The output file's size is the size of what is downloaded, and a second download is the same bytes.
    const outputFile = await client.files.retrieve(batch.output_file_id!);
    expect(outputFile).toMatchObject({ purpose: 'batch_output', bytes: Buffer.byteLength(output) });
    expect(await text(batch.output_file_id!)).toBe(output);
  });

  it('reports bad lines as errors with line numbers and runs the good ones', async () => {
    const path = join(dir, 'broken.jsonl');
    const manifest = await writeCandidateFile(path, {
      count: 12, seed: 4, format: 'openai-jsonl', detail: 'compact',
      defects: [{ kind: 'malformed', at: 2 }, { kind: 'duplicate-id', at: 5 }, { kind: 'unsupported-url', at: 7 }, { kind: 'missing-model', at: 9 }],
    });
    // A valid embeddings line in a chat batch: OpenAI calls it a url mismatch.
    appendFileSync(path, `${JSON.stringify({ custom_id: 'embed-1', method: 'POST', url: '/v1/embeddings', body: { model: 'nomic-embed-text', input: 'hi' } })}\n`);
    const created = await client.batches.create({ input_file_id: (await upload(path)).id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const errors = created.errors!.data!;
    const at = (kind: string) => manifest.defects.find((defect) => defect.kind === kind)!.line;
    expect(errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'invalid_json_line', line: at('malformed') }),
      expect.objectContaining({ code: 'duplicate_custom_id', line: at('duplicate-id'), param: 'custom_id' }),
      expect.objectContaining({ code: 'url_mismatch', line: at('unsupported-url'), param: 'url' }),
      expect.objectContaining({ code: 'invalid_request', line: at('missing-model'), param: 'body.model' }),
      expect.objectContaining({ code: 'url_mismatch', line: manifest.lines + 1, param: 'url' }),
    ]));
    const batch = await finished(created.id);
    expect(batch.request_counts).toEqual({ total: 12, completed: 12, failed: 0 });
  });

  it('writes failed requests to the error file, as OpenAI does for a model that does not exist', async () => {
    const path = join(dir, 'ghosts.jsonl');
    await writeCandidateFile(path, { count: 6, seed: 8, format: 'openai-jsonl', detail: 'compact' });
    for (const id of ['ghost-1', 'ghost-2']) {
      appendFileSync(path, `${JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: 'no-such-model:7b', messages: [{ role: 'user', content: 'hi' }] } })}\n`);
    }
    const created = await client.batches.create({ input_file_id: (await upload(path)).id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const batch = await finished(created.id);
    expect(batch.request_counts).toEqual({ total: 8, completed: 6, failed: 2 });
    const errorText = await text(batch.error_file_id!);
    const failed = parseLines(errorText);
    expect(failed.map((line) => line.custom_id).sort()).toEqual(['ghost-1', 'ghost-2']);
    for (const line of failed) {
      expect(line.response).toMatchObject({ status_code: 404, body: { error: { code: 'model_not_found', type: 'invalid_request_error' } } });
      expect(line.error).toBeNull();
    }
    expect((await client.files.retrieve(batch.error_file_id!)).bytes).toBe(Buffer.byteLength(errorText));
    expect(parseLines(await text(batch.output_file_id!))).toHaveLength(6);
  });

  it('cancels a running batch; answered and unrun requests each appear once across the two files', async () => {
    standin.configure({ paused: true });
    const path = join(dir, 'slow.jsonl');
    await writeCandidateFile(path, { count: 20, seed: 21, format: 'openai-jsonl', detail: 'compact' });
    const input = await upload(path);
    const created = await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await expect(client.files.delete(input.id)).rejects.toMatchObject({ status: 409 });
    const cancelling = await client.batches.cancel(created.id);
    expect(['cancelling', 'cancelled']).toContain(cancelling.status);
    standin.configure({ paused: false });
    const batch = await finished(created.id, 'cancelled');
    expect(batch.cancelled_at).not.toBeNull();
    const answered = batch.output_file_id ? parseLines(await text(batch.output_file_id)) : [];
    const unrun = parseLines(await text(batch.error_file_id!));
    expect(unrun.every((line) => line.error?.code === 'batch_cancelled' && line.response === null)).toBe(true);
    expect([...answered, ...unrun].map((line) => line.custom_id).sort()).toEqual(customIdsOf(path).sort());
    await expect(client.batches.cancel(created.id)).rejects.toMatchObject({ status: 409 });
  });

  it('lists batches newest first with pagination, and files by purpose', async () => {
    const ids: string[] = [];
    for (const seed of [1, 2, 3]) {
      const path = join(dir, `small-${seed}.jsonl`);
      await writeCandidateFile(path, { count: 2, seed, format: 'openai-jsonl', detail: 'compact' });
      ids.push((await client.batches.create({ input_file_id: (await upload(path)).id, endpoint: '/v1/chat/completions', completion_window: '24h' })).id);
    }
    const first = await client.batches.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const body = (await (await fetch(`${baseURL}/batches?limit=2`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ object: 'list', first_id: first.data[0]!.id, last_id: first.data[1]!.id, has_more: true });
    const second = await first.getNextPage();
    expect(second.data.map((batch) => batch.id)).toHaveLength(1);
    expect(second.has_more).toBe(false);
    const all: string[] = [];
    for await (const batch of client.batches.list({ limit: 1 })) all.push(batch.id);
    expect(all.sort()).toEqual([...ids].sort());
    expect([...first.data, ...second.data].map((batch) => batch.created_at)).toEqual([...first.data, ...second.data].map((batch) => batch.created_at).sort((a, b) => b - a));

    const files: string[] = [];
    for await (const file of client.files.list({ purpose: 'batch', limit: 2 })) files.push(file.filename);
    expect(files.sort()).toEqual(['small-1.jsonl', 'small-2.jsonl', 'small-3.jsonl']);
  });

  it("answers in OpenAI's error shape: 401 for a wrong key, 404 for what does not exist, 400 for a bad purpose", async () => {
    const stranger = new OpenAI({ apiKey: 'not-the-token', baseURL, maxRetries: 0 });
    await expect(stranger.batches.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    const raw = await fetch(`${baseURL}/batches`, { headers: { authorization: 'Bearer wrong' } });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({ error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });

    await expect(client.batches.retrieve('batch_missing')).rejects.toMatchObject({ status: 404 });
    await expect(client.files.content('file_missing')).rejects.toMatchObject({ status: 404 });
    await expect(client.batches.create({ input_file_id: 'file_missing', endpoint: '/v1/chat/completions', completion_window: '24h' })).rejects.toMatchObject({ status: 404, param: 'input_file_id' });

    const path = join(dir, 'tiny.jsonl');
    await writeCandidateFile(path, { count: 1, seed: 2, format: 'openai-jsonl', detail: 'compact' });
    await expect(client.files.create({ file: createReadStream(path), purpose: 'fine-tune' })).rejects.toMatchObject({ status: 400, param: 'purpose' });
    const file = await upload(path);
    await expect(client.batches.create({ input_file_id: file.id, endpoint: '/v1/responses', completion_window: '24h' })).rejects.toMatchObject({ status: 400, param: 'endpoint' });
    await expect(client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`k${index}`, 'v'])) })).rejects.toMatchObject({ status: 400, param: 'metadata' });
    expect(await client.files.delete(file.id)).toEqual({ id: file.id, object: 'file', deleted: true });
    await expect(client.files.retrieve(file.id)).rejects.toMatchObject({ status: 404 });
    // Only the purpose-less upload is gone from disk; nothing half-written is left behind.
    expect(readdirSync(join(dir, 'data', 'files')).filter((name) => name.endsWith('.download'))).toEqual([]);
  });

  it('refuses an upload over the size limit with 413 and keeps nothing of it', async () => {
    const path = join(dir, 'big.jsonl');
    writeFileSync(path, `${'x'.repeat(9 * 1024 * 1024)}\n`);
    await expect(upload(path)).rejects.toMatchObject({ status: 413 });
    expect(readdirSync(join(dir, 'data', 'files'))).toEqual([]);
    expect((await client.files.list()).data).toEqual([]);
  });

  it('streams a chunked upload without a length, stops it at the limit, and survives a client that hangs up', async () => {
    const boundary = 'tw-boundary';
    const port = new URL(baseURL).port;
    const post = (parts: Array<string | Buffer>, hangUp = false) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port, path: '/v1/files', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on('error', (error) => (hangUp ? resolve({ status: 0, body: '' }) : reject(error)));
        for (const part of parts) request.write(part);
        if (hangUp) setTimeout(() => request.destroy(), 200);
        else request.end();
      });
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jsonl"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const megabyte = Buffer.alloc(1024 * 1024, 'x');
    const tooBig = await post([head, ...Array.from({ length: 9 }, () => megabyte), tail]);
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringMatching(/larger than 8 MiB/) } });
    await post([head, megabyte], true);
    await expect.poll(() => readdirSync(join(dir, 'data', 'files'))).toEqual([]);
    const small = await post([head, '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"llama3.1:8b","messages":[{"role":"user","content":"hi"}]}}\n', tail]);
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body)).toMatchObject({ object: 'file', purpose: 'batch', filename: 'big.jsonl' });
  });

  it('evaluates an uploaded candidate file (purpose user_data) and exports its results as CSV', async () => {
    const path = join(dir, 'people.jsonl');
    await writeCandidateFile(path, { count: 5, seed: 6, format: 'jsonl', detail: 'compact' });
    const file = await upload(path, 'user_data');
    expect(file.purpose).toBe('user_data');
    await expect(client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' })).rejects.toMatchObject({ status: 400, param: 'endpoint' });
    const batch = await finished((await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' })).id);
    const lines = parseLines(await text(batch.output_file_id!));
    expect(lines).toHaveLength(5);
    const content = (lines[0]!.response!.body as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content;
    expect(JSON.parse(content)).toHaveProperty('overall');
    const csv: string[] = [];
    for await (const line of resultsCsvLines(app.db, batch.id)) csv.push(line);
    expect(csv[0]).toBe('custom_id,state,overall,education,company,trajectory,recommendation,rationale,tokens_in,tokens_out,latency_ms,error\n');
    expect(csv).toHaveLength(6);
    expect(csv.slice(1).every((row) => /^[^,]+,done,\d+,\d+,\d+,\d+,/.test(row))).toBe(true);
  });

  it('runs an embeddings batch and answers with OpenAI embedding lists', async () => {
    const path = join(dir, 'embed.jsonl');
    const requests = ['alpha', 'beta', 'gamma'].map((word) => JSON.stringify({ custom_id: word, method: 'POST', url: '/v1/embeddings', body: { model: 'nomic-embed-text', input: `the word ${word}` } }));
    writeFileSync(path, `${requests.join('\n')}\n`);
    const batch = await finished((await client.batches.create({ input_file_id: (await upload(path)).id, endpoint: '/v1/embeddings', completion_window: '24h' })).id);
    const lines = parseLines(await text(batch.output_file_id!));
    expect(lines.map((line) => line.custom_id).sort()).toEqual(['alpha', 'beta', 'gamma']);
    for (const line of lines) {
      expect(line.response!.body).toMatchObject({ object: 'list', data: [{ object: 'embedding', index: 0, embedding: expect.any(Array) }], usage: { prompt_tokens: expect.any(Number) } });
    }
  });
});
