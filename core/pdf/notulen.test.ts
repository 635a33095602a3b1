// Notulen on plain data: meeting details, members present with their role labels, per item the pupil
// in full and the decision, the notulen text, and vastgesteld or concept.
import { describe, expect, it } from 'vitest';
import type { PackCase, PackMeeting } from '../../db/repos/commission-pack-data.js';
import { pdfContext } from './fixtures.js';
import { renderNotulen } from './notulen.js';
import { flat, hasPoppler, pdfInfo, pdfText } from './poppler.js';

const ctx = pdfContext();
const id = (n: number) => `0190a5b2-0000-7000-8000-${String(n).padStart(12, '0')}`;

function item(n: number, voornaam: string, decision: PackCase['decision']): PackCase {
  return {
    itemId: id(n), position: n, subjectType: 'arrangement', subjectId: id(100 + n), minutes: 20, guests: [], checks: {}, decision,
    pupil: { dossierId: id(200 + n), voornaam, tussenvoegsel: 'van', achternaam: 'Dam', geboortedatum: '2015-01-01', groep: 'g4', schoolName: 'OBS', schoolPlace: '',
      werkgebiedName: 'W', parents: [], involved: [] },
    tlv: null, arrangement: { followUpOf: null } as PackCase['arrangement'], history: { arrangements: [], events: [] }, attachments: [],
  };
}
const decided = (over: Partial<NonNullable<PackCase['decision']>>): NonNullable<PackCase['decision']> => ({
  decision: 'toegekend', category: '', startDate: '2026-12-01', endDate: '2027-06-30', conditions: '', reasons: '', needed: '', tlvNumber: '',
  decidedAt: '2026-11-17T12:00:00Z', decidedByName: 'X', datum: '2026-11-17', ...over,
});

function meeting(over: Partial<PackMeeting> = {}): PackMeeting {
  return {
    id: id(1), datum: '2026-11-17', tijd: '13:00', locatie: 'Kantoor SWV', online: false, link: '',
    members: [{ name: 'Drs. K. Voorzitter', role: 'voorzitter' }, { name: 'Sanne Secretaris', role: 'secretaris' }],
    notulen: 'De vergadering wordt om 13:00 geopend.\nCasus 2 wordt aangehouden tot januari.', notulenStatus: 'concept', vastgesteldAt: null, vastgesteldByName: '',
    cases: [
      item(1, 'Pieter', decided({ conditions: 'Evaluatie in maart.' })),
      item(2, 'Fleur', decided({ decision: 'aangehouden', startDate: '', endDate: '', needed: 'Een actueel OPP.' })),
      item(3, 'Joep', null),
    ],
    ...over,
  };
}
const roles = [{ key: 'voorzitter', label: 'Voorzitter' }, { key: 'secretaris', label: 'Secretaris (geen stem)' }];

describe.skipIf(!hasPoppler)('notulen', () => {
  it('concept: the notice, members with role labels, decisions per item with the pupil in full, the text', async () => {
    const out = await renderNotulen({ meeting: meeting(), memberRoles: roles, categories: [] }, ctx);
    const text = flat(pdfText(out.bytes));
    const raw = flat(pdfText(out.bytes, 'raw'));
    expect(text).toContain('Notulen Commissie van Toewijzing');
    expect(text).toContain('Concept: deze notulen zijn nog niet vastgesteld.');
    expect(text).toContain('Datum en tijd: 17 november 2026 om 13:00');
    expect(text).toContain('Plaats: Kantoor SWV');
    expect(text).toMatch(/Sanne Secretaris\s+Secretaris \(geen stem\)/);
    expect(raw).toContain('Casus 1 — Pieter van Dam');
    expect(raw).toContain('Toegekend, 1 december 2026 t/m 30 juni 2027');
    expect(raw).toContain('Aangehouden');
    expect(raw).toContain('Nog geen besluit');
    expect(text).toContain('Casus 1: Evaluatie in maart.');
    expect(text).toContain('Casus 2: Een actueel OPP.');
    expect(text).toContain('Casus 2 wordt aangehouden tot januari.');
    expect(text).not.toContain('Vastgesteld op');
    expect(pdfInfo(out.bytes).Title).toBe('Notulen commissie 17 november 2026');
  });

  it('vastgesteld: date and name, no concept notice', async () => {
    const out = await renderNotulen({
      meeting: meeting({ notulenStatus: 'vastgesteld', vastgesteldAt: '2026-11-24T09:15:00Z', vastgesteldByName: 'Sanne Secretaris' }), memberRoles: roles, categories: [],
    }, ctx);
    const text = flat(pdfText(out.bytes));
    expect(text).toContain('Vastgesteld op 24 november 2026 door Sanne Secretaris.');
    expect(text).not.toMatch(/Concept|CONCEPT/);
  });
});
