// `npm run store` as a child process: PORT=0 prints the real URL, /v1/health answers, SIGTERM stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { healthResponseSchema } from '../../../shared/sync/protocol.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function startStore(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-store-main-'));
  dirs.push(dir);
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'server', 'main.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', VELDWERK_STORE_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m) resolveStart({ child, url: m[1]!, exited });
    });
    child.once('exit', (code) => reject(new Error(`store exited early (${code}): ${out}`)));
  });
}

describe('npm run store', () => {
  it('prints its URL, answers /v1/health and stops on SIGTERM', async () => {
    const { child, url, exited } = await startStore({});
    expect(url).not.toMatch(/:0$/);
    const res = await fetch(`${url}/v1/health`);
    expect(res.status).toBe(200);
    expect(healthResponseSchema.parse(await res.json())).toMatchObject({ ok: true, allowInsecureHttp: false });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);

  it('reports VELDWERK_ALLOW_HTTP=1 in health', async () => {
    const { child, url, exited } = await startStore({ VELDWERK_ALLOW_HTTP: '1' });
    expect((await (await fetch(`${url}/v1/health`)).json()).allowInsecureHttp).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);
});
