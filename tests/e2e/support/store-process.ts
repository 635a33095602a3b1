// The association's store as a real child process (`server/main.ts` through tsx, SQLite in a temp
// dir, 127.0.0.1, a free port), its admin CLI (`server/cli.ts --json`), and a per-device network
// switch: a small forwarding proxy in front of the store that a test can take offline, so one
// device loses its connection while the others keep theirs.
import { execFile } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { startStoreProcess as startProcess, type StoreProcess } from '../../helpers/store-process.js';

export type { StoreProcess };

const run = promisify(execFile);
const REPO = resolve('.');

/**
 * The environment for store and CLI: SQLite in the given dir, or the PostgreSQL database the test
 * names — never a DATABASE_URL from the caller's shell.
 */
function storeEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  delete env.PORT;
  delete env.HOST;
  return env;
}

/** The store as a child process on 127.0.0.1 and a free port: SQLite in `storeDir`, or PostgreSQL. */
export const startStoreProcess = (storeDir: string, databaseUrl?: string): Promise<StoreProcess> =>
  startProcess(databaseUrl ? { databaseUrl } : { storeDir });

/** Runs `server/cli.ts <args> --json --store-dir <dir>`; resolves to the parsed JSON it prints. */
export async function storeAdmin<T = unknown>(storeDir: string, args: string[], databaseUrl?: string): Promise<T> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args, '--json', '--store-dir', storeDir], {
      cwd: REPO,
      env: storeEnv(databaseUrl),
      timeout: 30_000,
    });
    return JSON.parse(stdout) as T;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`store admin ${args.slice(0, 2).join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

export interface NetworkSwitch {
  /** The address a device links with: the proxy in front of the store. */
  url: string;
  readonly online: boolean;
  /** Offline: open connections are cut and new ones are dropped at once, like a lost network. */
  setOnline(online: boolean): void;
  close(): Promise<void>;
}

/** A forwarding proxy on 127.0.0.1 in front of `target` (the store's URL), online at start. */
export async function startNetworkSwitch(target: string): Promise<NetworkSwitch> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let online = true;
  const server: Server = createServer((req, res) => {
    if (!online) {
      req.socket.destroy();
      return;
    }
    const up = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', (s) => {
    if (!online) {
      s.destroy();
      return;
    }
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get online() {
      return online;
    },
    setOnline(next) {
      online = next;
      if (!next) for (const s of sockets) s.destroy();
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
