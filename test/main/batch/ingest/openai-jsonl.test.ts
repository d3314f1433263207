import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../support/temp-dir';
import { chatLine, collect, fileWith } from './collect';

describe('OpenAI batch JSONL', () => {
  const tempDir = useTempDirs();

  it('reads chat and embedding requests, passing unknown body fields through', async () => {
    const path = fileWith(tempDir(), 'batch.jsonl', [
      chatLine('a', { temperature: 0.2, response_format: { type: 'json_object' }, seed: 7 }),
      JSON.stringify({ custom_id: 'b', method: 'POST', url: '/v1/embeddings', body: { model: 'nomic-embed-text', input: ['one', 'two'], dimensions: 256 } }),
    ]);
    const { requests, problems, end } = await collect(path);
    expect(problems).toEqual([]);
    expect(requests.map((request) => [request.line, request.customId, request.url])).toEqual([
      [1, 'a', '/v1/chat/completions'],
      [2, 'b', '/v1/embeddings'],
    ]);
    expect(requests[0]!.body).toMatchObject({ model: 'llama3.1:8b', temperature: 0.2, response_format: { type: 'json_object' }, seed: 7 });
    expect(requests[1]!.body).toMatchObject({ input: ['one', 'two'], dimensions: 256 });
    expect(end).toMatchObject({ format: 'openai-jsonl', records: 2, problems: 0, lines: 2, fatal: false });
  });

  it('reports every bad line with its line and field, and still hands on the good ones', async () => {
    const path = fileWith(tempDir(), 'mixed.jsonl', [
      chatLine('ok-1'),
      '{"custom_id": "broken", "method": "POST", "url": ',
      chatLine('ok-1'),
      JSON.stringify({ custom_id: 'old', method: 'POST', url: '/v1/completions', body: { model: 'm', prompt: 'hi' } }),
      JSON.stringify({ custom_id: 'new', method: 'POST', url: '/v1/responses', body: { model: 'm', input: 'hi' } }),
      JSON.stringify({ custom_id: 'no-model', method: 'POST', url: '/v1/chat/completions', body: { messages: [{ role: 'user', content: 'x' }] } }),
      JSON.stringify({ custom_id: 'no-messages', method: 'POST', url: '/v1/chat/completions', body: { model: 'm' } }),
      JSON.stringify({ custom_id: 'no-input', method: 'POST', url: '/v1/embeddings', body: { model: 'e' } }),
      JSON.stringify({ custom_id: 'get', method: 'GET', url: '/v1/chat/completions', body: { model: 'm', messages: [] } }),
      JSON.stringify({ custom_id: '', method: 'POST', url: '/v1/chat/completions', body: { model: 'm', messages: [{ role: 'user', content: 'x' }] } }),
      JSON.stringify({ custom_id: 'bad-role', method: 'POST', url: '/v1/chat/completions', body: { model: 'm', messages: [{ role: 'robot', content: 'x' }] } }),
      '[1, 2, 3]',
      chatLine('ok-2'),
    ]);
    const { requests, problems, end } = await collect(path);
    expect(requests.map((request) => request.customId)).toEqual(['ok-1', 'ok-2']);
    expect(problems.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 2, field: undefined, code: 'malformed-json' },
      { line: 3, field: 'custom_id', code: 'duplicate-id' },
      { line: 4, field: 'url', code: 'unsupported-url' },
      { line: 5, field: 'url', code: 'unsupported-url' },
      { line: 6, field: 'body.model', code: 'missing-field' },
      { line: 7, field: 'body.messages', code: 'missing-field' },
      { line: 8, field: 'body.input', code: 'missing-field' },
      { line: 9, field: 'method', code: 'invalid-request' },
      { line: 10, field: 'custom_id', code: 'invalid-request' },
      { line: 11, field: 'body.messages.0.role', code: 'invalid-request' },
      { line: 12, field: undefined, code: 'not-an-object' },
    ]);
    expect(problems.every((problem) => problem.file === 'mixed.jsonl' && problem.severity === 'error')).toBe(true);
    expect(problems[1]!.message).toContain('already used on line 1');
    expect(problems[2]!.message).toContain('"/v1/completions" is not supported');
    expect(problems[3]!.message).toContain('use /v1/chat/completions or /v1/embeddings');
    expect(problems[4]!.message).toBe('Line 6: body.model is missing: name the model to run, e.g. "llama3.1:8b"; it is skipped.');
    expect(end).toMatchObject({ records: 2, problems: 11, fatal: false });
  });

  it('copes with CRLF, a BOM, blank lines and a missing final newline', async () => {
    const path = fileWith(tempDir(), 'windows.jsonl', `\uFEFF${chatLine('a')}\r\n\r\n${chatLine('b')}\r\n   \r\n${chatLine('c')}`);
    const { requests, problems, end } = await collect(path);
    expect(problems).toEqual([]);
    expect(requests.map((request) => [request.line, request.customId])).toEqual([
      [1, 'a'],
      [3, 'b'],
      [5, 'c'],
    ]);
    expect(end.lines).toBe(5);
  });

  it('keeps a batch to one endpoint when told which', async () => {
    const path = fileWith(tempDir(), 'endpoint.jsonl', [chatLine('chat'), JSON.stringify({ custom_id: 'emb', method: 'POST', url: '/v1/embeddings', body: { model: 'e', input: 'x' } })]);
    const { requests, problems } = await collect(path, { endpoint: '/v1/chat/completions' });
    expect(requests.map((request) => request.customId)).toEqual(['chat']);
    expect(problems).toMatchObject([{ line: 2, field: 'url', code: 'unsupported-url' }]);
    expect(problems[0]!.message).toContain("differs from this batch's endpoint");
  });

  it('names the column of a JSON syntax error', async () => {
    const path = fileWith(tempDir(), 'column.jsonl', [chatLine('a'), '{"custom_id": "x",, "method": "POST"}']);
    const { problems } = await collect(path);
    expect(problems).toMatchObject([{ line: 2, column: 19, code: 'malformed-json' }]);
    expect(problems[0]!.message).toMatch(/^Line 2 is not valid JSON: .+; it is skipped\.$/);
  });
});
