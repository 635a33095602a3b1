// Corrections of a finalised verslag: new version, old one readable and superseded, the list shows
// only the latest version, and the action items follow the latest finalised version.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/contract/index.js';
import { inputOf, mdoDossier, mdoInput, READY } from '../helpers/mdo-fixtures.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';

let t: TestCore;
let d: Dossier;
let clock: number;
const consent = () => [{ parentId: d.parents.find((p) => p.gezag)!.id, besluit: 'instemming' as const, datum: '2026-11-02', wijze: 'schriftelijk' as const }];

beforeEach(async () => {
  clock = Date.parse('2026-11-02T13:32:00Z');
  t = tempCore({ now: () => new Date((clock += 1000)) });
  await t.call('setup:complete', { name: 'Consulent Test', role: 'consulent', associationName: 'SWV Test' });
  d = await mdoDossier(t);
});
afterEach(() => t.dispose());

async function finalised(over: object = {}) {
  const m = await t.call('mdo:create', {
    dossierId: d.id,
    mdo: mdoInput({ ...READY, afspraken: [{ wat: 'Observatie', wie: 'IB', wanneer: '' }, { wat: 'Huisbezoek', wie: 'J&G', wanneer: '' }], ...over }),
  });
  return t.call('mdo:finalise', { id: m.id, baseRevision: 1, presentAttendeeIds: [], consent: consent() });
}

describe('mdo: corrections and versions', () => {
  it('correct makes a new concept version; the old one stays readable and superseded', async () => {
    const v1 = await finalised({ zorgen: 'Oorspronkelijk' });
    const v2 = await t.call('mdo:correct', { id: v1.id, reason: 'Datum afspraak verkeerd' });
    expect(v2).toMatchObject({ version: 2, status: 'concept', correctieReden: 'Datum afspraak verkeerd', zorgen: 'Oorspronkelijk', consent: [] });
    expect(v2.afspraken.map((a) => a.id)).toEqual(v1.afspraken.map((a) => a.id));
    const old = await t.call('mdo:get', { id: v1.id });
    expect(old).toMatchObject({ status: 'vastgesteld', supersededBy: v2.id, zorgen: 'Oorspronkelijk' });
    expect(old.versions.map((v) => [v.version, v.status])).toEqual([[1, 'vastgesteld'], [2, 'concept']]);
    expect(v2.versions.map((v) => v.id)).toEqual([v1.id, v2.id]);

    const again = await t.raw('mdo:correct', { id: v1.id, reason: 'Nog eens' });
    expect(!again.ok && again.error.message).toMatch(/nieuwere versie/);
    const saveOld = await t.raw('mdo:save', { id: v1.id, baseRevision: old.revision, mdo: inputOf(old) });
    expect(!saveOld.ok && saveOld.error.code).toBe('conflict');
    const correctConcept = await t.raw('mdo:correct', { id: v2.id, reason: 'x' });
    expect(!correctConcept.ok && correctConcept.error.code).toBe('bad_request');

    const list = await t.call('mdo:list', { dossierId: d.id });
    expect(list.map((r) => [r.id, r.version])).toEqual([[v2.id, 2]]);
    const timeline = (await t.call('dossiers:get', { id: d.id })).timeline;
    expect(timeline.find((e) => e.type === 'mdo_corrected')!.refId).toBe(v2.id);
  });

  it('finalising a correction re-points kept afspraken (status kept) and lets dropped open ones lapse', async () => {
    const v1 = await finalised();
    const before = await t.call('actions:list', { dossierId: d.id });
    await t.call('actions:setStatus', { id: before[0]!.id, status: 'gedaan' });
    const v2 = await t.call('mdo:correct', { id: v1.id, reason: 'Huisbezoek vervalt' });
    // While the correction is a concept, the actions of version 1 stay the dossier's actions.
    expect((await t.call('actions:list', { dossierId: d.id })).map((a) => a.mdoId)).toEqual([v1.id, v1.id]);
    const edited = { ...inputOf(v2), afspraken: [{ ...v2.afspraken[0]!, wie: 'Leerkracht' }, { wat: 'Nieuwe afspraak', wie: '', wanneer: '' }] };
    const saved = await t.call('mdo:save', { id: v2.id, baseRevision: 1, mdo: edited });
    await t.call('mdo:finalise', { id: v2.id, baseRevision: saved.revision, presentAttendeeIds: [], consent: consent() });
    const after = await t.call('actions:list', { dossierId: d.id });
    expect(after.map((a) => [a.wat, a.wie, a.status, a.mdoId])).toEqual([
      ['Observatie', 'Leerkracht', 'gedaan', v2.id], ['Nieuwe afspraak', '', 'open', v2.id],
    ]);
    const dropped = t.core.local!.sqlite.prepare("SELECT status FROM dossier_actions WHERE wat = 'Huisbezoek'").pluck().get();
    expect(dropped).toBe('vervallen');
    const timeline = (await t.call('dossiers:get', { id: d.id })).timeline;
    expect(timeline.filter((e) => e.type === 'consent').map((e) => e.refId).sort()).toEqual([v1.id, v2.id].sort());
  });

  it('lists the latest version of each MDO, newest datum first', async () => {
    const a = await finalised({ datum: '2026-09-01' });
    const b = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput({ datum: '2026-12-01' }) });
    const a2 = await t.call('mdo:correct', { id: a.id, reason: 'Typfout' });
    const list = await t.call('mdo:list', { dossierId: d.id });
    expect(list.map((r) => [r.id, r.datum, r.version, r.afspraken])).toEqual([[b.id, '2026-12-01', 1, 0], [a2.id, '2026-09-01', 2, 2]]);
  });
});
