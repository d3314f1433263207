import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/api/errors';
import { openDatabase } from '../../../main/db/open';
import { defaultSettings, parseOllamaHost } from '../../../main/settings/schema';
import { SettingsStore } from '../../../main/settings/store';
import { useTempDirs } from '../../support/temp-dir';

describe('SettingsStore', () => {
  const tempDir = useTempDirs();

  it('starts from the defaults, which fit a 16 GB card', () => {
    const db = openDatabase(tempDir());
    const settings = new SettingsStore(db).get();
    expect(settings).toEqual(defaultSettings());
    expect(settings.vramActMiB).toBe(14336);
    expect(settings.vramWarnPercent).toBe(87.5);
    db.close();
  });

  it('keeps an update across a restart and merges model choices field by field', () => {
    const dir = tempDir();
    const first = openDatabase(dir);
    new SettingsStore(first).update({ parallelSlots: 2, models: { batch: 'qwen2.5:7b' } });
    first.close();
    const second = openDatabase(dir);
    const settings = new SettingsStore(second).get();
    expect(settings.parallelSlots).toBe(2);
    expect(settings.models.batch).toBe('qwen2.5:7b');
    expect(settings.models.embedding).toBe(defaultSettings().models.embedding);
    second.close();
  });

  it('rejects an invalid value naming the field, and writes nothing of that update', () => {
    const db = openDatabase(tempDir());
    const store = new SettingsStore(db);
    let caught: unknown;
    try {
      store.update({ retentionDays: 30, contextLength: 100 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).field).toBe('contextLength');
    expect(store.get().retentionDays).toBe(defaultSettings().retentionDays);
    db.close();
  });

  it('falls back to the default for a stored value that no longer validates, and says so', () => {
    const db = openDatabase(tempDir());
    db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?), (?, ?)').run('parallelSlots', '99', 'retentionDays', '7');
    const warnings: string[] = [];
    const settings = new SettingsStore(db, (message) => warnings.push(message)).get();
    expect(settings.parallelSlots).toBe(defaultSettings().parallelSlots);
    expect(settings.retentionDays).toBe(7);
    expect(warnings.join()).toMatch(/parallelSlots/);
    db.close();
  });

  it('resets every setting', () => {
    const db = openDatabase(tempDir());
    const store = new SettingsStore(db);
    store.update({ keepAlive: '-1', flashAttention: false });
    expect(store.reset()).toEqual(defaultSettings());
    db.close();
  });
});

describe('parseOllamaHost', () => {
  it('accepts the forms OLLAMA_HOST takes', () => {
    expect(parseOllamaHost('127.0.0.1:11434')).toBe('http://127.0.0.1:11434');
    expect(parseOllamaHost('http://localhost:8080')).toBe('http://localhost:8080');
    expect(parseOllamaHost('0.0.0.0:11434')).toBe('http://127.0.0.1:11434');
    expect(parseOllamaHost('gpu-box')).toBe('http://gpu-box:11434');
  });

  it('refuses what is not a host', () => {
    expect(parseOllamaHost('')).toBeNull();
    expect(parseOllamaHost('http://host:11434/api')).toBeNull();
    expect(parseOllamaHost('http://bad host')).toBeNull();
  });
});
