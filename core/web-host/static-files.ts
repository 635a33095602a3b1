// Serves the built renderer. The files carry no data, so no token is needed, but every response
// still gets the security headers (set by the caller). No path ever leaves the renderer folder.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { message } from '../../shared/i18n/index.js';
import { contentTypeOf, extensionOf, safeRelativePath } from '../../shared/static-assets.js';

async function fileIn(root: string, rel: string): Promise<{ file: string; size: number } | null> {
  const candidate = resolve(root, rel);
  if (!candidate.startsWith(root + sep)) return null;
  try {
    // realpath too: a symlink inside the folder must not lead outside it.
    const real = await realpath(candidate);
    const realRoot = await realpath(root);
    if (!real.startsWith(realRoot + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { file: real, size: info.size } : null;
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse, text: string): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** GET/HEAD only (the caller checks). Paths without an extension fall back to index.html (SPA). */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rootDir: string, urlPath: string): Promise<void> {
  const root = resolve(rootDir);
  const rel = safeRelativePath(urlPath);
  if (rel === null) return notFound(res, message('host.not_found'));

  let found = rel === '' ? null : await fileIn(root, rel);
  if (!found && extensionOf(rel) === '') found = await fileIn(root, 'index.html');
  if (!found) {
    const missingApp = !(await fileIn(root, 'index.html'));
    return notFound(res, message(missingApp ? 'host.renderer_missing' : 'host.not_found'));
  }

  res.writeHead(200, { 'Content-Type': contentTypeOf(found.file), 'Content-Length': String(found.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(found.file), res);
  } catch {
    // The client went away mid-file; nothing to tell anyone.
    res.destroy();
  }
}
