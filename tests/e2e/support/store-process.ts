// The association's store as a real child process (`server/main.ts` through tsx, SQLite in a temp
// dir, 127.0.0.1, a free port), its admin CLI (`server/cli.ts --json`), and a per-device network
// switch: a small forwarding proxy in front of the store that a test can take offline, so one
// device loses its connection while the others keep theirs.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = resolve('.');
const URL_RE = /Veldwerk store listening on (http:\/\/127\.0\.0\.1:(\d+))/;

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

export interface StoreProcess {
  /** `http://127.0.0.1:PORT`, as printed. */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the store printed so far (stdout + JSON logs on stderr). */
  output(): string;
  /** SIGTERM, wait for the exit (SIGKILL after 10 s). Resolves to the exit code. */
  stop(): Promise<number | null>;
}

export async function startStoreProcess(storeDir: string, databaseUrl?: string, startTimeoutMs = 30_000): Promise<StoreProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--host', '127.0.0.1', '--port', '0', '--store-dir', storeDir], {
    cwd: REPO,
    env: storeEnv(databaseUrl),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((r) =>
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      r(code);
    }),
  );
  const match = await new Promise<RegExpExecArray>((resolveUrl, reject) => {
    const timer = setTimeout(() => fail('timed out'), startTimeoutMs);
    const check = (): void => {
      const m = URL_RE.exec(out);
      if (m) {
        cleanup();
        resolveUrl(m);
      }
    };
    const fail = (why: string): void => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`The store did not start (${why}). Its output:\n${out}`));
    };
    const onExit = (code: number | null): void => fail(`exited with ${code}`);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', check);
    child.once('exit', onExit);
    check();
  });
  let stopping: Promise<number | null> | null = null;
  return {
    url: match[1]!,
    port: Number(match[2]),
    child,
    output: () => out,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        const code = await exited;
        clearTimeout(killer);
        return code;
      })();
      return stopping;
    },
  };
}

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
