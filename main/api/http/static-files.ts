import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { securityHeaders } from './respond';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Resolves a URL path inside the renderer folder, or null when it would step outside it. */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = normalize(join(rootDir, decoded));
  if (candidate !== rootDir && !candidate.startsWith(rootDir.endsWith(sep) ? rootDir : rootDir + sep)) return null;
  return candidate;
}

/** Serves a built file; unknown paths fall back to index.html so client-side routes reload. */
export function serveStatic(rootDir: string, urlPath: string, response: ServerResponse): boolean {
  const resolved = resolveStaticPath(rootDir, urlPath === '/' ? '/index.html' : urlPath);
  if (resolved === null) return false;
  const isFile = existsSync(resolved) && statSync(resolved).isFile();
  const path = isFile ? resolved : join(rootDir, 'index.html');
  if (!existsSync(path)) return false;
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
  });
  createReadStream(path).pipe(response);
  return true;
}
