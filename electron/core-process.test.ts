// Smoke test of the real core-process entry, bundled the way scripts/build.mjs bundles it, run
// under plain Node with `process.parentPort` emulated over a fork IPC channel (no Electron here).
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { electronBundleOptions } from '../scripts/electron-bundle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..');
let dir: string;
let entry: string;
let shim: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'veldwerk-core-process-'));
  // The dist layout: dist/electron/core-process.cjs beside dist/fonts.
  mkdirSync(join(dir, 'electron'));
  entry = join(dir, 'electron', 'core-process.cjs');
  cpSync(join(repo, 'resources/fonts'), join(dir, 'fonts'), { recursive: true });
  await build({
    ...electronBundleOptions,
    entryPoints: [join(__dirname, 'core-process.ts')],
    outfile: entry,
    nodePaths: [join(repo, 'node_modules')],
    logLevel: 'silent',
  });
  // What Electron gives a utilityProcess: `process.parentPort` with MessageEvent-style messages.
  shim = join(dir, 'parent-port-shim.cjs');
  writeFileSync(
    shim,
    `process.parentPort = {
      postMessage: (m) => process.send(m),
      on: (ev, l) => { if (ev === 'message') process.on('message', (data) => l({ data, ports: [] })); },
    };`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(): { child: ChildProcess; next: () => Promise<unknown>; exited: Promise<number | null> } {
  const child = fork(entry, [], {
    execArgv: ['--require', shim],
    env: { ...process.env, NODE_PATH: join(repo, 'node_modules') },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const queue: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  child.on('message', (m) => {
    const w = waiters.shift();
    if (w) w(m);
    else queue.push(m);
  });
  const next = () => (queue.length ? Promise.resolve(queue.shift()) : new Promise<unknown>((r) => waiters.push(r)));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, next, exited };
}

function emptyMdo() {
  const factors = { kind: '', school: '', thuis: '' };
  return {
    datum: '2026-11-02', tijd: '', locatie: '', agenda: ['Welkom'], attendees: [], kindAanwezig: 'niet', kindInbreng: 'kindgesprek',
    kindInbrengToelichting: '', ondersteuningsvraagSchool: '', ondersteuningsvraagOuders: '', ondersteuningsvraagKind: '',
    watGaatGoed: '', zorgen: '', stimulerend: factors, belemmerend: factors, onderwijsbehoeften: '',
    ondersteuningsbehoefteLeerkracht: '', crucialeDoelen: '', afspraken: [], regiehouder: '', visieOuders: '',
    kindgesprekId: null, stemVanHetKind: '', wegingKindvisie: '', evaluatiedatum: '',
  };
}

describe('core-process entry', () => {
  it('passphrase mode: opens nothing, answers vault:status, shuts down cleanly', async () => {
    const { child, next, exited } = start();
    const dataDir = join(dir, 'pass');
    child.send({ type: 'init', dataDir, migrationsFolder: join(repo, 'db/migrations') });
    expect(await next()).toEqual({ type: 'ready', ok: true });
    child.send({ type: 'call', id: 1, method: 'vault:status', input: {} });
    expect(await next()).toEqual({
      type: 'result', id: 1, envelope: { ok: true, value: { state: 'new', protection: 'passphrase' } },
    });
    child.send({ type: 'call', id: 2, method: 'dossiers:list', input: {} });
    expect(await next()).toMatchObject({ id: 2, envelope: { ok: false, error: { code: 'locked' } } });
    child.send({ type: 'shutdown' });
    expect(await exited).toBe(0);
  });

  it('OS-key mode: the database opens at init and stays usable; a wrong key is reported, not crashed on', async () => {
    const dataDir = join(dir, 'os');
    const key = 'a1'.repeat(32);
    const first = start();
    first.child.send({ type: 'init', dataDir, migrationsFolder: join(repo, 'db/migrations'), dataKeyHex: key });
    expect(await first.next()).toEqual({ type: 'ready', ok: true });
    first.child.send({ type: 'call', id: 0, method: 'vault:status', input: {} });
    expect(await first.next()).toMatchObject({ envelope: { ok: true, value: { state: 'unlocked', protection: 'os' } } });
    // A PDF from the CommonJS bundle: pdfkit and the fonts load the way they will in Electron.
    const call = async (id: number, method: string, input: unknown) => {
      first.child.send({ type: 'call', id, method, input });
      const m = (await first.next()) as { envelope: { ok: boolean; value: unknown } };
      expect(m.envelope.ok, method).toBe(true);
      return m.envelope.value as Record<string, unknown>;
    };
    await call(10, 'setup:loadDemo', { dossiers: 3 });
    const list = (await call(11, 'dossiers:list', {})) as { rows: { id: string }[] };
    const mdo = await call(12, 'mdo:create', { dossierId: list.rows[0]!.id, mdo: emptyMdo() });
    const pdf = await call(13, 'mdo:pdf', { id: mdo.id, document: 'praatpapier' });
    expect(Buffer.from(pdf.base64 as string, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    first.child.send({ type: 'shutdown' });
    expect(await first.exited).toBe(0);

    const second = start();
    second.child.send({ type: 'init', dataDir, migrationsFolder: join(repo, 'db/migrations'), dataKeyHex: 'b2'.repeat(32) });
    expect(await second.next()).toEqual({ type: 'ready', ok: false });
    second.child.send({ type: 'call', id: 5, method: 'vault:status', input: {} });
    expect(await second.next()).toMatchObject({ id: 5, envelope: { ok: false, error: { code: 'internal' } } });
    second.child.send({ type: 'shutdown' });
    expect(await second.exited).toBe(0);
  });
});
