// A core on a real, encrypted SQLite file in a fresh temp directory, with a generated key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../../core/core.js';
import type { Input, Method, Output } from '../../shared/contract/index.js';

export const MIGRATIONS = join(import.meta.dirname, '../../db/migrations');

export function tempDir(prefix = 'veldwerk-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestCore {
  core: Core;
  dir: string;
  key: Buffer;
  /** Calls a method and returns its value, or throws with the error envelope. */
  call<M extends Method>(m: M, input: Input<M>): Promise<Output<M>>;
  /** Calls a method and returns the raw envelope. */
  raw(m: string, input: unknown): ReturnType<Core['call']>;
  dispose(): void;
}

export function tempCore(opts: { key?: Buffer; dir?: string; now?: () => Date } = {}): TestCore {
  const t = opts.dir ? { dir: opts.dir, remove: () => {} } : tempDir();
  const key = opts.key ?? randomBytes(32);
  const core = createCore({ dataDir: t.dir, migrationsFolder: MIGRATIONS, dataKey: key, checkOutputs: true, now: opts.now, log: () => {} });
  return {
    core,
    dir: t.dir,
    key,
    async call(m, input) {
      const env = await core.call(m, input);
      if (!env.ok) throw Object.assign(new Error(`${m}: ${env.error.code} ${env.error.message}`), { envelope: env.error });
      return env.value as never;
    },
    raw: (m, input) => core.call(m, input),
    dispose() {
      core.close();
      t.remove();
    },
  };
}

/** A minimal valid dossier for a school. */
export function dossierInput(schoolId: string, over: Partial<Input<'dossiers:create'>> = {}): Input<'dossiers:create'> {
  return {
    voornaam: 'Eefje',
    tussenvoegsel: '',
    achternaam: 'Öztürk',
    geboortedatum: '2016-05-04',
    groep: 'g5',
    schoolId,
    consulentId: null,
    niveau: 2,
    notes: '',
    parents: [],
    involved: [],
    ...over,
  };
}
