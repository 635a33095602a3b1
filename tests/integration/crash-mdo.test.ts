// Kill the core (SIGKILL) in the middle of a burst of MDO autosaves, restart it on the same data dir:
// the database opens (WAL recovery) and holds the last acknowledged save or a later one, never an
// earlier one, with the updatedAt that was acknowledged.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope, Mdo } from '../../shared/contract/index.js';
import { mdoInput } from '../helpers/mdo-fixtures.js';
import { dossierInput, tempDir } from '../helpers/temp-core.js';

const ROOT = join(import.meta.dirname, '../..');
const key = randomBytes(32).toString('hex');
const dirs: { remove(): void }[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) d.remove();
});

interface Child {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  send(method: string, input: unknown, onReply: (env: Envelope<unknown>) => void): void;
  proc: ChildProcess;
}

async function startChild(dataDir: string): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/helpers/core-child.ts'), dataDir], {
    cwd: ROOT, env: { ...process.env, VELDWERK_TEST_KEY_HEX: key }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(proc);
  // Writes still queued when the child is killed fail with EPIPE: expected here.
  proc.stdin!.on('error', () => {});
  const waiting = new Map<number, (env: Envelope<unknown>) => void>();
  let next = 0;
  const ready = new Promise<void>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`child exited ${code}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const msg = JSON.parse(line) as { ready?: true; id?: number; envelope?: Envelope<unknown> };
      if (msg.ready) return resolve();
      waiting.get(msg.id!)?.(msg.envelope!);
      waiting.delete(msg.id!);
    });
  });
  const send: Child['send'] = (method, input, onReply) => {
    const id = next++;
    waiting.set(id, onReply);
    proc.stdin!.write(`${JSON.stringify({ id, method, input })}\n`);
  };
  await ready;
  return { proc, send, call: (method, input) => new Promise((resolve) => send(method, input, resolve)) };
}

async function value<T>(p: Promise<Envelope<unknown>>): Promise<T> {
  const env = await p;
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

const textOf = (i: number) => `Zorgen, versie ${i}. ${'Het kind heeft moeite met de overgang na de pauze. '.repeat(80)}`.trim();

describe('crash during MDO autosave', () => {
  it('keeps the last acknowledged save (or a later one) and its updatedAt after SIGKILL', async () => {
    const dir = tempDir('veldwerk-crash-');
    dirs.push(dir);
    const first = await startChild(dir.dir);
    await value(first.call('setup:complete', { name: 'C', role: 'consulent', associationName: 'S' }));
    const wg = await value<{ id: string }>(first.call('werkgebieden:save', { name: 'W' }));
    const school = await value<{ id: string }>(first.call('schools:save', { name: 'S', brin: '12AB', place: '', werkgebiedId: wg.id }));
    const dossier = await value<{ id: string }>(first.call('dossiers:create', dossierInput(school.id)));
    const mdo = await value<Mdo>(first.call('mdo:create', { dossierId: dossier.id, mdo: mdoInput() }));

    // A burst of 300 pipelined autosaves; the core is killed as soon as the 40th is acknowledged.
    let lastAck: { i: number; updatedAt: string } | null = null;
    const exited = new Promise((resolve) => first.proc.once('exit', resolve));
    for (let i = 0; i < 300; i++) {
      first.send('mdo:save', { id: mdo.id, baseRevision: 1 + i, mdo: mdoInput({ zorgen: textOf(i) }) }, (env) => {
        if (!env.ok) return;
        const saved = env.value as Mdo;
        expect(saved.zorgen).toBe(textOf(i));
        lastAck = { i, updatedAt: saved.updatedAt };
        if (i === 39) first.proc.kill('SIGKILL');
      });
    }
    await exited;
    expect(first.proc.signalCode).toBe('SIGKILL');
    const acked = lastAck as { i: number; updatedAt: string } | null;
    expect(acked!.i).toBeGreaterThanOrEqual(39);

    const second = await startChild(dir.dir);
    const got = await value<Mdo>(second.call('mdo:get', { id: mdo.id }));
    const savedIndex = Number(/versie (\d+)\./.exec(got.zorgen)![1]);
    expect(savedIndex).toBeGreaterThanOrEqual(acked!.i);
    expect(got.revision).toBe(savedIndex + 2);
    expect(got.zorgen).toBe(textOf(savedIndex));
    if (savedIndex === acked!.i) expect(got.updatedAt).toBe(acked!.updatedAt);
    else expect(got.updatedAt >= acked!.updatedAt).toBe(true);
    // The reopened database is whole and keeps accepting saves.
    const next = await value<Mdo>(second.call('mdo:save', { id: mdo.id, baseRevision: got.revision, mdo: mdoInput({ zorgen: 'na herstart' }) }));
    expect(next.zorgen).toBe('na herstart');
    second.proc.kill('SIGTERM');
  });
});
