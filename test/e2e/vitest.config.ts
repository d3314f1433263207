import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** End-to-end: the built app in serve mode, on the stand-ins, driven in Debian's Chromium. */
export default defineConfig({
  root,
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/check-native.ts'],
  },
});
