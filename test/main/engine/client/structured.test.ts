import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { StructuredOutputError } from '../../../../main/engine/client/errors';
import { readCalls } from '../../../../main/engine/client/recorder';
import { checkStructured, formatFor } from '../../../../main/engine/client/structured';
import type { RetryNotice } from '../../../../main/engine/client/types';
import { rejectionOf, template, useClientFixture } from './client-fixture';

const evaluation = z.object({
  recommendation: z.enum(['advance', 'hold', 'reject']),
  score: z.number().int().min(0).max(10),
  strengths: z.array(z.string()).min(1).max(3),
});

const messages = [
  { role: 'system' as const, content: 'Evaluate the candidate. Answer in JSON.' },
  { role: 'user' as const, content: 'Candidate: 6 years of data analysis, led a team of 4.' },
];

describe('LLM client: structured output', () => {
  const fx = useClientFixture();

  it('sends the schema as format and returns the validated, typed value', async () => {
    const result = await fx.client().chat({ feature: 'batch', model: 'llama3.1:8b', template, messages, format: evaluation });
    expectTypeOf(result.value).toEqualTypeOf<z.output<typeof evaluation>>();
    expect(evaluation.parse(result.value)).toEqual(result.value);
    expect(JSON.parse(result.text)).toEqual(result.value);
    expect(result.repaired).toBe(false);
  });

  it('repairs an answer that fails a rule the JSON schema cannot express, in one round', async () => {
    // A refinement is invisible to the JSON schema, so the stand-in (like a model) cannot honour
    // it; this one fails the first answer and passes the second, as a corrected answer would.
    const single = await fx.client().chat({ feature: 'batch', model: 'llama3.1:8b', template, messages, format: evaluation });
    let checks = 0;
    const reviewed = evaluation.refine(() => (checks += 1) > 1, { message: 'the score must be justified by the strengths' });
    const notices: RetryNotice[] = [];
    let shown: string[] = [];
    const result = await fx.client().chat({
      feature: 'batch', model: 'llama3.1:8b', template, messages, format: reviewed,
      onToken: (t) => shown.push(t),
      onRetry: (notice) => {
        notices.push(notice);
        if (notice.discardDelivered) shown = [];
      },
    });
    expect(result.repaired).toBe(true);
    expect(notices).toMatchObject([{ reason: 'repair', discardDelivered: true }]);
    expect(shown.join('')).toBe(result.text);
    expect(fx.inferenceRequests()).toBe(3);
    const row = readCalls(fx.db()).at(-1);
    expect(row).toMatchObject({ repaired: true, outcome: 'ok', tokensIn: result.stats.tokensIn });
    // Both rounds are counted: the repair round alone re-reads the conversation and more.
    expect(row!.tokensIn).toBeGreaterThan(2 * single.stats.tokensIn);
  });

  it('fails with StructuredOutputError, carrying the problems and the raw answer, when the repair fails too', async () => {
    // `pattern` is in the JSON schema but the stand-in does not honour it: a model that ignores a constraint.
    const coded = z.object({ code: z.string().regex(/^[A-Z]{3}-\d{3}$/) });
    const call = fx.client().generate({ feature: 'pricing', model: 'llama3.1:8b', template, prompt: 'Give the job code.', format: coded });
    const error = await rejectionOf(call, StructuredOutputError);
    expect(error.problems.join(' ')).toMatch(/code: Invalid string/);
    expect(() => JSON.parse(error.rawText) as unknown).not.toThrow();
    expect(fx.inferenceRequests()).toBe(2);
    expect(readCalls(fx.db())[0]).toMatchObject({ outcome: 'invalid-output', repaired: true });
  });

  it('does not stream the repair round to a caller that cannot be told to discard the first answer', async () => {
    let checks = 0;
    const reviewed = evaluation.refine(() => (checks += 1) > 1);
    const shown: string[] = [];
    const result = await fx.client().chat({ feature: 'batch', model: 'llama3.1:8b', template, messages, format: reviewed, onToken: (t) => shown.push(t) });
    expect(result.repaired).toBe(true);
    expect(shown.join('')).not.toBe(result.text); // what was shown is the first answer, whole
    expect(() => JSON.parse(shown.join('')) as unknown).not.toThrow();
  });

  it('describes invalid JSON and validation problems in words the model can act on', () => {
    expect(checkStructured('{"score": 4', evaluation)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^the answer is not valid JSON/)] });
    const checked = checkStructured('{"recommendation":"maybe","score":11,"strengths":[]}', evaluation);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems).toHaveLength(3);
    expect(formatFor(evaluation)).toMatchObject({ type: 'object', required: ['recommendation', 'score', 'strengths'] });
    expect(formatFor(evaluation)).not.toHaveProperty('$schema');
  });
});
