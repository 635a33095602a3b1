// The store as a real process (`server/main.ts` under tsx), for fault tests and benchmarks: started on
// a temp store dir (SQLite) or a DATABASE_URL, on a free port or a given one (a restart keeps its
// URL). `node --import tsx` rather than the tsx binary, so the pid is the store itself and SIGKILL
// really kills it. Logs (JSON lines, no personal data) are kept in memory for failure messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export interface StoreProcessOptions {
  /** SQLite: the folder holding store.sqlite. */
  storeDir?: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** 0 (default): a free port. */
  port?: number;
  env?: Record<string, string>;
  /** How much of stderr to keep (characters, newest); default 20,000. */
  keepLogChars?: number;
}

export interface StoreProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** stderr so far (for assertion messages). */
  logs(): string;
  /** Resolves with the exit code (or the signal name) once the process is gone. */
  exited: Promise<number | string>;
  /** SIGKILL, then waits until it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful), SIGKILL after 5 s. */
  stop(): Promise<void>;
}

export async function startStoreProcess(opts: StoreProcessOptions): Promise<StoreProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(opts.port ?? 0), HOST: '127.0.0.1', LOG_LEVEL: process.env.STORE_LOG_LEVEL ?? 'warn', ...opts.env,
  };
  delete env.DATABASE_URL;
  delete env.VELDWERK_STORE_DIR;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else if (opts.storeDir) env.VELDWERK_STORE_DIR = opts.storeDir;
  else throw new Error('startStoreProcess needs storeDir or databaseUrl');
  // STORE_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) and STORE_LOG_LEVEL help when profiling.
  const nodeArgs = process.env.STORE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(ROOT, 'server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-(opts.keepLogChars ?? 20_000));
  });
  // If the test runner itself dies, do not leave a store behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      process.off('exit', killOnExit);
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`store did not start within 30 s\n${stderr}`));
    }, 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`store exited (${code}) before listening\n${stderr}`));
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    child,
    logs: () => stderr,
    exited,
    async kill() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (gone()) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    },
  };
}
