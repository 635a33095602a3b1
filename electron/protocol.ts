// Serves the built renderer at app://veldwerk/ with the app's security headers. Kept free of
// Electron imports: `protocol.handle` is given `createAppHandler(...)`, tests call it directly.
import { isAbsolute, relative, resolve } from 'node:path';
import { contentTypeOf, extensionOf, safeRelativePath } from '../shared/static-assets.js';
import { SECURITY_HEADERS } from '../shared/security/csp.js';
import { APP_HOST, APP_SCHEME } from './app-url.js';

export type Resolution = { kind: 'file'; file: string } | { kind: 'not_found' };

/**
 * Maps an app:// URL to a file inside `rootDir`, or `not_found`. Paths without an extension are
 * client-side routes and get index.html; anything that would leave `rootDir` is refused.
 */
export function resolveAppPath(rawUrl: string, rootDir: string): Resolution {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'not_found' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '') {
    return { kind: 'not_found' };
  }
  if (url.username !== '' || url.password !== '') return { kind: 'not_found' };
  const rel = safeRelativePath(url.pathname);
  if (rel === null) return { kind: 'not_found' };
  const root = resolve(rootDir);
  const file = resolve(root, rel === '' || extensionOf(rel) === '' ? 'index.html' : rel);
  // Belt and braces: whatever the path rules say, the file must lie inside the renderer folder.
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { kind: 'not_found' };
  return { kind: 'file', file };
}

export interface AppHandlerDeps {
  rootDir: string;
  readFile: (file: string) => Promise<Uint8Array>;
}

function respond(status: number, body: Uint8Array | null, contentType: string): Response {
  // File buffers are backed by a plain ArrayBuffer (never shared), which is what BodyInit wants.
  return new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
}

export function createAppHandler(deps: AppHandlerDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, null, 'text/plain; charset=utf-8');
    }
    const found = resolveAppPath(request.url, deps.rootDir);
    if (found.kind === 'not_found') return respond(404, null, 'text/plain; charset=utf-8');
    let body: Uint8Array;
    try {
      body = await deps.readFile(found.file);
    } catch {
      // Missing file, a directory, unreadable: all the same to the page.
      return respond(404, null, 'text/plain; charset=utf-8');
    }
    return respond(200, request.method === 'HEAD' ? null : body, contentTypeOf(found.file));
  };
}
