// scripts/start.mjs: finds Electron without downloading it, else falls back to the web host.
import { EventEmitter } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface StartModule {
  FALLBACK_LINE: string;
  NOT_BUILT_LINE: string;
  findElectron(o: { root: string; env: Record<string, string | undefined> }): string | null;
  start(o: Record<string, unknown>): Promise<number>;
}
const scriptPath = join(__dirname, '../scripts/start.mjs');
const load = () => import(/* @vite-ignore */ scriptPath) as Promise<StartModule>;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'veldwerk-start-'));
  mkdirSync(join(root, 'node_modules/electron/dist'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const touch = (rel: string, text = '') => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};

/** A fake spawn: records the command and lets the test end the child. */
function fakeSpawn() {
  const calls: { command: string; args: string[]; opts: unknown }[] = [];
  const children: (EventEmitter & { exitCode: number | null; kill: (s: string) => void; killed: string[] })[] = [];
  const spawn = (command: string, args: string[], opts: unknown) => {
    calls.push({ command, args, opts });
    const child = Object.assign(new EventEmitter(), {
      exitCode: null as number | null,
      killed: [] as string[],
      kill(s: string) {
        child.killed.push(s);
      },
    });
    children.push(child);
    return child;
  };
  return { spawn, calls, children };
}

describe('findElectron', () => {
  it('finds the binary named in path.txt', async () => {
    const { findElectron } = await load();
    touch('node_modules/electron/path.txt', 'electron');
    expect(findElectron({ root, env: {} })).toBeNull(); // path.txt without binary: not installed
    touch('node_modules/electron/dist/electron');
    expect(findElectron({ root, env: {} })).toBe(join(root, 'node_modules/electron/dist/electron'));
  });

  it('is null without path.txt (the lazy download never ran)', async () => {
    const { findElectron } = await load();
    touch('node_modules/electron/dist/electron');
    expect(findElectron({ root, env: {} })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const { findElectron } = await load();
    const other = join(root, 'custom');
    mkdirSync(other);
    expect(findElectron({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: other } })).toBeNull();
    writeFileSync(join(other, 'electron'), '');
    expect(findElectron({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: other } })).toBe(join(other, 'electron'));
  });
});

describe('start', () => {
  it('without Electron: one Dutch line, then the web host with --open; passes Ctrl+C on and returns its code', async () => {
    const { start, FALLBACK_LINE } = await load();
    touch('dist/host/web-host.mjs');
    const f = fakeSpawn();
    const lines: string[] = [];
    const proc = Object.assign(new EventEmitter(), { execPath: '/usr/bin/node' });
    const code = start({ root, env: {}, spawn: f.spawn, log: (l: string) => lines.push(l), proc });
    await Promise.resolve();
    expect(lines).toEqual([FALLBACK_LINE]);
    expect(FALLBACK_LINE).toMatch(/niet beschikbaar.*webhost.*browser/);
    expect(f.calls).toEqual([
      { command: '/usr/bin/node', args: [join(root, 'dist/host/web-host.mjs'), '--open'], opts: expect.objectContaining({ stdio: 'inherit' }) },
    ]);
    proc.emit('SIGINT');
    expect(f.children[0]!.killed).toEqual(['SIGINT']);
    f.children[0]!.emit('exit', 3, null);
    expect(await code).toBe(3);
    expect(proc.listenerCount('SIGINT')).toBe(0);
  });

  it('with Electron: runs it with the project root', async () => {
    const { start } = await load();
    touch('node_modules/electron/path.txt', 'electron');
    touch('node_modules/electron/dist/electron');
    touch('dist/electron/main.cjs');
    const f = fakeSpawn();
    const lines: string[] = [];
    const code = start({ root, env: {}, spawn: f.spawn, log: (l: string) => lines.push(l), proc: new EventEmitter() });
    await Promise.resolve();
    expect(f.calls[0]).toMatchObject({ command: join(root, 'node_modules/electron/dist/electron'), args: [root] });
    expect(lines).toEqual([]);
    f.children[0]!.emit('exit', 0, null);
    expect(await code).toBe(0);
  });

  it('says to build first when dist is missing', async () => {
    const { start, NOT_BUILT_LINE } = await load();
    const lines: string[] = [];
    const f = fakeSpawn();
    expect(await start({ root, env: {}, spawn: f.spawn, log: (l: string) => lines.push(l), proc: new EventEmitter() })).toBe(1);
    expect(lines).toEqual([NOT_BUILT_LINE]);
    expect(f.calls).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('really spawns a found binary and exits with its code', async () => {
    const { start } = await load();
    const bin = join(root, 'fake-electron');
    writeFileSync(bin, '#!/bin/sh\n[ "$1" = "$VELDWERK_EXPECT_ROOT" ] || exit 9\nexit 7\n');
    chmodSync(bin, 0o755);
    touch('dist/electron/main.cjs');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: root, VELDWERK_EXPECT_ROOT: root };
    touch('node_modules/electron/path.txt', 'fake-electron');
    expect(await start({ root, env, log: () => {}, proc: new EventEmitter() })).toBe(7);
  });
});
