// The association's sync store over HTTP(S): routing per protocol.ts ENDPOINTS, protocol
// negotiation, device tokens, body limits, structured logs and graceful shutdown. The data layer
// is a StoreApi (server/store-api.ts); this file only speaks HTTP.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { StoreApi } from '../store-api.js';
import { deviceTag, silentLogger, type Logger } from '../log.js';
import { requestTracker } from './graceful-close.js';
import { checkDeclaredLength, HttpError, sendError } from './http-util.js';
import { authenticate, checkProtocol } from './guards.js';
import { matchRoute, type Call, type RouteEnv } from './routes.js';

export interface StoreServerOptions {
  store: StoreApi;
  /** Default 127.0.0.1. Listen on 0.0.0.0 only behind TLS (own or a reverse proxy). */
  host?: string;
  /** 0 (default) lets the OS choose. */
  port?: number;
  /** Reported in /v1/health: the operator allows plain http from non-loopback clients. */
  allowInsecureHttp?: boolean;
  /** Serve https with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Behind a reverse proxy: take the client address for rate limits from X-Forwarded-For. */
  trustProxy?: boolean;
  logger?: Logger;
}

export interface StoreServer {
  url: string;
  port: number;
  /** Stops accepting, lets running requests finish, then closes the store. Safe to call twice. */
  close(): Promise<void>;
}

/** How long shutdown waits for running requests before it cuts the connections. */
const SHUTDOWN_GRACE_MS = 15_000;

export async function startStoreServer(opts: StoreServerOptions): Promise<StoreServer> {
  const log = opts.logger ?? silentLogger();
  const env: RouteEnv = { store: opts.store, allowInsecureHttp: opts.allowInsecureHttp ?? false, trustProxy: opts.trustProxy ?? false };
  const host = opts.host ?? '127.0.0.1';

  async function handle(req: IncomingMessage, res: ServerResponse, note: { route: string; device?: string }): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const found = matchRoute(path);
    if (!found) throw new HttpError('not_found', 'Unknown endpoint');
    note.route = found.route.template;
    const handler = found.route.methods[req.method ?? ''];
    if (!handler) {
      const allow = Object.keys(found.route.methods).join(', ');
      throw new HttpError('bad_request', `Method not allowed; use ${allow}`, 405, { Allow: allow });
    }
    if (found.route.protocol) checkProtocol(req);
    checkDeclaredLength(req, found.route.bodyLimit);
    const call = { req, res, params: found.params, env } as Call;
    if (found.route.auth) {
      call.ctx = await authenticate(req, env.store);
      note.device = deviceTag(call.ctx.deviceId);
    }
    await handler(call);
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    tracker.track(res);
    const note: { route: string; device?: string } = { route: '?' };
    if (tracker.closing) res.setHeader('Connection', 'close');
    // 'close' comes once the reply has been handed to the OS (or the client left).
    res.once('close', () => {
      log.info(
        {
          method: req.method, route: note.route, status: res.statusCode, ms: Math.round(performance.now() - started),
          ...(note.device ? { device: note.device } : {}), ip: req.socket.remoteAddress,
        },
        'request',
      );
    });
    handle(req, res, note).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) {
        sendError(res, err);
        // After a 413 the rest of the body is never read: drop the connection once the reply is out.
        if (err.code === 'too_large') res.once('finish', () => setTimeout(() => req.socket.destroy(), 50).unref());
        return;
      }
      // Never a stack trace to the client; the log gets the kind of error, not the data.
      const e = err instanceof Error ? err : new Error(String(err));
      log.error({ route: note.route, errName: e.name, errCode: (e as { code?: unknown }).code, errMessage: e.message.slice(0, 300) }, 'handler failed');
      sendError(res, new HttpError('internal', 'Internal error'));
    });
  }

  const server: Server = opts.tls
    ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest)
    : createHttpServer(onRequest);
  const tracker = requestTracker(server, SHUTDOWN_GRACE_MS);
  // Slow-loris guards: headers must arrive within 15 s, a whole request (a 1 MiB chunk on a slow
  // school line included) within 2 minutes; idle keep-alive sockets go after 5 s.
  server.headersTimeout = 15_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  // Requests Node cannot even parse (or that time out) still get a JSON error body.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, message] =
      err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'Request took too long']
        : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'Request headers too large']
          : [400, 'Bad Request', 'Malformed HTTP request'];
    const body = JSON.stringify({ error: { code: 'bad_request', message } });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: opts.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `${opts.tls ? 'https' : 'http'}://${shownHost}:${port}`;

  return { url, port, close: () => tracker.close(() => opts.store.close()) };
}
