// Two or three apps (real cores on encrypted temp files) and one store on a temp SQLite file, linked
// through the in-process transport. Automatic sync is off: tests sync explicitly.
import { randomBytes } from 'node:crypto';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../../core/core.js';
import { createStore, type CoreStore } from '../../../server/core/store.js';
import type { UserScopeInput } from '../../../server/store-api.js';
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import { inProcessTransport, type Faults, type InProcessTransport } from '../../helpers/in-process-transport.js';
import { MIGRATIONS, dossierInput, tempDir } from '../../helpers/temp-core.js';

export interface App {
  core: Core;
  call<M extends Method>(m: M, input: Input<M>): Promise<Output<M>>;
  raw(m: string, input: unknown): ReturnType<Core['call']>;
  /** Faults applied to every transport this app makes. */
  faults: Faults;
  transports: InProcessTransport[];
  sync(): Promise<{ pushed: number; pulled: number }>;
  sql<T = unknown>(query: string, ...params: unknown[]): T[];
}

export interface World {
  store: CoreStore;
  assoc: string;
  werkgebieden: { noord: string; zuid: string };
  schools: { noord: string; zuid: string };
  /** An app enrolled as a new user with this scope. */
  app(name: string, scope: UserScopeInput): Promise<App & { userId: string }>;
  consulent(name: string, werkgebied: 'noord' | 'zuid'): Promise<App & { userId: string }>;
}

export function useSyncWorld(): () => Promise<World> {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  return async () => {
    const dir = tempDir('veldwerk-sync-');
    cleanups.push(() => dir.remove());
    const store = await createStore({ sqliteFile: `${dir.dir}/store.db` });
    cleanups.push(() => store.close());
    const { id: assoc } = await store.admin.createAssociation('SWV Kust');
    const noord = (await store.admin.createWerkgebied(assoc, 'Noord')).id;
    const zuid = (await store.admin.createWerkgebied(assoc, 'Zuid')).id;
    const imported = await store.admin.importSchools(assoc, 'naam;brin;plaats;werkgebied\nDe Vlinder;01AB;Alkmaar;Noord\nDe Zeester;02CD;Den Haag;Zuid\n');
    if (imported.errors.length) throw new Error('school import failed');

    async function app(name: string, scope: UserScopeInput): Promise<App & { userId: string }> {
      const { id: userId } = await store.admin.createUser(assoc, name, scope);
      const { code } = await store.admin.issueEnrollmentCode(userId, 10);
      const d = tempDir('veldwerk-app-');
      const faults: Faults = {};
      const transports: InProcessTransport[] = [];
      const core = createCore({
        dataDir: d.dir, migrationsFolder: MIGRATIONS, dataKey: randomBytes(32), checkOutputs: true, log: () => {}, syncIntervalMs: 0,
        syncTransport: (_url, token) => {
          const t = inProcessTransport(store, token, { faults, clientKey: name });
          transports.push(t);
          return t;
        },
      });
      cleanups.push(async () => {
        await core.close();
        d.remove();
      });
      const a: App & { userId: string } = {
        core, faults, transports, userId,
        async call(m, input) {
          const env = await core.call(m, input);
          if (!env.ok) throw Object.assign(new Error(`${m}: ${env.error.code} ${env.error.message}`), { envelope: env.error });
          return env.value as never;
        },
        raw: (m, input) => core.call(m, input),
        sync: () => core.sync!.syncOnce(),
        sql: <T>(query: string, ...params: unknown[]) => core.local!.sqlite.prepare(query).all(...params) as T[],
      };
      await a.call('sync:enroll', { storeUrl: 'https://store.example', code, deviceName: `${name} laptop` });
      // Enrolment starts a first round in the background; wait for it so tests start from a known point.
      while (core.sync!.isRunning()) await new Promise((r) => setTimeout(r, 5));
      return a;
    }
    return {
      store, assoc, werkgebieden: { noord, zuid }, schools: await schoolsOf(),
      app,
      consulent: (name, wg) => app(name, { role: 'consulent', werkgebiedIds: [wg === 'noord' ? noord : zuid], schoolId: null }),
    };

    async function anyCtx() {
      const { id: userId } = await store.admin.createUser(assoc, 'Beheer', { role: 'beheerder', werkgebiedIds: [], schoolId: null });
      const { code } = await store.admin.issueEnrollmentCode(userId, 10);
      const res = await store.enroll(code, 'beheer', 'harness');
      if (typeof res === 'string') throw new Error(res);
      const auth = await store.authenticate(res.token);
      if (!auth.ok) throw new Error(auth.code);
      return auth.ctx;
    }
    async function schoolsOf() {
      const page = await store.pull(await anyCtx(), 0, 1000);
      const find = (brin: string) => page.changes.find((c) => c.entity === 'school' && c.data?.brin === brin)!.id;
      return { noord: find('01AB'), zuid: find('02CD') };
    }
  };
}

/** Saves new notes on a dossier through the contract, like the editor does: `notes` gets the current text. */
export async function editNotes(app: App, id: string, notes: string | ((old: string) => string)) {
  const d = await app.call('dossiers:get', { id });
  const { parents, involved } = d;
  const text = typeof notes === 'string' ? notes : notes(d.notes);
  return app.call('dossiers:update', {
    id, baseVersion: d.version,
    dossier: { ...dossierInput(d.schoolId), voornaam: d.voornaam, achternaam: d.achternaam, notes: text, parents, involved },
  });
}

/** Anna and Bram, consultants of werkgebied noord, both already holding one synced dossier with these notes. */
export async function sharedDossier(w: World, notes: string) {
  const a = await w.consulent('Anna', 'noord');
  const b = await w.consulent('Bram', 'noord');
  const d = await a.call('dossiers:create', dossierInput(w.schools.noord, { notes }));
  await a.sync();
  await b.sync();
  return { a, b, d };
}
