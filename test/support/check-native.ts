import { createRequire } from 'node:module';

/**
 * better-sqlite3 is compiled for one runtime at a time. After `npm start` rebuilt it for Electron,
 * Node cannot load it: say how to fix that instead of failing every test with an ABI error.
 */
export default function checkNativeModules(): void {
  const require = createRequire(import.meta.url);
  try {
    const Database = require('better-sqlite3') as new (path: string) => { close(): void };
    new Database(':memory:').close();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/NODE_MODULE_VERSION/.test(message)) {
      throw new Error('better-sqlite3 is built for Electron (after npm start). Run `npm rebuild better-sqlite3` to test under Node.');
    }
    throw error;
  }
}
