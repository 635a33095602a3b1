// The core: the app's backend over db/. One instance per data directory; every transport
// (Electron utilityProcess, web host, tests) calls it through `call(method, input)`.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRE_UNLOCK_METHODS, type Envelope, type Method, type VaultState } from '../shared/contract/index.js';
import { DEFAULT_SCRYPT, keyFileSchema, newDataKey, unwrapKey, wrapKey, WrongPassphraseError, type ScryptParams } from '../db/keys.js';
import { openDatabase, WrongKeyError, type LocalDb } from '../db/open.js';
import { createSyncEngine, type SyncEngine } from '../db/sync/engine.js';
import { httpTransport } from '../db/sync/http-transport.js';
import type { StoreTransport } from '../shared/sync/transport.js';
import { dispatch } from './dispatch.js';
import { CoreError } from './errors.js';
import { createHandlers, type Handlers } from './handlers/index.js';
import { fontsBeside } from './handlers/pdf-context.js';
import { createAppLock, isLockMethod, passphraseChecker, type AppLock } from './lock.js';
import { createAuditRecorder, type AuditRecorder } from './audit.js';
import { createRoleGate, type RoleGate } from './roles.js';
import { settingsRepo } from '../db/repos/settings.js';

export interface CoreOptions {
  dataDir: string;
  migrationsFolder: string;
  /** Given by the desktop shell when the OS keyring protects the key; otherwise a passphrase is used. */
  dataKey?: Buffer;
  scrypt?: ScryptParams;
  /** Parse every result with its schema too (tests). */
  checkOutputs?: boolean;
  now?: () => Date;
  /** Fonts for generated PDFs; by default dist/fonts or resources/fonts, found from `migrationsFolder`. */
  fontsDir?: string;
  log?: (line: string) => void;
  /** How to reach the association's store; the HTTP transport by default (tests pass an in-process one). */
  syncTransport?: (storeUrl: string, token: string | null) => StoreTransport;
  /** Automatic sync interval after unlock when enrolled; 0 = only on request (tests). Default 30 s. */
  syncIntervalMs?: number;
}

export interface Core {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** The open database, for tests and benchmarks. */
  readonly local: LocalDb | null;
  /** The sync client of the open database, for tests. */
  readonly sync: SyncEngine | null;
  /** Stops automatic sync and closes the database; resolves after a running sync round has ended. */
  close(): Promise<void>;
}

export const DB_FILE = 'veldwerk.db';
export const KEY_FILE = 'veldwerk.key.json';

