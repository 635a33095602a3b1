// Runs the BUILT web host the way a user does (`node dist/host/web-host.mjs`), in a child process,
// and reads the URL with the token from what it prints. This tests the CLI and the bundle too.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The bundle under test; VELDWERK_E2E_HOST_BUNDLE points elsewhere (e.g. a packaged build). */
export const HOST_BUNDLE = resolve(process.env.VELDWERK_E2E_HOST_BUNDLE || 'dist/host/web-host.mjs');
const URL_RE = /(http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]{43})/;

export interface HostProcess {
  /** `http://127.0.0.1:PORT/#token=TOKEN`, as printed. */
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the host printed so far (stdout + stderr). It never contains request bodies. */
  output(): string;
  /** SIGTERM, wait for a clean exit, remove the temp data dir (unless given). Returns the exit code. */
  stop(): Promise<number | null>;
}

export interface HostProcessOptions {
  /** Reuse a data dir (e.g. to test a restart); by default a fresh temp dir, removed on stop(). */
  dataDir?: string;
  extraArgs?: string[];
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export async function startHostProcess(opts: HostProcessOptions = {}): Promise<HostProcess> {
  if (!existsSync(HOST_BUNDLE)) {
    throw new Error(`${HOST_BUNDLE} is missing: run "npm run build" first (npm run test:e2e does).`);
  }
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'veldwerk-e2e-'));
  const child = spawn(process.execPath, [HOST_BUNDLE, '--data-dir', dataDir, '--port', '0', ...(opts.extraArgs ?? [])], {
    // TEST-ONLY: cheap scrypt, so creating/unlocking the vault takes milliseconds, not 0.5 s and 128 MiB.
    env: { ...process.env, VELDWERK_TEST_SCRYPT_N: '1024', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  // If the test runner itself dies, do not leave a host behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((r) =>
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      r(code);
    }),
  );

  const match = await new Promise<RegExpExecArray>((resolveUrl, reject) => {
    const timer = setTimeout(() => fail(new Error('timed out')), opts.startTimeoutMs ?? 20_000);
    const check = (): void => {
      const m = URL_RE.exec(out);
      if (m) {
        cleanup();
        resolveUrl(m);
      }
    };
    const fail = (err: Error): void => {
      cleanup();
      child.kill('SIGKILL');
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`The web host did not start (${err.message}). Its output:\n${out}`));
    };
    const onExit = (code: number | null): void => fail(new Error(`exited with ${code}`));
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
    url: match[0],
    origin: match[1]!,
    port: Number(match[2]),
    token: match[3]!,
    dataDir,
    child,
    output: () => out,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        const code = await exited;
        clearTimeout(killer);
        if (ownDir) rmSync(dataDir, { recursive: true, force: true });
        return code;
      })();
      return stopping;
    },
  };
}
