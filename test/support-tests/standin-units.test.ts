// The stand-ins' pure parts: OLLAMA_HOST and keep_alive parsing, env options, schema values.
import { describe, expect, it } from 'vitest';
import { clientBaseUrl, optionsFromEnv, parseKeepAlive, parseOllamaHost, valueForSchema } from '../support/ollama/index.js';
import { buildSnapshot, queryGpu, renderXml } from '../support/nvidia-smi/index.js';

describe('stand-in helpers', () => {
  it('reads OLLAMA_HOST like Ollama', () => {
    expect(parseOllamaHost(undefined)).toEqual({ scheme: 'http', host: '127.0.0.1', port: 11434 });
    expect(parseOllamaHost('127.0.0.1:11500')).toEqual({ scheme: 'http', host: '127.0.0.1', port: 11500 });
    expect(parseOllamaHost('http://127.0.0.1:11434')).toEqual({ scheme: 'http', host: '127.0.0.1', port: 11434 });
    expect(parseOllamaHost('0.0.0.0:9000')).toEqual({ scheme: 'http', host: '0.0.0.0', port: 9000 });
    expect(parseOllamaHost('https://example.org')).toEqual({ scheme: 'https', host: 'example.org', port: 443 });
    expect(parseOllamaHost('[::1]:8080')).toEqual({ scheme: 'http', host: '::1', port: 8080 });
    expect(clientBaseUrl('0.0.0.0:9000')).toBe('http://127.0.0.1:9000');
  });

  it('reads keep_alive as seconds, Go durations, or forever', () => {
    expect(parseKeepAlive('5m')).toBe(300_000);
    expect(parseKeepAlive('1h30m')).toBe(5_400_000);
    expect(parseKeepAlive('250ms')).toBe(250);
    expect(parseKeepAlive(30)).toBe(30_000);
    expect(parseKeepAlive('30')).toBe(30_000);
    expect(parseKeepAlive(0)).toBe(0);
    expect(parseKeepAlive(-1)).toBe(Number.POSITIVE_INFINITY);
    expect(parseKeepAlive('-1m')).toBe(Number.POSITIVE_INFINITY);
    expect(parseKeepAlive('soon')).toBeUndefined();
  });

  it('maps OLLAMA_* and OLLAMA_STANDIN_* variables to options', () => {
    expect(optionsFromEnv({
      OLLAMA_HOST: '127.0.0.1:1234', OLLAMA_NUM_PARALLEL: '4', OLLAMA_STANDIN_INSTALLED: 'a:1, b:2',
      OLLAMA_STANDIN_VRAM_MIB: '8192', OLLAMA_STANDIN_PULL_BPS: '1000',
    })).toEqual({
      host: '127.0.0.1', port: 1234, numParallel: 4, installed: ['a:1', 'b:2'], vramBytes: 8192 * 1024 * 1024, pullBytesPerSec: 1000,
    });
    expect(() => optionsFromEnv({ OLLAMA_NUM_PARALLEL: 'many' })).toThrow(/OLLAMA_NUM_PARALLEL/);
  });

  it('falls back to sensible values for odd schemas', () => {
    expect(valueForSchema({ type: ['string', 'null'], maxLength: 5 }, 's')).toHaveLength(5);
    expect(valueForSchema({ type: 'integer', minimum: 500, maximum: 510 }, 's')).toBeGreaterThanOrEqual(500);
    expect(valueForSchema({ const: 7 }, 's')).toBe(7);
    expect(valueForSchema({ anyOf: [{ type: 'null' }, { type: 'boolean' }] }, 's')).toBeTypeOf('boolean');
  });

  it('builds nvidia-smi output without a process', () => {
    const snapshot = buildSnapshot({}, { vramBytes: 1024 * 1024 * 1024, loadedModels: 1, busy: false, pid: 42 });
    expect(snapshot.gpus[0]?.usedMiB).toBe(600 + 1024);
    expect(queryGpu('memory.used,memory.total', snapshot, { header: false, units: false }, true)).toEqual(['1624, 16376']);
    expect(renderXml(snapshot)).toContain('<process_name>/usr/local/bin/ollama</process_name>');
  });
});
