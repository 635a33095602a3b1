// The school role's scope in the app (defence in depth): a school user only lists, searches and opens the
// dossiers of their own school, even when other schools' dossiers are present in the local database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsRepo } from '../../db/repos/settings.js';
import { enrolledEngine, SCHOOL, stubTransport, testDb, WG } from '../../db/sync/test-db.js';
import type { Dossier } from '../../shared/contract/index.js';
import { actAs, markLinked, setUpAs } from '../helpers/roles.js';
import { dossierInput, tempCore, type TestCore } from '../helpers/temp-core.js';

let t: TestCore;
let a: Dossier; // at school A (the installation's first school)
let b: Dossier; // at school B
beforeEach(async () => {
  t = tempCore();
  await setUpAs(t, 'school');
  // Rows of two schools, made by a consultant (as the store or an earlier use could leave them).
  actAs(t, 'consulent');
  const wg = await t.call('werkgebieden:save', { name: 'Noord' });
  const schoolA = await t.call('schools:save', { name: 'OBS De Vlinder', brin: '01AB', place: 'Alkmaar', werkgebiedId: wg.id });
  const schoolB = await t.call('schools:save', { name: 'CBS Het Anker', brin: '02CD', place: 'Heiloo', werkgebiedId: wg.id });
  a = await t.call('dossiers:create', dossierInput(schoolA.id, { voornaam: 'Anna', achternaam: 'Vlinder' }));
  b = await t.call('dossiers:create', dossierInput(schoolB.id, { voornaam: 'Bram', achternaam: 'Anker' }));
  actAs(t, 'school');
});
afterEach(() => t.dispose());

const names = async (query?: string) => (await t.call('dossiers:list', query ? { query } : {})).rows.map((r) => r.name);
const getCode = async (id: string) => {
  const env = await t.raw('dossiers:get', { id });
  return env.ok ? 'ok' : env.error.code;
};

describe('school scope', () => {
  it('standalone: the school user sees only the first school of the installation', async () => {
    expect(await names()).toEqual(['Anna Vlinder']);
    expect((await t.call('dossiers:list', {})).total).toBe(1);
    expect(await names('Bram')).toEqual([]);
    expect(await names('Anker')).toEqual([]);
    expect(await names('Anna')).toEqual(['Anna Vlinder']);
    expect(await names()).toEqual(['Anna Vlinder']);
    expect(await t.call('dossiers:list', { schoolId: b.schoolId })).toMatchObject({ total: 0, rows: [] });
    expect(await getCode(a.id)).toBe('ok');
    expect(await getCode(b.id)).toBe('not_found');
    // Writing is kept to the own school too.
    expect(await t.raw('dossiers:update', { id: b.id, baseVersion: b.version, dossier: dossierInput(b.schoolId) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.raw('dossiers:create', dossierInput(b.schoolId))).toMatchObject({
      ok: false, error: { code: 'validation', fields: [{ path: 'schoolId', key: 'school_out_of_scope' }] },
    });
    expect((await t.raw('dossiers:create', dossierInput(a.schoolId))).ok).toBe(true);
  });

  it('linked: the school the store names in its scope, nothing before the first pull', async () => {
    markLinked(t, { role: 'school', schoolId: b.schoolId });
    expect(await names()).toEqual(['Bram Anker']);
    expect(await names('Anna')).toEqual([]);
    expect(await getCode(a.id)).toBe('not_found');
    expect(await getCode(b.id)).toBe('ok');
    markLinked(t, { role: 'school', schoolId: null });
    expect(await names()).toEqual([]);
    expect(await getCode(b.id)).toBe('not_found');
  });

  it('other roles are not limited by school in the app (the store scopes what they receive)', async () => {
    for (const role of ['consulent', 'secretaris'] as const) {
      actAs(t, role);
      expect((await names()).sort(), role).toEqual(['Anna Vlinder', 'Bram Anker']);
      expect(await getCode(b.id), role).toBe('ok');
    }
  });
});

describe('the school scope comes from the store', () => {
  it('a pull page stores the user’s scope; the school filter follows it', async () => {
    const local = testDb();
    try {
      const settings = settingsRepo(local.sqlite);
      settings.createUser('u1', 'Juf Anna', 'school', 't');
      settings.setProfile('u1', 'SWV');
      const engine = enrolledEngine(local, stubTransport({
        push: async () => ({ results: [] }),
        pull: async () => ({ changes: [], cursor: 0, more: false, head: 0, scope: { epoch: 1, role: 'school', werkgebiedIds: [WG], schoolId: SCHOOL } }),
      }));
      expect(settings.schoolScope()).toEqual([]); // linked, nothing pulled yet: fail closed
      await engine.syncOnce();
      expect(settings.schoolScope()).toEqual([SCHOOL]);
    } finally {
      local.remove();
    }
  });
});
