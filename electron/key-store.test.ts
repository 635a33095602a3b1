import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_FILE as CORE_DB_FILE, KEY_FILE as CORE_KEY_FILE } from '../core/core.js';
import {
  DB_FILE, OS_KEY_FILE, PASSPHRASE_KEY_FILE, resolveDataKey, writeFileAtomic, type KeyFs, type SafeStorageLike,
} from './key-store.js';

/** A fake safeStorage: "encrypts" by reversing and tagging, so the file never holds the plain key. */
function fakeSafeStorage(opts: { available?: boolean; backend?: string } = {}) {
  return {
    isEncryptionAvailable: vi.fn(() => opts.available ?? true),
    getSelectedStorageBackend: vi.fn(() => opts.backend ?? 'gnome_libsecret'),
    encryptString: vi.fn((s: string) => Buffer.from(`enc:${[...s].reverse().join('')}`)),
    decryptString: vi.fn((b: Buffer) => {
      const s = b.toString();
      if (!s.startsWith('enc:')) throw new Error('cannot decrypt');
      return [...s.slice(4)].reverse().join('');
    }),
  } satisfies SafeStorageLike;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'veldwerk-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key32 = Buffer.alloc(32, 0xab);
const deps = (safeStorage: SafeStorageLike, platform: NodeJS.Platform = 'linux') => ({
  dataDir: dir, platform, safeStorage, fs: fs as KeyFs, randomBytes: () => key32,
});

describe('resolveDataKey', () => {
  it('names the same files as the core', () => {
    expect(DB_FILE).toBe(CORE_DB_FILE);
    expect(PASSPHRASE_KEY_FILE).toBe(CORE_KEY_FILE);
  });

  it('first run with a keyring: creates a wrapped random key, readable by the user only', () => {
    const ss = fakeSafeStorage();
    const d = resolveDataKey(deps(ss));
    expect(d).toEqual({ protection: 'os', dataKeyHex: key32.toString('hex') });
    const file = join(dir, OS_KEY_FILE);
    expect(readFileSync(file).toString()).not.toContain(key32.toString('hex'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  });

  it('later runs read the same key back', () => {
    const ss = fakeSafeStorage();
    const first = resolveDataKey(deps(ss));
    const second = resolveDataKey({ ...deps(ss), randomBytes: () => Buffer.alloc(32, 1) });
    expect(second).toEqual(first);
    expect(ss.encryptString).toHaveBeenCalledTimes(1);
  });

  it('Linux basic_text backend: passphrase, and no key file written', () => {
    const d = resolveDataKey(deps(fakeSafeStorage({ backend: 'basic_text' })));
    expect(d).toEqual({ protection: 'passphrase', reason: 'basic_text' });
    expect(fs.existsSync(join(dir, OS_KEY_FILE))).toBe(false);
  });

  it('basic_text only matters on Linux (the call exists there only)', () => {
    const ss = fakeSafeStorage({ backend: 'basic_text' });
    expect(resolveDataKey(deps(ss, 'win32')).protection).toBe('os');
  });

  it('no encryption available: passphrase', () => {
    expect(resolveDataKey(deps(fakeSafeStorage({ available: false }), 'darwin'))).toEqual({
      protection: 'passphrase', reason: 'no_keyring',
    });
  });

  it('keeps a passphrase once chosen, even when a keyring appears later', () => {
    writeFileSync(join(dir, PASSPHRASE_KEY_FILE), '{}');
    expect(resolveDataKey(deps(fakeSafeStorage()))).toEqual({ protection: 'passphrase', reason: 'passphrase_chosen' });
    expect(fs.existsSync(join(dir, OS_KEY_FILE))).toBe(false);
  });

  it('never makes a new key for an existing database without key file', () => {
    writeFileSync(join(dir, DB_FILE), 'x');
    expect(resolveDataKey(deps(fakeSafeStorage()))).toEqual({ protection: 'passphrase', reason: 'existing_database' });
    expect(fs.existsSync(join(dir, OS_KEY_FILE))).toBe(false);
  });

  it('never overwrites a key file it cannot read', () => {
    const file = join(dir, OS_KEY_FILE);
    writeFileSync(file, 'garbage');
    expect(resolveDataKey(deps(fakeSafeStorage()))).toEqual({ protection: 'passphrase', reason: 'os_key_unreadable' });
    expect(readFileSync(file, 'utf8')).toBe('garbage');
    resolveDataKey(deps(fakeSafeStorage({ available: false })));
    expect(readFileSync(file, 'utf8')).toBe('garbage');
  });

  it('refuses a decrypted value that is not a 32-byte hex key', () => {
    const ss = fakeSafeStorage();
    writeFileSync(join(dir, OS_KEY_FILE), ss.encryptString('too-short'));
    expect(resolveDataKey(deps(ss)).protection).toBe('passphrase');
  });
});

describe('writeFileAtomic', () => {
  it('writes through a temp file and renames it into place; a failed write leaves no file', () => {
    const calls: string[] = [];
    const real = fs as KeyFs;
    const spy: KeyFs = {
      ...real,
      openSync: (p, f, m) => (calls.push(`open ${p.endsWith('.tmp') ? 'tmp' : 'final'} ${f} ${m?.toString(8)}`), real.openSync(p, f, m)),
      fsyncSync: (fd) => (calls.push('fsync'), real.fsyncSync(fd)),
      renameSync: (a, b) => (calls.push('rename'), real.renameSync(a, b)),
    };
    const file = join(dir, 'k');
    writeFileAtomic(spy, file, Buffer.from('abc'));
    expect(calls).toEqual(['open tmp wx 600', 'fsync', 'rename']);
    expect(readFileSync(file, 'utf8')).toBe('abc');

    const failing: KeyFs = { ...real, writeSync: () => { throw new Error('disk full'); } };
    const other = join(dir, 'k2');
    expect(() => writeFileAtomic(failing, other, Buffer.from('abc'))).toThrow('disk full');
    expect(fs.existsSync(other)).toBe(false);
  });
});
