// Serves the built renderer at app://veldwerk/ with the app's security headers. Kept free of
// Electron imports: `protocol.handle` is given `createAppHandler(...)`, tests call it directly.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../shared/security/csp.js';
import { APP_HOST, APP_SCHEME } from './app-url.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

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
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'not_found' };
  }
  // Encoded separators and NUL bytes have no business in our asset names.
  if (path.includes('\\') || path.includes('\0')) return { kind: 'not_found' };
  const root = resolve(rootDir);
  const index = resolve(root, 'index.html');
  if (path === '/' || path === '') return { kind: 'file', file: index };
  const file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return { kind: 'not_found' };
  if (extname(file) === '') return { kind: 'file', file: index };
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
