// The meeting pack renderer on plain data (no database): attachments of every kind (PDF pages, PNG and
// JPEG pages, DOCX/ODT, encrypted, damaged and not-yet-synced files as placeholders), the final page
// numbering, progress, bookmarks and metadata. The contract path is tested in tests/integration.
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackCase, PackMeeting } from '../../db/repos/commission-pack-data.js';
import { renderCommissionPack, type PackInput } from './commission-pack.js';
import { brokenPdf, encryptedPdf, gradientPng, greyJpeg, markerPdf } from './commission-fixtures.js';
import { pdfContext } from './fixtures.js';
import { flat, hasPoppler, pdfInfo, pdfText } from './poppler.js';
import { readOutline } from './pdf-assemble.js';

const ctx = pdfContext();
const id = (n: number) => `0190a5b2-0000-7000-8000-${String(n).padStart(12, '0')}`;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';
const emptyAdvice = { name: '', discipline: '', date: '', advice: '', attachmentId: null };

function tlvCase(files: { id: string; name: string; mediaType: string }[]): PackCase {
  return {
    itemId: id(1), position: 0, subjectType: 'tlv', subjectId: id(2), minutes: 30, guests: [], checks: {}, decision: null,
    pupil: {
      dossierId: id(3), voornaam: 'Noëlle', tussenvoegsel: '', achternaam: 'Yılmaz', geboortedatum: '2016-03-04', groep: 'g6',
      schoolName: 'OBS De Zeester', schoolPlace: 'Castricum', werkgebiedName: 'Duinstreek', parents: [{ name: 'Emre Yılmaz', relation: 'vader', gezag: true }],
      involved: [],
    },
    tlv: {
      status: 'ingediend', tlvNumber: '', requiredDocuments: ['onderwijskundig_rapport'],
      body: {
        type: 'so', kind: 'herbeoordeling', receivingSchool: 'SO De Brug', category: 'hoog', periodStart: '2026-11-01', periodEnd: '2027-07-31',
        documents: [{ key: 'onderwijskundig_rapport', attachmentIds: files.map((f) => f.id), date: '2026-09-01', note: '' }],
        parentsView: 'Emre Yılmaz is het eens.', consent: { besluit: 'instemming', datum: '2026-09-30', byName: 'Emre Yılmaz' },
        childView: 'Noëlle wil naar De Brug.', advices: [emptyAdvice, emptyAdvice], previousTlvNumber: '', toelichting: '',
      },
    },
    arrangement: null,
    history: { arrangements: [], events: [] },
    attachments: files.map((f) => ({ ...f, sizeBytes: 1 })),
  };
}

function meeting(cases: PackCase[]): PackMeeting {
  return {
    id: id(9), datum: '2026-11-17', tijd: '13:00', locatie: '', online: true, link: 'https://meet.example.nl/ctv', members: [{ name: 'Drs. K. Voorzitter', role: 'voorzitter' }],
    notulen: '', notulenStatus: 'concept', vastgesteldAt: null, vastgesteldByName: '', cases,
  };
}

const settings: PackInput['settings'] = {
  rules: { requireParentsView: true, requireConsent: true, requireChildView: true, oppMaxAgeMonths: 0 },
  categories: [{ key: 'hoog', label: 'Hoog (categorie 3)' }], extraDocuments: [], memberRoles: [],
};

