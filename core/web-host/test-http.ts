// Test helpers for the web host: raw HTTP requests (the path is sent exactly as given, headers such
// as Host are under the test's control) and throwaway host fixtures. Used by tests only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebHost, type WebHost, type WebHostOptions } from './server.js';

/** Fast key wrapping for tests only; real users get DEFAULT_SCRYPT (2^17). */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 } as const;
export const TEST_PASSPHRASE = 'correct horse battery staple';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as received (binary replies such as blobs). */
  body: Buffer;
  text: string;
  json(): unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  /** A string/Buffer is sent whole; an array of chunks is sent chunked (no Content-Length). */
  body?: string | Buffer | Buffer[];
}

export function rawRequest(port: number, req: RawRequest, address = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolveResponse, reject) => {
    const r = httpRequest(
      { host: address, port, method: req.method ?? 'GET', path: req.path, headers: req.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolveResponse({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    if (Array.isArray(req.body)) {
      for (const chunk of req.body) r.write(chunk);
      r.end();
    } else r.end(req.body);
  });
}

/** A contract call the way the renderer makes it: token, JSON, own Host. */
export function apiCall(host: Pick<WebHost, 'port' | 'token'>, method: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(host.port, {
    method: 'POST',
    path: `/api/${encodeURIComponent(method)}`,
    headers: { 'content-type': 'application/json', 'x-veldwerk-token': host.token, ...headers },
    body: JSON.stringify(input),
  });
}

export interface HostFixture {
  root: string;
  dataDir: string;
  rendererDir: string;
  start(extra?: Partial<WebHostOptions>): Promise<WebHost>;
  /** Closes every host it started, then removes the temp folder. */
  cleanup(): Promise<void>;
}

/** A temp folder with a tiny fake renderer build, a data dir and a file outside both (the "secret"). */
export function hostFixture(): HostFixture {
  const root = mkdtempSync(join(tmpdir(), 'veldwerk-web-host-'));
  const rendererDir = join(root, 'renderer');
  const dataDir = join(root, 'data');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html lang="nl"><title>Veldwerk</title><div id="root"></div></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{margin:0}');
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE-RENDERER');
  const started: WebHost[] = [];
  return {
    root,
    dataDir,
    rendererDir,
    async start(extra = {}) {
      const host = await startWebHost({
        dataDir,
        rendererDir,
        migrationsFolder: resolve('db/migrations'),
        scrypt: TEST_SCRYPT,
        checkOutputs: true,
        ...extra,
      });
      started.push(host);
      return host;
    },
    async cleanup() {
      await Promise.all(started.map((h) => h.close()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
