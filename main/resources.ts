import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file shipped in resources/. That folder sits beside main/ in the source tree and beside out/
 * once built, so the places are tried in turn from wherever this module ended up.
 */
export function resourcePath(...parts: string[]): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const base of [join(here, '..', 'resources'), join(here, '..', '..', 'resources'), join(here, '..', '..', '..', 'resources')]) {
    const candidate = join(base, ...parts);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`resources/${parts.join('/')} is missing: the app was not installed whole`);
}