describe.skipIf(!hasPoppler)('meeting pack: attachments of every kind', () => {
  const files = [
    { id: id(11), name: 'rapport.pdf', mediaType: 'application/pdf' },
    { id: id(12), name: 'tekening.png', mediaType: 'image/png' },
    { id: id(13), name: 'foto.jpg', mediaType: 'image/jpeg' },
    { id: id(14), name: 'plan.docx', mediaType: DOCX },
    { id: id(15), name: 'plan.odt', mediaType: ODT },
    { id: id(16), name: 'beveiligd.pdf', mediaType: 'application/pdf' },
    { id: id(17), name: 'kapot.pdf', mediaType: 'application/pdf' },
    { id: id(18), name: 'onderweg.pdf', mediaType: 'application/pdf' },
  ];
  let bytes: Buffer;
  let pages: string[];
  const progress: [number, number][] = [];

  beforeAll(async () => {
    const content = new Map<string, Buffer>([
      [id(11), await markerPdf('RAPPORTMARKER', 3, ctx.fontsDir)], [id(12), gradientPng(120, 80)], [id(13), greyJpeg(64, 128)],
      [id(14), Buffer.from('PK docx')], [id(15), Buffer.from('PK odt')], [id(16), await encryptedPdf()], [id(17), brokenPdf()],
    ]);
    const out = await renderCommissionPack({
      meeting: meeting([tlvCase(files)]), variant: 'volledig', settings, budgets: new Map(), today: '2026-11-10',
      attachmentBytes: (x) => content.get(x) ?? Buffer.alloc(0), onProgress: (d, t) => progress.push([d, t]),
    }, ctx);
    bytes = out.bytes;
    pages = pdfText(bytes).split('\f').slice(0, -1);
    expect(pages).toHaveLength(out.pages);
  });

  it('reports progress: cover and agenda, each case, assembled', () => {
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('copies PDF pages, puts PNG and JPEG each on a page, and a placeholder for everything else', () => {
    const text = flat(pages.join('\n'));
    for (let p = 1; p <= 3; p++) expect(text).toContain(`RAPPORTMARKER pagina ${p}`);
    expect(text.match(/Bijlage niet opgenomen/g)).toHaveLength(5);
    expect(text).toContain('Dit bestand (Word) kan niet in het vergaderstuk worden opgenomen. Open het in Veldwerk bij de aanvraag.');
    expect(text).toContain('Dit bestand (OpenDocument) kan niet');
    expect(text.match(/kon niet worden gelezen \(beschadigd of beveiligd\)/g)).toHaveLength(2);
    expect(text).toContain('nog niet op dit apparaat binnengekomen');
    // cover, agenda, summary (1+ pages), 3 + 1 + 1 attachment pages, 5 placeholders
    expect(pages.length).toBeGreaterThanOrEqual(2 + 1 + 5 + 5);
  });

  it('numbers the own pages by their place in the final document; attachment pages carry no footer', () => {
    const total = pages.length;
    pages.forEach((page, i) => {
      const own = !page.includes('RAPPORTMARKER') && page.trim() !== '';
      if (own) expect(page).toContain(`Pagina ${i + 1} van ${total}`);
      else expect(page).not.toMatch(/Pagina \d+ van/);
    });
    expect(pages[1]).toContain('Agenda');
  });

  it('writes bookmarks for cover, agenda, the case with its summary and every attachment', async () => {
    const outline = readOutline(await PDFDocument.load(bytes));
    expect(outline.map((o) => o.title)).toEqual(['Voorblad', 'Agenda', 'Casus 1 — Noëlle Yılmaz']);
    expect(outline[2]!.children.map((c) => c.title)).toEqual([
      'Samenvatting', ...files.map((f) => `Bijlage: Onderwijskundig rapport (${f.name})`),
    ]);
    const pagesOf = outline[2]!.children.map((c) => c.page);
    expect(pagesOf).toEqual([...pagesOf].sort((a, b) => a - b));
    expect(pages[pagesOf[1]!]).toContain('RAPPORTMARKER pagina 1');
  });

  it('has metadata without the pupil and the meeting online', () => {
    const info = pdfInfo(bytes);
    expect(info.Title).toBe('Vergaderstuk commissie 17 november 2026 · Volledige versie (alleen voor de leden)');
    expect(info.Author).toBe(ctx.associationName);
    expect(info.Producer).toBe('Veldwerk');
    expect(pages[0]).toContain('Online vergadering · https://meet.example.nl/ctv');
    expect(pages[1]).toMatch(/13:00\s+Casus 1 — Noëlle Yılmaz/);
  });
});

describe.skipIf(!hasPoppler)('meeting pack: pseudonymised', () => {
  it('names the pupil by initials, leaves attachments out and lists only their types', async () => {
    const files = [{ id: id(11), name: 'Yilmaz-rapport.pdf', mediaType: 'application/pdf' }];
    const out = await renderCommissionPack({
      meeting: meeting([tlvCase(files)]), variant: 'gepseudonimiseerd', settings, budgets: new Map(), today: '2026-11-10',
      attachmentBytes: () => {
        throw new Error('attachments are not read for the pseudonymised pack');
      },
    }, ctx);
    const text = flat(pdfText(out.bytes));
    expect(text).toContain('Casus 1 — N.Y.');
    expect(text).toContain('[naam] is het eens.');
    expect(text).toContain('N.Y. wil naar De Brug.');
    expect(text).not.toMatch(/Noëlle|Yılmaz|Yilmaz|Emre|4 maart 2016/);
    expect(text).toContain('• Onderwijskundig rapport');
    expect(readOutline(await PDFDocument.load(out.bytes)).map((o) => o.title)).toEqual(['Voorblad', 'Agenda', 'Casus 1 — N.Y.']);
  });

  it('a group arrangement: no pupil, the group, the budget effect; another pupil of the meeting named in it is masked', async () => {
    const group: PackCase = {
      ...tlvCase([]), itemId: id(21), subjectType: 'arrangement', subjectId: id(22), pupil: null, tlv: null,
      arrangement: {
        id: id(22), title: 'Leesgroep met Noëlle', route: 2, pupilScope: 'groep_school', pupilCount: 6, schoolName: 'OBS De Zeester', startDate: '2026-12-01',
        endDate: '2027-06-30', ondersteuningsvraag: 'Zes kinderen, onder wie Noëlle Yılmaz, lezen te langzaam.', goals: [{ id: id(23), wat: 'AVI E5', resultaat: '', wanneer: '' }],
        inzet: [{ id: id(24), type: 'extra_handen', typeOther: '', provider: 'Juf Emre', unit: 'vast', hoursPerWeekCenti: 0, weeks: 0, rateCents: 300_000, costCents: 300_000 }],
        totalCents: 300_000, toelichting: '', consent: [], parentsView: '', childView: '', followUpOf: null,
      } as unknown as PackCase['arrangement'],
    };
    const budget = { yearKey: '2026-2027', before: { allocatedCents: 1_000_000, committedCents: 900_000, remainingCents: 100_000 },
      after: { allocatedCents: 1_000_000, committedCents: 1_200_000, remainingCents: -200_000 }, warnings: ['overspend'] };
    const out = await renderCommissionPack({
      meeting: meeting([tlvCase([]), group]), variant: 'gepseudonimiseerd', settings, budgets: new Map([[id(21), budget]]), today: '2026-11-10',
      attachmentBytes: () => Buffer.alloc(0),
    }, ctx);
    const text = flat(pdfText(out.bytes)).replace(/\u00a0/g, ' ');
    expect(text).toContain('Casus 2 — Leesgroep met N.Y.');
    expect(text).toContain('Leerling: Groep op één school, 6 leerlingen');
    expect(text).toContain('onder wie N.Y., lezen te langzaam');
    expect(text).toContain('Effect op het budget van het werkgebied');
    expect(text).toContain('€ -2.000,00');
    expect(text).toContain('Met deze aanvraag gaat het werkgebied over zijn budget.');
    expect(text).not.toMatch(/Noëlle|Yılmaz/);
  });

  it('an empty agenda still gives a cover and an agenda page', async () => {
    const out = await renderCommissionPack({
      meeting: meeting([]), variant: 'gepseudonimiseerd', settings, budgets: new Map(), today: '2026-11-10', attachmentBytes: () => Buffer.alloc(0),
    }, ctx);
    expect(out.pages).toBe(2);
    expect(flat(pdfText(out.bytes))).toContain('Er staan geen agendapunten op deze vergadering.');
  });
});
