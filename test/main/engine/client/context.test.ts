import { describe, expect, it } from 'vitest';
import {
  estimateMessagesTokens, estimatePromptTokens, estimateTextTokens, fitMessages, fitPrompt, promptBudget,
} from '../../../../main/engine/client/context-budget';
import { ContextOverflowError } from '../../../../main/engine/client/errors';
import { readCalls } from '../../../../main/engine/client/recorder';
import type { ChatMessage } from '../../../../main/engine/client/types';
import { rejectionOf, template, useClientFixture } from './client-fixture';

const sentence = 'The candidate described how she rebuilt the reporting pipeline after the migration. ';
const textOf = (chars: number): string => sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);

describe('token estimate and trim rules (pure)', () => {
  it('estimates chars/3.5 plus per-message overhead and the reply header', () => {
    expect(estimateTextTokens('')).toBe(0);
    expect(estimateTextTokens('x'.repeat(35))).toBe(10);
    expect(estimateTextTokens('x'.repeat(36))).toBe(11);
    expect(estimateMessagesTokens([{ role: 'system', content: 'x'.repeat(35) }, { role: 'user', content: 'x'.repeat(7) }])).toBe(4 + 10 + 4 + 2 + 3);
    expect(estimatePromptTokens('x'.repeat(7), 'x'.repeat(35))).toBe(4 + 10 + 4 + 2 + 3);
  });

  it('reserves num_predict, or a default at most half the context, for the answer', () => {
    expect(promptBudget(8192, 512)).toBe(7680);
    expect(promptBudget(8192, undefined)).toBe(7168);
    expect(promptBudget(1024, undefined)).toBe(512);
    expect(promptBudget(8192, -1, 2048)).toBe(6144);
  });

  it('drop-oldest-turns keeps the system messages and the last user message', () => {
    const turns: ChatMessage[] = [
      { role: 'system', content: 'rules' },
      ...Array.from({ length: 6 }, (_, i): ChatMessage => ({ role: i % 2 === 0 ? 'user' : 'assistant', content: textOf(700) })),
      { role: 'user', content: 'the last question' },
    ];
    const fitted = fitMessages(turns, 600, 1024, 'drop-oldest-turns');
    expect(fitted.value[0]).toEqual(turns[0]);
    expect(fitted.value.at(-1)).toEqual(turns.at(-1));
    expect(fitted.trimmed).toMatchObject({ rule: 'drop-oldest-turns', droppedMessages: 4 });
    expect(fitted.estimate).toBeLessThanOrEqual(600);
    expect(fitted.value.slice(1, -1)).toEqual(turns.slice(5, 7)); // the newest turns stay, in order
  });

  it('truncate-middle keeps the head and tail of the longest message and marks the cut', () => {
    const long = `BEGIN ${textOf(8000)} END`;
    const fitted = fitMessages([{ role: 'system', content: 'rules' }, { role: 'user', content: long }], 1000, 2048, 'truncate-middle');
    const content = fitted.value[1]!.content;
    expect(content.startsWith('BEGIN')).toBe(true);
    expect(content.endsWith('END')).toBe(true);
    expect(content).toMatch(/\[… \d+ characters cut to fit the context …\]/);
    expect(fitted.estimate).toBeLessThanOrEqual(1000);
    expect(fitted.trimmed!.removedChars).toBeGreaterThan(4000);
  });

  it('truncate-end keeps the start of a generate prompt and never touches the system prompt', () => {
    const fitted = fitPrompt(`START ${textOf(5000)}`, 'be brief', 500, 1024, 'truncate-end');
    expect(fitted.value.startsWith('START')).toBe(true);
    expect(fitted.value).toMatch(/cut to fit the context …\]$/);
    expect(fitted.estimate).toBeLessThanOrEqual(500);
  });

  it('fails rather than drop the last user message', () => {
    expect(() => fitMessages([{ role: 'user', content: textOf(5000) }], 500, 1024, 'drop-oldest-turns')).toThrow(/even after trimming \(drop-oldest-turns\)/);
  });
});

describe('LLM client: context budget', () => {
  const fx = useClientFixture();
  const small = () => fx.client({ defaults: () => ({ numCtx: 2048, keepAlive: '5m' }) });

  it('refuses an over-long input before sending, with the estimate, and records the refusal', async () => {
    const call = small().chat({
      feature: 'interviews', model: 'llama3.1:8b', template, messages: [{ role: 'user', content: textOf(10_000) }], options: { num_predict: 256 },
    });
    const error = await rejectionOf(call, ContextOverflowError);
    expect(error.estimatedTokens).toBe(estimateMessagesTokens([{ role: 'user', content: textOf(10_000) }]));
    expect(error.budgetTokens).toBe(2048 - 256);
    expect(error.message).toMatch(/about \d+ tokens, over the 1792 that fit a 2048-token context/);
    expect(fx.inferenceRequests()).toBe(0);
    expect(readCalls(fx.db())[0]).toMatchObject({
      outcome: 'context-overflow', estimatedTokensIn: error.estimatedTokens, tokensIn: 0, options: { num_ctx: 2048, num_predict: 256 },
    });
  });

  it('trims by the caller\'s rule, says so in the result and the record, and the model gets the shorter input', async () => {
    const history: ChatMessage[] = [{ role: 'system', content: 'You run an exit interview.' }];
    for (let turn = 0; turn < 12; turn += 1) history.push({ role: turn % 2 === 0 ? 'user' : 'assistant', content: textOf(1500) });
    history.push({ role: 'user', content: 'Why are you leaving?' });
    const result = await small().chat({ feature: 'interviews', model: 'llama3.1:8b', template, messages: history, trim: 'drop-oldest-turns' });
    expect(result.trimmed).toMatchObject({ rule: 'drop-oldest-turns' });
    expect(result.trimmed!.droppedMessages).toBeGreaterThan(0);
    expect(result.stats.estimatedTokensIn).toBeLessThanOrEqual(promptBudget(2048, undefined));
    expect(result.stats.tokensIn).toBeLessThan(2048); // what the stand-in counted it read
    expect(readCalls(fx.db())[0]).toMatchObject({ trimRule: 'drop-oldest-turns', outcome: 'ok' });
  });

  it('truncates the middle of the longest message when asked', async () => {
    const result = await small().generate({ feature: 'skills', model: 'llama3.1:8b', template, prompt: textOf(12_000), trim: 'truncate-middle' });
    expect(result.trimmed!.removedChars).toBeGreaterThan(5000);
    expect(result.stats.tokensIn).toBeLessThan(2048);
  });

  it('checks each embedding input against the context and sends truncate: false', async () => {
    const client = small();
    const refused = client.embed({ feature: 'skills', model: 'nomic-embed-text', input: ['short', textOf(10_000)] });
    await expect(refused).rejects.toThrow(/input 2 of 2/);
    const trimmed = await client.embed({ feature: 'skills', model: 'nomic-embed-text', input: ['short', textOf(10_000)], trim: 'truncate-end' });
    expect(trimmed.embeddings).toHaveLength(2);
    expect(trimmed.trimmed).toMatchObject({ rule: 'truncate-end' });
  });
});
