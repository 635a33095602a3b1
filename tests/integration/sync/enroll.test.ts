import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/core.js';
import { stubTransport } from '../../../db/sync/test-db.js';
import type { EnrollResponse, HealthResponse } from '../../../shared/sync/protocol.js';
import { TransportError, type StoreTransport } from '../../../shared/sync/transport.js';
import { MIGRATIONS, tempDir } from '../../helpers/temp-core.js';

const offline = async (): Promise<never> => {
  throw new TransportError('offline');
};

const USER = '0190d6a0-0000-7000-8000-0000000000a1';
const reply: EnrollResponse = {
  deviceId: '0190d6a0-0000-7000-8000-0000000000d1', token: 'x'.repeat(43),
  user: { id: USER, name: 'Anna de Vries', role: 'consulent' }, association: { id: '0190d6a0-0000-7000-8000-0000000000c1', name: 'SWV Kust' },
};
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function app(health: Partial<HealthResponse> = {}, enroll: () => Promise<EnrollResponse> = async () => reply) {
  const d = tempDir();
  const calls: string[] = [];
  const fake = (url: string): StoreTransport => stubTransport({
    health: async () => (calls.push(`health ${url}`), { ok: true, protocol: { min: 1, max: 1 }, schema: 1, allowInsecureHttp: false, ...health }),
    enroll: async () => (calls.push(`enroll ${url}`), enroll()),
    push: async () => ({ results: [] }),
    pull: async () => {
      throw new TransportError('offline');
    },
    reserveTlvNumbers: offline,
  });
  const core: Core = createCore({
    dataDir: d.dir, migrationsFolder: MIGRATIONS, dataKey: randomBytes(32), checkOutputs: true, log: () => {}, syncIntervalMs: 0, syncTransport: fake,
  });
  cleanups.push(async () => {
    await core.close();
    d.remove();
  });
  const enrollAt = (storeUrl: string) => core.call('sync:enroll', { storeUrl, code: 'ABCD-EFGH', deviceName: 'Laptop' });
  return { core, calls, enrollAt };
}

const message = (env: Awaited<ReturnType<Core['call']>>) => (env.ok ? null : env.error.message);

describe('sync:enroll', () => {
  it('links over https, creates the local user and profile, and needs no setup', async () => {
    const a = app();
    expect((await a.core.call('sync:status', {})).ok && (await a.core.call('sync:status', {}))).toMatchObject({ value: { state: 'not_enrolled' } });
    const env = await a.enrollAt('https://store.example/');
    expect(env).toMatchObject({ ok: true, value: { storeUrl: 'https://store.example', associationName: 'SWV Kust', deviceName: 'Laptop', insecure: false } });
    expect(a.calls).toEqual(['enroll https://store.example/']);
    expect(await a.core.call('setup:status', {})).toMatchObject({ value: { profile: { userId: USER, name: 'Anna de Vries', role: 'consulent', associationName: 'SWV Kust' } } });
    // The token is kept in the encrypted database's settings.
    expect(a.core.local!.sqlite.prepare(`SELECT value FROM settings WHERE key = 'sync.device'`).pluck().get()).toContain('x'.repeat(43));
    expect(message(await a.enrollAt('https://store.example'))).toBe('Dit apparaat is al gekoppeld met een samenwerkingsverband.');
  });

  it('allows plain http to loopback without asking; elsewhere only when the store allows it (then insecure)', async () => {
    const loop = app();
    expect((await loop.enrollAt('http://127.0.0.7:8080')).ok).toBe(true);
    expect(loop.calls).toEqual(['enroll http://127.0.0.7:8080']);
    const refused = app();
    expect(message(await refused.enrollAt('http://store.school.lan'))).toMatch(/geen beveiligde verbinding/);
    expect(refused.calls).toEqual(['health http://store.school.lan']);
    const allowed = app({ allowInsecureHttp: true });
    expect(await allowed.enrollAt('http://store.school.lan')).toMatchObject({ ok: true, value: { insecure: true } });
  });

  it('refuses when the local database holds data (the demo); the demo is never captured', async () => {
    const a = app();
    expect((await a.core.call('setup:loadDemo', { dossiers: 5 })).ok).toBe(true);
    expect(a.core.local!.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(message(await a.enrollAt('https://store.example'))).toMatch(/Koppelen kan alleen met een lege lokale database/);
    expect(a.calls).toEqual([]);
  });

  it.each([
    ['bad_request', /koppelcode is onjuist/], ['rate_limited', /Te veel pogingen/], ['offline', /niet bereikbaar/],
  ] as const)('maps an enrolment failure (%s) to a Dutch message', async (code, text) => {
    const a = app({}, async () => {
      throw new TransportError(code);
    });
    expect(message(await a.enrollAt('https://store.example'))).toMatch(text);
    expect((await a.core.call('sync:status', {}))).toMatchObject({ value: { state: 'not_enrolled' } });
  });

  it('syncs automatically after enrolment, backs off while offline, and close() waits for a running round', async () => {
    const d = tempDir();
    let pulls = 0;
    let release: () => void = () => {};
    const t = stubTransport({
      enroll: async () => reply,
      push: async () => ({ results: [] }),
      pull: () => {
        pulls++;
        return new Promise((_, reject) => (release = () => reject(new TransportError('offline'))));
      },
      reserveTlvNumbers: offline,
    });
    const core = createCore({ dataDir: d.dir, migrationsFolder: MIGRATIONS, dataKey: randomBytes(32), log: () => {}, syncIntervalMs: 20, syncTransport: () => t });
    await core.call('sync:enroll', { storeUrl: 'https://s.example', code: 'ABCD-EFGH', deviceName: 'L' });
    await new Promise((r) => setTimeout(r, 30));
    expect(pulls).toBe(1);
    expect((await core.call('sync:status', {})).ok && core.sync!.status().state).toBe('syncing');
    let closed = false;
    const closing = core.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(closed).toBe(true);
    d.remove();
  });
});
