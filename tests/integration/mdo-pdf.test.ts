// The PDF handlers gather the data and return a PDF without the pupil's name in the filename.
// The documents' content is tested by the renderers' own tests (pdftotext).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/contract/index.js';
import { mdoDossier, mdoInput, READY } from '../helpers/mdo-fixtures.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';

let t: TestCore;
let d: Dossier;

beforeEach(async () => {
  t = tempCore({ now: () => new Date('2026-11-02T13:32:00Z') });
  await t.call('setup:complete', { name: 'Consulent Test', role: 'consulent', associationName: 'SWV Test' });
  d = await mdoDossier(t);
});
afterEach(() => t.dispose());

function expectPdf(out: { filename: string; base64: string; pages: number }, filename: string) {
  expect(out.filename).toBe(filename);
  expect(out.filename).not.toMatch(/Eefje|Öztürk|Ozturk/i);
  expect(Buffer.from(out.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(out.pages).toBeGreaterThanOrEqual(1);
}

describe('mdo:pdf and kindgesprek:pdf', () => {
  it('renders the verslag and the praatpapier of an MDO', async () => {
    const consent = [{ parentId: d.parents.find((p) => p.gezag)!.id, besluit: 'instemming' as const, datum: '2026-11-02', wijze: 'schriftelijk' as const }];
    const first = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput({ ...READY, datum: '2026-09-01', afspraken: [{ wat: 'Observatie', wie: 'IB', wanneer: '' }] }) });
    await t.call('mdo:finalise', { id: first.id, baseRevision: 1, presentAttendeeIds: [], consent });
    const v2 = await t.call('mdo:correct', { id: first.id, reason: 'Typfout' });
    expectPdf(await t.call('mdo:pdf', { id: v2.id, document: 'verslag' }), 'MDO-verslag-2026-09-01-v2.pdf');
    const next = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput() });
    expectPdf(await t.call('mdo:pdf', { id: next.id, document: 'praatpapier' }), 'MDO-praatpapier-2026-11-02.pdf');
    const missing = await t.raw('mdo:pdf', { id: '0190d6a0-0000-7000-8000-000000000000', document: 'verslag' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('renders both versions of a kindgesprek', async () => {
    const k = await t.call('kindgesprek:create', { dossierId: d.id });
    expectPdf(await t.call('kindgesprek:pdf', { id: k.id, version: 'kind' }), 'Kindgesprek-2026-11-02-kind.pdf');
    expectPdf(await t.call('kindgesprek:pdf', { id: k.id, version: 'professional' }), 'Kindgesprek-2026-11-02-professioneel.pdf');
  });
});