export function createCore(opts: CoreOptions): Core {
  mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = join(opts.dataDir, DB_FILE);
  const keyFile = join(opts.dataDir, KEY_FILE);
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((line: string) => console.error(line));
  const protection: VaultState['protection'] = opts.dataKey ? 'os' : 'passphrase';
  let local: LocalDb | null = null;
  let handlers: Handlers | null = null;
  let sync: SyncEngine | null = null;
  let appLock: AppLock | null = null;
  let audit: AuditRecorder | null = null;
  let roles: RoleGate | null = null;
  let unlocking: Promise<void> | null = null;
  const connect = opts.syncTransport ?? ((storeUrl: string, token: string | null) => httpTransport(storeUrl, token));
  // One transport per linked store and token, made when first needed.
  let transport: { key: string; t: StoreTransport } | null = null;

  const open = (key: Buffer): void => {
    try {
      local = openDatabase({ file: dbFile, key, migrationsFolder: opts.migrationsFolder, now });
    } catch (err) {
      if (err instanceof WrongKeyError) throw new CoreError('wrong_passphrase');
      throw err;
    }
    const engine = createSyncEngine({
      local, now, log,
      transport: () => {
        const device = engine.internals.state.device();
        if (!device) return null;
        const key = `${device.storeUrl} ${device.token}`;
        if (transport?.key !== key) transport = { key, t: connect(device.storeUrl, device.token) };
        return transport.t;
      },
    });
    sync = engine;
    appLock = createAppLock({
      sqlite: local.sqlite, now, protection,
      checkPassphrase: protection === 'passphrase' ? passphraseChecker(keyFile, key) : null,
      ...(opts.scrypt ? { pinScrypt: opts.scrypt } : {}),
    });
    const settings = settingsRepo(local.sqlite);
    roles = createRoleGate(() => settings.caller());
    audit = createAuditRecorder(local.sqlite, now, log);
    handlers = createHandlers(local, { now, fontsDir: opts.fontsDir ?? fontsBeside(opts.migrationsFolder), sync: engine, connect });
    engine.start(opts.syncIntervalMs ?? 30_000);
  };
  if (opts.dataKey) open(opts.dataKey);

  const status = (): VaultState => ({
    state: local ? 'unlocked' : existsSync(keyFile) ? 'locked' : 'new',
    protection,
  });

  const vault = {
    'vault:status': async () => status(),
    'vault:create': async ({ passphrase }: { passphrase: string }) => {
      if (protection === 'os' || status().state !== 'new') throw new CoreError('bad_request');
      if (existsSync(dbFile)) throw new CoreError('internal', undefined, undefined, 'errors.keyfile_missing');
      const key = newDataKey();
      const file = await wrapKey(key, passphrase, opts.scrypt ?? DEFAULT_SCRYPT);
      // Key file first, atomically: a crash afterwards leaves a database that the passphrase still opens.
      writeFileSync(`${keyFile}.tmp`, JSON.stringify(file), { mode: 0o600 });
      renameSync(`${keyFile}.tmp`, keyFile);
      open(key);
      return status();
    },
    'vault:unlock': async ({ passphrase }: { passphrase: string }) => {
      if (local) return status();
      if (!existsSync(keyFile)) throw new CoreError('bad_request');
      unlocking ??= (async () => {
        try {
          const file = keyFileSchema.parse(JSON.parse(readFileSync(keyFile, 'utf8')));
          open(await unwrapKey(file, passphrase));
        } catch (err) {
          if (err instanceof WrongPassphraseError) throw new CoreError('wrong_passphrase');
          throw err;
        } finally {
          unlocking = null;
        }
      })();
      await unlocking;
      return status();
    },
  } as const;

  const run = async (method: Method, input: unknown): Promise<unknown> => {
    // The app lock's gate: before anything else, so no data method slips past it.
    if (appLock?.refuses(method)) throw new CoreError('app_locked');
    if (method in vault) return vault[method as keyof typeof vault](input as { passphrase: string });
    if (!handlers || !appLock || PRE_UNLOCK_METHODS.includes(method)) throw new CoreError('locked');
    if (isLockMethod(method)) return appLock.handle(method, input);
    return (handlers[method as keyof Handlers] as (i: unknown) => unknown)(input);
  };
  // The audit log (core/audit.ts): every successful audited call, after it ran (a wrong PIN answers normally).
  const audited = async (method: Method, input: unknown): Promise<unknown> => {
    const output = await run(method, input);
    audit?.record(method, input, output);
    return output;
  };
  const call = (method: string, raw: unknown): Promise<Envelope<unknown>> => {
    // The role gate (shared/contract/roles.ts) before the input is parsed: a caller learns nothing about a
    // method it may not use. After the app lock, which answers first (no role is told while locked).
    const refused = roles && !appLock?.refuses(method) ? roles.refusal(method) : null;
    if (refused) return Promise.resolve({ ok: false, error: refused.toData() });
    return dispatch(method, raw, audited, { checkOutputs: opts.checkOutputs, log });
  };

  return {
    call,
    get local() {
      return local;
    },
    get sync() {
      return sync;
    },
    close() {
      const engine = sync;
      const db = local;
      sync = null;
      handlers = null;
      appLock = null;
      audit = null;
      roles = null;
      local = null;
      const finish = () => db?.close();
      // Closed at once when no sync round runs, so callers that do not wait still find it closed.
      if (!engine?.isRunning()) {
        void engine?.stop();
        finish();
        return Promise.resolve();
      }
      return engine.stop().then(finish);
    },
  };
}
