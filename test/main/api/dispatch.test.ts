import { describe, expect, it } from 'vitest';
import { methodNames, type Handlers } from '../../../main/api/contract';
import { createDispatcher } from '../../../main/api/dispatch';
import { ApiError } from '../../../main/api/errors';
import { defaultSettings } from '../../../main/settings/schema';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const all = Object.fromEntries(methodNames.map((name) => [name, unused])) as unknown as Handlers;
  return { ...all, 'settings.get': () => defaultSettings(), ...overrides };
}

describe('dispatcher', () => {
  it('answers an unknown method with not_found', async () => {
    const dispatch = createDispatcher(handlersWith({}), () => {});
    expect(await dispatch('settings.delete', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Unknown method "settings.delete"' },
    });
  });

  it('validates the input before the handler runs, naming the field', async () => {
    let called = false;
    const dispatch = createDispatcher(handlersWith({ 'settings.update': () => ((called = true), defaultSettings()) }), () => {});
    const result = await dispatch('settings.update', { models: { batch: '' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'models.batch' } });
    expect(called).toBe(false);
  });

  it('refuses fields the contract does not know', async () => {
    const dispatch = createDispatcher(handlersWith({}), () => {});
    const result = await dispatch('settings.update', { parallelSlotz: 2 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(/parallelSlotz/);
  });

  it('passes an ApiError through as a value and reports other errors as internal', async () => {
    const unexpected: unknown[] = [];
    const dispatch = createDispatcher(
      handlersWith({
        'settings.reset': () => {
          throw new ApiError('conflict', 'busy');
        },
        'settings.get': () => {
          throw new TypeError('boom');
        },
      }),
      (error) => unexpected.push(error),
    );
    expect(await dispatch('settings.reset', { confirm: true })).toEqual({ ok: false, error: { code: 'conflict', message: 'busy' } });
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal', message: /boom/ } });
    expect(unexpected).toHaveLength(1);
  });

  it('checks the output against the contract too', async () => {
    const dispatch = createDispatcher(handlersWith({ 'settings.get': () => ({ ...defaultSettings(), parallelSlots: 'four' }) as never }), () => {});
    expect(await dispatch('settings.get', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
