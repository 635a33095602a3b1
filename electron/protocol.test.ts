import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp.js';
import { createAppHandler, resolveAppPath } from './protocol.js';

let base: string;
let root: string;
let handler: (r: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'veldwerk-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Veldwerk</title>');
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app-1234.css'), 'body{}');
  // A secret next to (not inside) the renderer folder: traversal must never reach it.
  writeFileSync(join(base, 'secret.txt'), 'geheim');
  writeFileSync(join(base, 'renderer-evil.txt'), 'geheim');
  handler = createAppHandler({ rootDir: root, readFile: (f) => readFile(f) });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves index.html with the security headers', async () => {
    const res = await get('app://veldwerk/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Veldwerk</title>');
  });

  it('serves assets with their content type', async () => {
    const js = await get('app://veldwerk/assets/app-1234.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const css = await get('app://veldwerk/assets/app-1234.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for client-side routes (no extension)', async () => {
    for (const url of ['app://veldwerk/', 'app://veldwerk/dossiers/0190-abc', 'app://veldwerk/beheer?tab=scholen']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toContain('<title>Veldwerk</title>');
    }
  });

  it('answers 404 for unknown files, still with the security headers', async () => {
    const res = await get('app://veldwerk/assets/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for a directory that looks like a file; extensionless paths are routes', async () => {
    expect((await get('app://veldwerk/assets')).status).toBe(200);
    mkdirSync(join(root, 'dir.js'), { recursive: true });
    expect((await get('app://veldwerk/dir.js')).status).toBe(404);
  });

  it.each([
    'app://veldwerk/..%2fsecret.txt',
    'app://veldwerk/%2e%2e%2fsecret.txt',
    'app://veldwerk/assets/..%2f..%2fsecret.txt',
    'app://veldwerk/..%5csecret.txt',
    'app://veldwerk/../renderer-evil.txt',
    'app://veldwerk/%2e%2e/renderer-evil.txt',
    'app://veldwerk/..%2frenderer-evil.txt',
    'app://veldwerk/secret.txt%00.js',
  ])('refuses path traversal: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('geheim');
  });

  it('refuses other hosts and methods', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://veldwerk/index.html', 'POST')).status).toBe(405);
  });

  it('never resolves outside the root', () => {
    expect(resolveAppPath('app://veldwerk/..%2f..%2fetc%2fpasswd', root)).toEqual({ kind: 'not_found' });
    expect(resolveAppPath('app://veldwerk/assets/app-1234.js', root)).toEqual({
      kind: 'file',
      file: join(root, 'assets', 'app-1234.js'),
    });
  });
});
