import { describe, expect, it } from 'vitest';
import { dossierInput } from '../../helpers/temp-core.js';
import { useSyncWorld } from './harness.js';

const world = useSyncWorld();

describe('sync between apps through one store', () => {
  it('A creates a dossier offline, syncs; B of the same werkgebied sees it, C of another never does', async () => {
    const w = await world();
    const a = await w.consulent('Anna', 'noord');
    const b = await w.consulent('Bram', 'noord');
    const c = await w.consulent('Cas', 'zuid');
    expect((await a.call('sync:status', {})).state).toBe('idle');
    expect((await a.call('setup:status', {})).profile).toMatchObject({ userId: a.userId, name: 'Anna', associationName: 'SWV Kust' });
    // Reference data came with the first round.
    expect((await a.call('schools:list', {})).map((s) => s.id).sort()).toEqual([w.schools.noord, w.schools.zuid].sort());

    a.faults.offline = true;
    const d = await a.call('dossiers:create', dossierInput(w.schools.noord, {
      notes: 'Eerste notitie', parents: [{ name: 'Ma', relation: 'moeder', gezag: true, phone: '', email: '' }],
    }));
    await expect(a.sync()).rejects.toMatchObject({ code: 'offline' });
    expect(await a.call('sync:status', {})).toMatchObject({ state: 'offline', errorKey: 'errors.sync_offline' });
    expect((await a.call('sync:status', {})).pending).toBeGreaterThan(0);
    a.faults.offline = false;
    await a.sync();
    expect((await a.call('sync:status', {})).pending).toBe(0);
    expect(a.core.sync!.outcomes().every((o) => o.status === 'applied')).toBe(true);

    await b.sync();
    const seen = await b.call('dossiers:get', { id: d.id });
    expect(seen).toMatchObject({ voornaam: 'Eefje', notes: 'Eerste notitie', parents: [{ name: 'Ma', gezag: true }] });
    await c.sync();
    expect((await c.raw('dossiers:get', { id: d.id })).ok).toBe(false);
    expect(c.sql('SELECT id FROM dossier_parents')).toEqual([]);
  });
});
