// What the PDF handlers hand to the renderers (mocked here): the praatpapier gets the actions of the
// dossier's other finalised MDOs with their current status and the latest finished kindgesprek.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PraatpapierData, VerslagData } from '../../core/pdf/types.js';
import { mdoDossier, mdoInput, READY } from '../helpers/mdo-fixtures.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';

const seen = vi.hoisted(() => ({ praat: [] as unknown[], verslag: [] as unknown[], ctx: [] as unknown[] }));
vi.mock('../../core/pdf/index.js', () => {
  const pdf = { bytes: Buffer.from('%PDF-1.7 test'), pages: 1 };
  return {
    renderVerslag: async (data: unknown, ctx: unknown) => (seen.verslag.push(data), seen.ctx.push(ctx), pdf),
    renderPraatpapier: async (data: unknown) => (seen.praat.push(data), pdf),
    renderKindgesprekKind: async () => pdf,
    renderKindgesprekProfessional: async () => pdf,
  };
});

let t: TestCore;
beforeEach(async () => {
  t = tempCore({ now: () => new Date('2026-11-02T13:32:00Z') });
  await t.call('setup:complete', { name: 'Consulent Test', role: 'consulent', associationName: 'SWV Test' });
});
afterEach(() => t.dispose());

describe('pdf data gathering', () => {
  it('gives the praatpapier previous actions with their status and the latest finished kindgesprek', async () => {
    const d = await mdoDossier(t);
    const consent = [{ parentId: d.parents.find((p) => p.gezag)!.id, besluit: 'nog_niet_gevraagd' as const, datum: '', wijze: null }];
    const old = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput({ ...READY, datum: '2026-06-01', afspraken: [{ wat: 'Observatie', wie: 'IB', wanneer: '' }] }) });
    await t.call('mdo:finalise', { id: old.id, baseRevision: 1, presentAttendeeIds: [], consent });
    const [action] = await t.call('actions:list', { dossierId: d.id });
    await t.call('actions:setStatus', { id: action!.id, status: 'gedaan' });
    const draft = await t.call('kindgesprek:create', { dossierId: d.id });
    const finished = await t.call('kindgesprek:create', { dossierId: d.id });
    await t.call('kindgesprek:finish', { id: finished.id, baseRevision: 1 });
    expect(draft.status).toBe('concept');

    const next = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput({ afspraken: [{ wat: 'Nieuw', wie: '', wanneer: '' }] }) });
    await t.call('mdo:pdf', { id: next.id, document: 'praatpapier' });
    const data = seen.praat.at(-1) as PraatpapierData;
    expect(data.mdo.id).toBe(next.id);
    expect(data.dossier.id).toBe(d.id);
    expect(data.previousActions.map((a) => [a.wat, a.status, a.mdoId])).toEqual([['Observatie', 'gedaan', old.id]]);
    expect(data.latestKindgesprek?.id).toBe(finished.id);

    await t.call('mdo:pdf', { id: old.id, document: 'verslag' });
    expect((seen.verslag.at(-1) as VerslagData).mdo.consent[0]!.parentName).toBe('Ayşe Öztürk');
    expect(seen.ctx.at(-1)).toMatchObject({ associationName: 'SWV Test', fontsDir: expect.stringMatching(/resources[\\/]fonts$/) });
  });
});
