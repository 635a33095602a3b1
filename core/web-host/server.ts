// The web host: the built renderer and the contract over HTTP on 127.0.0.1, for machines without
// the Electron runtime, for CI and for end-to-end tests (design.md: "One core, three transports").
// The core runs without a data key: the renderer's vault screen calls vault:create / vault:unlock.
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../core.js';
import type { ScryptParams } from '../../db/keys.js';
import { isMethod, type Envelope, type ErrorCode } from '../../shared/contract/index.js';
import { message } from '../../shared/i18n/index.js';
import { SECURITY_HEADERS } from '../../shared/security/csp.js';
import { checkApiCaller, hostAllowed, newToken } from './request-guards.js';
import { serveStatic } from './static-files.js';
import { requestTracker } from '../../server/http/graceful-close.js';

export const LOOPBACK = '127.0.0.1';
/** The largest JSON body: a 2,000,000-character school CSV (CSV_MAX_CHARS) with room for JSON escaping. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** How long shutdown waits for running requests before it cuts the connections. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface WebHostOptions {
  dataDir: string;
  migrationsFolder: string;
  rendererDir: string;
  /** Fonts embedded in generated PDFs (dist/fonts when bundled). */
  fontsDir?: string;
  /** 0 (the default) lets the OS choose a free port. */
  port?: number;
  /** scrypt parameters for new key files; small ones only in tests. */
  scrypt?: ScryptParams;
  maxBodyBytes?: number;
  checkOutputs?: boolean;
  /** Receives errors (their kind and the method, never data); with `logRequests`, one line per request too. */
  log?: (line: string) => void;
  /** Log method name, status and milliseconds of every request (never bodies or personal data). */
  logRequests?: boolean;
}

export interface WebHost {
  /** Open this to use the app: `http://127.0.0.1:PORT/#token=TOKEN`. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  token: string;
  /** Stops accepting, lets running requests finish, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

type HostError = { status: number; code: ErrorCode; key: string };
const REJECT = {
  forbidden: { status: 403, code: 'forbidden', key: 'errors.forbidden' },
  unknownMethod: { status: 404, code: 'bad_request', key: 'host.unknown_method' },
  methodNotAllowed: { status: 405, code: 'bad_request', key: 'host.method_not_allowed' },
  badJson: { status: 400, code: 'bad_request', key: 'host.invalid_json' },
  notJson: { status: 415, code: 'bad_request', key: 'host.not_json' },
  tooLarge: { status: 413, code: 'bad_request', key: 'host.body_too_large' },
} as const satisfies Record<string, HostError>;

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...extra,
  });
  res.end(text);
}

function reject(res: ServerResponse, e: HostError, extra?: Record<string, string>): void {
  sendJson(res, e.status, { ok: false, error: { code: e.code, message: message(e.key) } }, extra);
}

/** Reads the body up to `limit` bytes; 'too_large' as soon as it is exceeded. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, rejectRead) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume(); // discard the rest; the response says 413
        resolve('too_large');
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', rejectRead);
  });
}

function isJsonContentType(value: string | undefined): boolean {
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const log = opts.log ?? (() => {});
  const limit = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const token = newToken();
  const core: Core = createCore({
    dataDir: opts.dataDir,
    migrationsFolder: opts.migrationsFolder,
    ...(opts.fontsDir ? { fontsDir: opts.fontsDir } : {}),
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
    ...(opts.checkOutputs ? { checkOutputs: true } : {}),
    log,
  });
  let port = 0;

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<string> {
    if (req.method !== 'POST') {
      reject(res, REJECT.methodNotAllowed, { Allow: 'POST' });
      return '-';
    }
    if (checkApiCaller(req.headers, port, token)) {
      reject(res, REJECT.forbidden);
      return '-';
    }
    let method: string;
    try {
      method = decodeURIComponent(path.slice('/api/'.length));
    } catch {
      method = '';
    }
    if (!isMethod(method)) {
      reject(res, REJECT.unknownMethod);
      return '?';
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      reject(res, REJECT.notJson);
      return method;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > limit ? 'too_large' : await readBody(req, limit);
    if (body === 'too_large') {
      req.resume();
      reject(res, REJECT.tooLarge, { Connection: 'close' });
      return method;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      reject(res, REJECT.badJson);
      return method;
    }
    sendJson(res, 200, await core.call(method, input));
    return method;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (tracker.closing) res.setHeader('Connection', 'close');
    const path = (req.url ?? '/').split('?')[0]!;
    let label = 'static';
    if (!hostAllowed(req.headers.host, port)) {
      reject(res, REJECT.forbidden);
    } else if (path === '/api' || path.startsWith('/api/')) {
      label = await handleApi(req, res, path);
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      await serveStatic(req, res, opts.rendererDir, path);
    } else {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(message('host.method_not_allowed'));
    }
    if (opts.logRequests) log(`[web-host] ${req.method} ${label} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
  }

  const server = createServer((req, res) => {
    // Only once the response has been handed to the OS (or the client left) may shutdown cut the connection.
    tracker.track(res);
    handle(req, res).catch(() => {
      // Never a stack trace to the client, and nothing from the request in the log.
      log('[web-host] request failed');
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: message('errors.internal') } });
      else res.destroy();
    });
  });
  const tracker = requestTracker(server, SHUTDOWN_GRACE_MS);

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', (err) => {
      core.close();
      rejectListen(err);
    });
    server.listen({ host: LOOPBACK, port: opts.port ?? 0 }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;

  const close = (): Promise<void> => tracker.close(() => core.close());

  return { url: `${origin}/#token=${token}`, origin, port, token, close };
}
