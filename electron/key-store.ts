// Where the desktop app's database key comes from. With a real OS keyring the key is 32 random
// bytes, wrapped by `safeStorage` in `veldwerk.key.os`; without one (Linux `basic_text` would
// store it as good as in plain text) no key is passed and the core asks for a passphrase.
import { join } from 'node:path';

export const OS_KEY_FILE = 'veldwerk.key.os';
// Same names as core/core.ts (DB_FILE, KEY_FILE); not imported so the main process never loads
// better-sqlite3. A test keeps them equal.
export const DB_FILE = 'veldwerk.db';
export const PASSPHRASE_KEY_FILE = 'veldwerk.key.json';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/** The part of node:fs used here (node:fs itself fits). */
export interface KeyFs {
  existsSync(path: string): boolean;
  readFileSync(path: string): Buffer;
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, opts: { force: boolean }): void;
}

export interface KeyStoreDeps {
  dataDir: string;
  platform: NodeJS.Platform;
  safeStorage: SafeStorageLike;
  fs: KeyFs;
  randomBytes: (n: number) => Buffer;
}

export type PassphraseReason =
  | 'passphrase_chosen' // a passphrase-wrapped key already exists: keep using it
  | 'no_keyring' // safeStorage cannot encrypt here
  | 'basic_text' // Linux without a secret service: safeStorage would not really protect the key
  | 'existing_database' // a database without any key file: never replace its key (the core reports it)
  | 'os_key_unreadable'; // the OS key file exists but the keyring cannot open it

export type KeyDecision = { protection: 'os'; dataKeyHex: string } | { protection: 'passphrase'; reason: PassphraseReason };

const KEY_HEX_RE = /^[0-9a-f]{64}$/;

export function osKeyringUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  // getSelectedStorageBackend exists on Linux only.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

/** Writes a file so that it is either complete or absent, readable by the user only. */
export function writeFileAtomic(fs: KeyFs, file: string, data: Uint8Array): void {
  const tmp = `${file}.tmp`;
  fs.rmSync(tmp, { force: true });
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** Decides how the key is protected; creates the OS key file on first run. Never logs the key. */
export function resolveDataKey(deps: KeyStoreDeps): KeyDecision {
  const { fs, dataDir, safeStorage } = deps;
  const osKeyFile = join(dataDir, OS_KEY_FILE);
  if (fs.existsSync(join(dataDir, PASSPHRASE_KEY_FILE))) return { protection: 'passphrase', reason: 'passphrase_chosen' };
  const usable = osKeyringUsable(safeStorage, deps.platform);

  if (fs.existsSync(osKeyFile)) {
    if (!usable) return { protection: 'passphrase', reason: 'os_key_unreadable' };
    try {
      const hex = safeStorage.decryptString(fs.readFileSync(osKeyFile));
      if (KEY_HEX_RE.test(hex)) return { protection: 'os', dataKeyHex: hex };
    } catch {
      // fall through: a damaged key file is never overwritten
    }
    return { protection: 'passphrase', reason: 'os_key_unreadable' };
  }

  if (!usable) {
    return { protection: 'passphrase', reason: safeStorage.isEncryptionAvailable() ? 'basic_text' : 'no_keyring' };
  }
  if (fs.existsSync(join(dataDir, DB_FILE))) return { protection: 'passphrase', reason: 'existing_database' };

  const dataKeyHex = deps.randomBytes(32).toString('hex');
  // The key file is on disk before the core creates the database, so a crash cannot leave a
  // database whose key was never saved.
  writeFileAtomic(fs, osKeyFile, safeStorage.encryptString(dataKeyHex));
  return { protection: 'os', dataKeyHex };
}
