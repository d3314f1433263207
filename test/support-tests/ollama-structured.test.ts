// Structured output and embeddings in the Ollama stand-in: `format` json / JSON schema (checked
// with zod, as the product validates), streamed JSON, and /api/embed, /api/embeddings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cosine, startOllamaStandin, valueForSchema, type OllamaStandin } from '../support/ollama/index.js';
import { call, readNdjson } from '../support/harness.js';

let ollama: OllamaStandin;
beforeAll(async () => { ollama = await startOllamaStandin(); });
afterAll(async () => { await ollama.close(); });

const Evaluation = z.object({
  candidate: z.string().min(3).max(40),
  score: z.number().min(0).max(10),
  years: z.number().int().min(1).max(40),
  level: z.enum(['junior', 'mid', 'senior']),
  hired: z.boolean(),
  email: z.email(),
  strengths: z.array(z.string()).min(2).max(4),
  skills: z.array(z.object({ name: z.string(), evidence: z.string().optional(), weight: z.number().gt(0).lt(1) })).min(1),
  note: z.string().nullable(),
  tag: z.literal('v1'),
});
const schema = z.toJSONSchema(Evaluation);

async function chatJson(format: unknown, content: string, stream = false): Promise<string> {
  const body = { model: 'llama3.1:8b', messages: [{ role: 'user', content }], format, stream };
  const res = await call(ollama.url, '/api/chat', body);
  if (!stream) return ((await res.json()) as { message: { content: string } }).message.content;
  const lines = await readNdjson(res);
  return lines.map((l) => (l.message as { content: string }).content).join('');
}

describe('ollama stand-in: structured output', () => {
  it('returns a JSON object for format "json"', async () => {
    const parsed: unknown = JSON.parse(await chatJson('json', 'Evaluate in JSON'));
    expect(typeof parsed).toBe('object');
    expect(parsed).not.toBeNull();
  });

  it('returns output that validates against a zod-made JSON schema, for many prompts', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      const text = await chatJson(schema, `candidate ${i}`);
      const result = Evaluation.safeParse(JSON.parse(text));
      expect(result.success, `${text}\n${JSON.stringify(result.error?.issues)}`).toBe(true);
      seen.add(text);
    }
    expect(seen.size).toBeGreaterThan(6); // deterministic per prompt, different across prompts
  });

  it('streams structured output as JSON text in pieces that join into the same answer', async () => {
    const streamed = await chatJson(schema, 'candidate streamed', true);
    expect(streamed).toBe(await chatJson(schema, 'candidate streamed'));
    expect(Evaluation.safeParse(JSON.parse(streamed)).success).toBe(true);
  });

  it('works for /api/generate and for hand-written schemas with refs and arrays of enums', async () => {
    const handWritten = {
      type: 'object',
      $defs: { Question: { type: 'object', properties: { text: { type: 'string', minLength: 10 }, rubric: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 3 } }, required: ['text', 'rubric'] } },
      properties: {
        questions: { type: 'array', items: { $ref: '#/$defs/Question' }, minItems: 2 },
        areas: { type: 'array', items: { enum: ['a', 'b', 'c'] }, uniqueItems: true, minItems: 3 },
        ratio: { type: 'number', exclusiveMinimum: 0, maximum: 1, multipleOf: 0.25 },
      },
      required: ['questions', 'areas', 'ratio'],
    };
    const res = await call(ollama.url, '/api/generate', { model: 'llama3.1:8b', prompt: 'Kit', format: handWritten, stream: false });
    const value = JSON.parse(((await res.json()) as { response: string }).response) as {
      questions: Array<{ text: string; rubric: string[] }>; areas: string[]; ratio: number;
    };
    expect(value.questions.length).toBeGreaterThanOrEqual(2);
    for (const q of value.questions) {
      expect(q.text.length).toBeGreaterThanOrEqual(10);
      expect(q.rubric).toHaveLength(3);
    }
    expect([...value.areas].sort()).toEqual(['a', 'b', 'c']);
    expect(value.ratio).toBeGreaterThan(0);
    expect(value.ratio).toBeLessThanOrEqual(1);
    expect(value.ratio % 0.25).toBe(0);
    expect(valueForSchema(handWritten, 'Kit')).toEqual(valueForSchema(handWritten, 'Kit'));
  });
});

describe('ollama stand-in: embeddings', () => {
  async function embed(input: string | string[], extra: Record<string, unknown> = {}): Promise<number[][]> {
    const res = await call(ollama.url, '/api/embed', { model: 'nomic-embed-text', input, ...extra });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { model: string; embeddings: number[][]; prompt_eval_count: number; total_duration: number };
    expect(body.model).toBe('nomic-embed-text');
    expect(body.prompt_eval_count).toBeGreaterThan(0);
    return body.embeddings;
  }

  it('returns unit-length 768-dimension vectors, one per input, deterministic', async () => {
    const [a, b] = await embed(['empathy and listening', 'empathy and listening']);
    expect(a).toHaveLength(768);
    expect(Math.hypot(...(a ?? []))).toBeCloseTo(1, 6);
    expect(a).toEqual(b);
    expect(await embed('empathy and listening')).toEqual([a]);
  });

  it('puts texts that share words closer than unrelated texts', async () => {
    const [base, near, far] = await embed([
      'resolves conflict calmly in the team', 'resolves team conflict calmly', 'quarterly budget spreadsheet macros',
    ]);
    expect(cosine(base ?? [], near ?? [])).toBeGreaterThan(cosine(base ?? [], far ?? []) + 0.3);
  });

  it('truncates to `dimensions`, and honours a configured embedding size', async () => {
    const [short] = await embed('hello', { dimensions: 256 });
    expect(short).toHaveLength(256);
    expect(Math.hypot(...(short ?? []))).toBeCloseTo(1, 6);
    const other = await startOllamaStandin({ embeddingDim: 384 });
    try {
      const res = await call(other.url, '/api/embed', { model: 'nomic-embed-text', input: 'hello' });
      expect(((await res.json()) as { embeddings: number[][] }).embeddings[0]).toHaveLength(384);
    } finally {
      await other.close();
    }
  });

  it('answers the legacy /api/embeddings with a single vector', async () => {
    const res = await call(ollama.url, '/api/embeddings', { model: 'nomic-embed-text', prompt: 'empathy and listening' });
    const body = (await res.json()) as { embedding: number[] };
    expect(body.embedding).toEqual((await embed('empathy and listening'))[0]);
    const missing = await call(ollama.url, '/api/embed', { model: 'ghost-embed', input: 'x' });
    expect(missing.status).toBe(404);
  });
});
