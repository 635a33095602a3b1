import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/contract/index.js';
import { mdoDossier, mdoInput, READY } from '../helpers/mdo-fixtures.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';
import { arrInput, arrSetup } from './arrangements.fixtures.js';

let t: TestCore;
let clock: number;
let d: Dossier;
let werkgebiedId: string;

beforeEach(async () => {
  clock = Date.parse('2026-11-02T13:00:00Z');
  t = tempCore({ now: () => new Date(clock) });
  const s = await arrSetup(t);
  d = s.dossier;
  werkgebiedId = s.werkgebiedId;
});
afterEach(() => t.dispose());

async function finalisedMdo(dossier: Dossier, over: Parameters<typeof mdoInput>[0]) {
  const m = await t.call('mdo:create', { dossierId: dossier.id, mdo: mdoInput({ ...READY, ...over }) });
  const consent = [{ parentId: dossier.parents.find((p) => p.gezag)!.id, besluit: 'instemming' as const, datum: m.datum, wijze: 'mondeling_mdo' as const }];
  return t.call('mdo:finalise', { id: m.id, baseRevision: 1, presentAttendeeIds: [m.attendees[0]!.id], consent });
}

describe('termijnen', () => {
  it('lists arrangement and MDO evaluations, afspraken, and the TLV decision for a fixed today, per werkgebied', async () => {
    const m = await finalisedMdo(d, { evaluatiedatum: '2027-02-01', afspraken: [{ wat: 'Observatie', wie: 'IB', wanneer: '2027-01-25' }] });
    const ids = { werkgebiedId, schoolId: d.schoolId, dossierId: d.id };
    const a = await t.call('arrangements:create', { arrangement: arrInput(ids, { evaluationDates: ['2027-02-10'] }) });
    let cur = a;
    for (const to of ['ingediend', 'toegekend', 'lopend'] as const) cur = await t.call('arrangements:transition', { id: a.id, baseRevision: cur.revision, to, note: '' });
    const tlv = await t.call('tlv:create', { dossierId: d.id });
    // The completeness path is covered in tlv.test.ts; here only the clock matters.
    t.core.local!.sqlite.prepare("UPDATE tlv_applications SET status = 'compleet', complete_at = '2027-01-10T09:00:00.000Z' WHERE id = ?").run(tlv.id);
    // A dossier in another werkgebied with an MDO evaluation of its own.
    const other = await mdoDossier(t);
    await finalisedMdo(other, { evaluatiedatum: '2027-01-30' });

    clock = Date.parse('2027-01-20T08:00:00Z');
    const mine = await t.call('termijnen:list', { werkgebiedId });
    expect(mine.today).toBe('2027-01-20');
    expect(mine.items.map((i) => [i.kind, i.refId, i.due, i.daysLeft, i.severity])).toEqual([
      ['action_due', expect.any(String), '2027-01-25', 5, 'soon'],
      ['mdo_evaluation', m.id, '2027-02-01', 12, 'soon'],
      ['arr_evaluation', a.id, '2027-02-10', 21, 'later'],
      ['tlv_decision', tlv.id, '2027-02-21', 32, 'later'],
    ]);
    expect(mine.items.every((i) => i.dossierName === 'Eefje Öztürk' && i.labelKey === `enums.termijn.${i.kind}`)).toBe(true);
    expect((await t.call('termijnen:list', {})).items).toHaveLength(5);
    expect((await t.call('termijnen:list', { dossierId: other.id })).items.map((i) => i.kind)).toEqual(['mdo_evaluation']);

    // A later finalised MDO evaluates the earlier one.
    clock = Date.parse('2027-01-21T08:00:00Z');
    await finalisedMdo(d, { datum: '2027-01-21', evaluatiedatum: '2027-06-01' });
    const after = await t.call('termijnen:list', { dossierId: d.id });
    expect(after.items.map((i) => i.kind)).not.toContain('mdo_evaluation');
  });
});
