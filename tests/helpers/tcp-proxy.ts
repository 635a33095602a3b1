// A tiny TCP proxy on 127.0.0.1 between apps and a store, for fault tests: forwards bytes both ways
// and lets a test break one exchange on purpose. It reads just enough HTTP/1.1 to know which request
// a connection is carrying (method, path, headers of the last request sent upstream), so a fault can be
// aimed at "the reply to a push" or "the second upload chunk" without touching the store or the app.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

export interface ProxyFault {
  /** Which request the fault is aimed at (checked against each request as it passes). */
  match(req: SeenRequest, index: number): boolean;
  /**
   * `reply`: the request reaches the store; when the first bytes of its reply come back, `onReply`
   * runs (e.g. SIGKILL the store) and the client's connection is dropped without a byte of the reply.
   * `request`: after `afterBytes` bytes of the matching request (headers included) have been forwarded,
   * both connections are dropped.
   */
  kind: 'reply' | 'request';
  afterBytes?: number;
  onReply?: () => Promise<void> | void;
  /** How many matching requests it hits (default 1): a lasting outage also cuts the client's immediate retry. */
  times?: number;
}

export interface TcpProxy {
  url: string;
  port: number;
  /** Where the store listens now (a restarted store may listen elsewhere). */
  setTarget(port: number): void;
  /** Arms one fault; it fires `times` times (default once) and resolves after the last. */
  arm(fault: ProxyFault): Promise<void>;
  /** Every request seen, in order. */
  requests: SeenRequest[];
  close(): Promise<void>;
}

const HEAD_END = '\r\n\r\n';

function parseHead(head: string): SeenRequest | null {
  const [line, ...rest] = head.split('\r\n');
  const m = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(line ?? '');
  if (!m) return null;
  const headers: Record<string, string> = {};
  for (const h of rest) {
    const i = h.indexOf(':');
    if (i > 0) headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
  }
  return { method: m[1]!, path: m[2]!, headers };
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  const requests: SeenRequest[] = [];
  let armed: { fault: ProxyFault; fired: () => void; left: number } | null = null;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = connect({ host: '127.0.0.1', port: target });
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.on('error', drop);
    upstream.on('error', drop);

    // Request side: find request heads (bodies are skipped by content-length); count bytes for cuts.
    let pending = Buffer.alloc(0);
    let bodyLeft = 0;
    let current: { fault: ProxyFault | null; sent: number } = { fault: null, sent: 0 };
    let replyFault: ProxyFault | null = null;
    client.on('data', (data: Buffer) => {
      let rest = data;
      while (rest.length > 0) {
        if (bodyLeft > 0) {
          const n = Math.min(bodyLeft, rest.length);
          if (!forward(rest.subarray(0, n))) return;
          bodyLeft -= n;
          rest = rest.subarray(n);
          continue;
        }
        pending = Buffer.concat([pending, rest]);
        rest = Buffer.alloc(0);
        const end = pending.indexOf(HEAD_END);
        if (end < 0) return; // the head is not complete yet
        const headBytes = pending.subarray(0, end + HEAD_END.length);
        const req = parseHead(headBytes.toString('latin1'));
        rest = pending.subarray(end + HEAD_END.length);
        pending = Buffer.alloc(0);
        current = { fault: null, sent: 0 };
        if (req) {
          requests.push(req);
          bodyLeft = Number(req.headers['content-length'] ?? 0);
          if (armed && armed.fault.match(req, requests.length - 1)) {
            const { fault, fired } = armed;
            if (--armed.left <= 0) {
              armed = null;
              fired();
            }
            if (fault.kind === 'request') current = { fault, sent: 0 };
            else replyFault = fault;
          }
        }
        if (!forward(headBytes)) return;
      }
    });
    /** Forwards request bytes; false once a request fault has cut the connection. */
    function forward(bytes: Buffer): boolean {
      const f = current.fault;
      if (f && f.kind === 'request') {
        const room = (f.afterBytes ?? 0) - current.sent;
        if (bytes.length >= room) {
          if (room > 0) upstream.write(bytes.subarray(0, room));
          // Let the bytes reach the store before the connection goes.
          setTimeout(drop, 50);
          current.fault = null;
          client.pause();
          return false;
        }
        current.sent += bytes.length;
      }
      upstream.write(bytes);
      return true;
    }

    upstream.on('data', (data: Buffer) => {
      if (replyFault) {
        const f = replyFault;
        replyFault = null;
        client.destroy(); // not one byte of the reply reaches the app
        void Promise.resolve(f.onReply?.()).finally(() => upstream.destroy());
        return;
      }
      client.write(data);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setTarget(p) {
      target = p;
    },
    arm(fault) {
      return new Promise<void>((resolve) => {
        armed = { fault, fired: resolve, left: fault.times ?? 1 };
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
