// Decision letters on plain data: each outcome in plain Dutch, the addressee per recipient, the
// bezwaar paragraph with the last day as a date, the signature, and metadata without the pupil.
import { describe, expect, it } from 'vitest';
import type { PackCase } from '../../db/repos/commission-pack-data.js';
import type { DecisionRecord } from '../../shared/contract/commission.js';
import { renderDecisionLetter, type LetterData } from './decision-letter.js';
import { pdfContext } from './fixtures.js';
import { flat, hasPoppler, pdfInfo, pdfText } from './poppler.js';

const ctx = pdfContext();
const id = (n: number) => `0190a5b2-0000-7000-8000-${String(n).padStart(12, '0')}`;
const base: DecisionRecord = {
  decision: 'toegekend', category: 'midden', startDate: '2026-12-01', endDate: '2027-07-31', conditions: 'Herbeoordeling vóór 15 april 2027.',
  reasons: '', needed: '', tlvNumber: 'TLV-2026-0042', decidedAt: '2026-11-17T13:20:00Z', decidedByName: 'Drs. K. Voorzitter', datum: '2026-11-17',
};

function item(decision: DecisionRecord, subjectType: 'tlv' | 'arrangement' = 'tlv'): LetterData['item'] {
  const c: PackCase = {
    itemId: id(1), position: 0, subjectType, subjectId: id(2), minutes: 15, guests: [], checks: {}, decision,
    pupil: {
      dossierId: id(3), voornaam: 'Noëlle', tussenvoegsel: '', achternaam: 'Yılmaz', geboortedatum: '2016-03-04', groep: 'g6', schoolName: 'OBS De Zeester',
      schoolPlace: 'Castricum', werkgebiedName: 'Duinstreek', involved: [],
      parents: [{ name: 'Emre Yılmaz', relation: 'vader', gezag: true }, { name: 'Stiefmoeder', relation: 'anders', gezag: false }],
    },
    tlv: subjectType === 'tlv' ? {
      status: 'toegekend', tlvNumber: decision.tlvNumber, requiredDocuments: [],
      body: { type: 'so', kind: 'eerste_aanvraag', receivingSchool: '', category: 'midden', periodStart: '', periodEnd: '', documents: [], parentsView: '',
        consent: { besluit: 'instemming', datum: '', byName: '' }, childView: '', advices: [{ name: '', discipline: '', date: '', advice: '', attachmentId: null }, { name: '', discipline: '', date: '', advice: '', attachmentId: null }],
        previousTlvNumber: '', toelichting: '' },
    } : null,
    arrangement: subjectType === 'arrangement' ? ({ title: 'Leesondersteuning', totalCents: 498_750, schoolName: 'OBS De Zeester' } as PackCase['arrangement']) : null,
    history: { arrangements: [], events: [] }, attachments: [],
  };
  return { ...c, decision };
}

const letter = async (d: DecisionRecord, recipient: 'school' | 'ouders', subjectType: 'tlv' | 'arrangement' = 'tlv') => {
  const out = await renderDecisionLetter({
    item: item(d, subjectType), recipient, categories: [{ key: 'midden', label: 'Midden (categorie 2)' }], today: '2026-11-20', secretaryName: 'Sanne Secretaris',
    settings: { afzender: 'SWV Duinstreek\nPostbus 1, 1900 AA Castricum', bezwaar: { instantie: 'de Bezwaarcommissie SWV Duinstreek', adres: 'Postbus 2, 1900 AA Castricum', weeks: 6 } },
  }, ctx);
  return { out, text: flat(pdfText(out.bytes)) };
};

describe.skipIf(!hasPoppler)('decision letter', () => {
  it('toegekend TLV to the parents: number, category label, period, conditions, bezwaar until letter date + 6 weeks', async () => {
    const { out, text } = await letter(base, 'ouders');
    expect(text).toContain('Aan de ouders/verzorgers van Noëlle Yılmaz');
    expect(text).toContain('Emre Yılmaz');
    expect(text).not.toContain('Stiefmoeder'); // only the parents with gezag
    expect(text).toContain('Datum: 20 november 2026');
    expect(text).toContain('Betreft: Besluit toelaatbaarheidsverklaring');
    expect(text).toContain('Leerling: Noëlle Yılmaz, geboren 4 maart 2016');
    expect(text).toContain('in haar vergadering van 17 november 2026');
    expect(text).toContain('De commissie kent de toelaatbaarheidsverklaring toe.');
    expect(text).toContain('TLV-nummer: TLV-2026-0042');
    expect(text).toContain('Categorie (bekostigingsniveau): Midden (categorie 2)');
    expect(text).toContain('Geldig: 1 december 2026 t/m 31 juli 2027');
    expect(text).toContain('Herbeoordeling vóór 15 april 2027.');
    expect(text).toContain('bezwaar maken bij de Bezwaarcommissie SWV Duinstreek');
    expect(text).toContain('uiterlijk op 1 januari 2027 binnen'); // 20 November + 42 days
    expect(text).toContain('Adres: Postbus 2, 1900 AA Castricum');
    expect(text).toContain('Sanne Secretaris secretaris, namens de Commissie van Toewijzing');
    expect(pdfInfo(out.bytes).Title).toBe('Besluit commissie 17 november 2026');
  });

  it('afgewezen to the school: the school and its place, the reasons', async () => {
    const { text } = await letter({ ...base, decision: 'afgewezen', tlvNumber: '', reasons: 'Eerst een arrangement op de eigen school.' }, 'school');
    expect(text).toContain('Aan de directie van OBS De Zeester Castricum');
    expect(text).toContain('Geachte directie,');
    expect(text).toContain('De commissie wijst de aanvraag af.');
    expect(text).toContain('Waarom de commissie de aanvraag afwijst Eerst een arrangement op de eigen school.');
    expect(text).not.toContain('TLV-nummer');
    expect(text).toContain('uiterlijk op 1 januari 2027');
  });

  it('aangehouden arrangement: what is needed, the arrangement named', async () => {
    const { text } = await letter({ ...base, decision: 'aangehouden', tlvNumber: '', needed: 'Een handtekening van de ouders.' }, 'ouders', 'arrangement');
    expect(text).toContain('Betreft: Besluit arrangement');
    expect(text).toContain('de aanvraag voor het arrangement "Leesondersteuning" besproken');
    expect(text).toContain('De commissie houdt de aanvraag aan');
    expect(text).toContain('Wat de commissie nog nodig heeft Een handtekening van de ouders.');
  });
});
