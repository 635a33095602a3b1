import { describe, expect, it } from 'vitest';
import { READY, mdoInput } from '../../helpers/mdo-fixtures.js';
import { dossierInput } from '../../helpers/temp-core.js';
import { arrInput } from '../arrangements.fixtures.js';
import { useSyncWorld } from './harness.js';

const world = useSyncWorld();

describe('documents travel between apps', () => {
  it('MDO (finalised, with actions), kindgesprek, arrangement and TLV arrive complete, with derived data rebuilt', async () => {
    const w = await world();
    const a = await w.consulent('Anna', 'noord');
    const b = await w.consulent('Bram', 'noord');
    const d = await a.call('dossiers:create', dossierInput(w.schools.noord, { parents: [{ name: 'Ma', relation: 'moeder', gezag: true, phone: '', email: '' }] }));
    const kg = await a.call('kindgesprek:create', { dossierId: d.id });
    let m = await a.call('mdo:create', { dossierId: d.id, mdo: mdoInput({ ...READY, afspraken: [{ wat: 'Leesles', wie: 'IB', wanneer: '2026-12-01' }] }) });
    m = await a.call('mdo:finalise', {
      id: m.id, baseRevision: m.revision, presentAttendeeIds: [],
      consent: [{ parentId: d.parents[0]!.id, besluit: 'instemming', datum: '2026-11-02', wijze: 'schriftelijk' }],
    });
    const arrId = (await a.call('arrangements:create', { arrangement: arrInput({ werkgebiedId: w.werkgebieden.noord, schoolId: w.schools.noord, dossierId: d.id }) })).id;
    const tlv = await a.call('tlv:create', { dossierId: d.id });
    await a.sync();
    expect(a.core.sync!.outcomes().filter((o) => o.status !== 'applied')).toEqual([]);

    await b.sync();
    expect(await b.call('mdo:get', { id: m.id })).toMatchObject({ status: 'vastgesteld', afspraken: [{ wat: 'Leesles' }] });
    expect(await b.call('actions:list', { dossierId: d.id })).toMatchObject([{ wat: 'Leesles', status: 'open' }]);
    expect((await b.call('kindgesprek:get', { id: kg.id })).topics).toEqual((await a.call('kindgesprek:get', { id: kg.id })).topics);
    const arr = await b.call('arrangements:get', { id: arrId });
    expect(arr).toMatchObject({ totalCents: 498_750, dossierName: 'Eefje Öztürk' });
    const years = (sql: string) => b.sql(sql);
    expect(years('SELECT year_key, cents FROM arrangement_budget_years ORDER BY year_key'))
      .toEqual(a.sql('SELECT year_key, cents FROM arrangement_budget_years ORDER BY year_key'));
    expect((await b.call('tlv:get', { id: tlv.id })).requiredDocuments).toEqual(tlv.requiredDocuments);
    // B edits the arrangement; A's open editor notices (its revision moved on).
    const onB = await b.call('arrangements:get', { id: arrId });
    await b.call('arrangements:save', { id: arrId, baseRevision: onB.revision, arrangement: arrInput({ werkgebiedId: w.werkgebieden.noord, schoolId: w.schools.noord, dossierId: d.id }, { title: 'Lezen en rekenen' }) });
    await b.sync();
    const before = await a.call('arrangements:get', { id: arrId });
    await a.sync();
    const after = await a.call('arrangements:get', { id: arrId });
    expect(after.title).toBe('Lezen en rekenen');
    expect(after.revision).toBeGreaterThan(before.revision);
    const stale = await a.raw('arrangements:save', { id: arrId, baseRevision: before.revision, arrangement: arrInput({ werkgebiedId: w.werkgebieden.noord, schoolId: w.schools.noord, dossierId: d.id }) });
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
  });
});
