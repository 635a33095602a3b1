import { beforeAll, describe, expect, it } from 'vitest';
import { arrangementSchema, budgetEffectSchema } from '../../shared/contract/index.js';
import { formatEuro } from '../../shared/domain/money.js';
import { renderArrangement } from './arrangement.js';
import { GOALS, INZET, makeArrangement, makeBudgetEffect, makeEvaluatedArrangement, withCosts } from './arrangement-fixtures.js';
import { id, makeDossier, pdfContext } from './fixtures.js';
import { flat, hasPoppler, pdfInfo, pdfText } from './poppler.js';
import type { RenderedPdf } from './types.js';

const ctx = pdfContext();
const dossier = makeDossier();
const mdo = { id: id(100), datum: '2026-11-12' };
/** pdftotext gives the no-break space of formatEuro back as U+00A0: compare with plain spaces. */
const sp = (s: string) => s.replace(/\u00a0/g, ' ');
const euro = (cents: number) => sp(formatEuro(cents));
const pagesOf = (text: string) => text.split('\f').filter((p) => p.trim());
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('arrangement fixtures', () => {
  it('satisfy the contract schemas and the example sum', () => {
    expect(() => arrangementSchema.parse(makeArrangement())).not.toThrow();
    expect(() => arrangementSchema.parse(makeEvaluatedArrangement())).not.toThrow();
    expect(() => budgetEffectSchema.parse(makeBudgetEffect())).not.toThrow();
    const a = makeArrangement();
    expect(a.inzet.map((l) => l.costCents)).toEqual([498_750, 25_000]); // 2,5 × 38 × 52,50 and the vast amount
    expect(a.totalCents).toBe(523_750);
    expect(euro(a.totalCents)).toBe('€ 5.237,50');
  });
});

describe.skipIf(!hasPoppler)('Arrangementvoorstel (concept, route 1, over a year, budget overspent)', () => {
  const arrangement = makeArrangement({ endDate: '2027-12-31' });
  const data = { arrangement, dossier, budget: makeBudgetEffect(), mdo };
  let pdf: RenderedPdf;
  let text: string;
  let raw: string;

  beforeAll(async () => {
    pdf = await renderArrangement(data, ctx);
    text = sp(pdfText(pdf.bytes));
    raw = flat(sp(pdfText(pdf.bytes, 'raw')));
  });

  it('is a PDF whose page count matches the pages drawn, numbered "Pagina x van N" with the header on each', () => {
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pagesOf(text);
    expect(pages).toHaveLength(pdf.pages);
    pages.forEach((page, i) => {
      expect(page).toContain('Samenwerkingsverband Passend Onderwijs Duinstreek');
      expect(page).toContain('Arrangementvoorstel · Concept');
      expect(page).toContain('Noëlle Yılmaz');
      expect(page).toContain('Geboren 4 maart 2016');
      expect(page).toContain('Openbare Basisschool De Zeester · Groep 6');
      expect(page).toContain(`Pagina ${i + 1} van ${pdf.pages}`);
    });
    expect(text).toContain(`Pagina 1 van ${pdf.pages}`);
  });

  it('says for whom, the route and target labels and the period with the over-a-year warning', () => {
    expect(text).toContain('Leerling: Noëlle Yılmaz');
    expect(text).toContain('Geboortedatum: 4 maart 2016');
    expect(text).toContain('School: Openbare Basisschool De Zeester');
    expect(text).toContain('Groep: Groep 6');
    expect(text).toContain('Route: Route 1 – leerling of groep op één school');
    expect(text).toContain('Gericht op: Kind, Leerkracht');
    expect(text).toContain('Periode: 1 december 2026 t/m 31 december 2027');
    expect(raw).toContain('Let op: deze periode is langer dan een jaar.');
    expect(text).toContain('Concept: dit voorstel is nog niet ingediend.');
    expect(text).not.toMatch(/CONCEPT/); // the watermark is outlines, not text
  });

  it('holds every SMART goal: wat, observeerbaar resultaat and wanneer', () => {
    expect(text).toMatch(/^\s*#\s+Wat\s+Observeerbaar resultaat\s+Wanneer\s*$/m);
    for (const g of GOALS) {
      expect(raw).toContain(flat(g.wat));
      if (g.resultaat) expect(raw).toContain(flat(g.resultaat));
    }
    expect(text).toMatch(/1\s+Doel-A:[^\n]*\s{2,}Ze rondt[^\n]*\s{2,}15-02-2027/);
    expect(text).toMatch(/2\s+Doel-B:[^\n]*\s{2,}01-04-2027/);
  });

  it('lists every inzet line with its cost and a total equal to their sum', () => {
    expect(text).toMatch(/Inclusie-\s+Stichting Samen\s+2,5\s+38\s+€ 52,50 per uur\s+€ 4\.987,50/);
    expect(text).toMatch(/Materialen\s+Rekenrijk\s+—\s+—\s+Vast bedrag\s+€ 250,00/);
    expect(text).toMatch(/^\s*Totaal\s+€ 5\.237,50\s*$/m);
    // Every cost printed (lines and total) parses back: the lines add up to the total, to the cent.
    const cents = (s: string) => Number(s.replace(/[€\s.]/g, '').replace(',', ''));
    const lineCosts = arrangement.inzet.map((l) => euro(l.costCents));
    for (const c of lineCosts) expect(text).toContain(c);
    expect(lineCosts.map(cents).reduce((s, c) => s + c, 0)).toBe(cents('€ 5.237,50'));
    expect(arrangement.totalCents).toBe(523_750);
  });

  it('prints the budget effect with before/after and the warnings as text', () => {
    expect(text).toContain('Effect op het budget');
    expect(text).toContain('Werkgebied Kust · budgetjaar 2026-2027');
    expect(text).toMatch(/Vóór dit voorstel\s+€ 50\.000,00\s+€ 48\.000,00\s+€ 2\.000,00/);
    expect(text).toMatch(/Na dit voorstel\s+€ 50\.000,00\s+€ 53\.237,50\s+€ -3\.237,50/);
    expect(text).toContain('Met deze aanvraag gaat het werkgebied over zijn budget.');
    expect(text).toContain('Deze aanvraag is hoger dan het maximum per arrangement.');
  });

  it('names the MDO it came from, the evaluation moments and the parents’ consent', () => {
    expect(text).toContain('Voortgekomen uit het MDO van 12 november 2026.');
    expect(text).toMatch(/1\.\s+15 februari 2027/);
    expect(text).toMatch(/2\.\s+30 juni 2027/);
    expect(text).toMatch(/Ayşe Yılmaz\s+Instemming\s+12 november 2026\s+Mondeling in het MDO/);
    expect(text).toMatch(/Jörg Şahin\s+Nog niet gevraagd/);
    expect(text).not.toMatch(/\b(pdf|enums)\.\w/);
  });

  it('keeps the pupil (and the free-text title) out of the metadata, and gives the same bytes twice', async () => {
    const info = pdfInfo(pdf.bytes);
    expect(info.Title).toBe('Arrangementvoorstel 1 december 2026');
    expect(info.Title).not.toMatch(/Noëlle|Yılmaz|Rekenondersteuning/);
    expect(info.Author).toBe(ctx.associationName);
    expect(pdf.bytes.toString('latin1')).not.toContain('Noëlle');
    const again = await renderArrangement(data, ctx);
    expect(again.bytes.equals(pdf.bytes)).toBe(true);
  });
});

describe.skipIf(!hasPoppler)('Arrangementvoorstel variants', () => {
  it('within a year and without budget: no warning, no budget block, the MDO link without its date', async () => {
    const pdf = await renderArrangement({ arrangement: makeArrangement(), dossier, budget: null }, ctx);
    const text = sp(pdfText(pdf.bytes));
    expect(text).not.toContain('langer dan een jaar');
    expect(text).not.toContain('Effect op het budget');
    expect(text).toContain('Voortgekomen uit een MDO.');
  });

  it('a budget that fits says so', async () => {
    const budget = makeBudgetEffect({
      before: { allocatedCents: 5_000_000, committedCents: 1_000_000, remainingCents: 4_000_000 },
      after: { allocatedCents: 5_000_000, committedCents: 1_523_750, remainingCents: 3_476_250 },
      warnings: [],
    });
    const text = sp(pdfText((await renderArrangement({ arrangement: makeArrangement(), dossier, budget }, ctx)).bytes));
    expect(text).toContain('Het voorstel past binnen het budget van het werkgebied.');
    expect(text).toMatch(/Na dit voorstel\s+€ 50\.000,00\s+€ 15\.237,50\s+€ 34\.762,50/);
    expect(text).not.toContain('over zijn budget');
  });

  it('route 2: the group and the pupils involved instead of one pupil', async () => {
    const arrangement = makeArrangement({
      route: 2, dossierId: null, schoolId: null, schoolName: '', dossierName: '', pupilScope: 'groep_werkgebied',
      targets: ['team', 'groep'], pupilCount: 14, mdoId: null,
      pupils: [
        { dossierId: null, schoolId: id(2), label: 'OBS De Zeester: 6 leerlingen groep 7' },
        { dossierId: null, schoolId: id(20), label: 'CBS Het Anker: 8 leerlingen groep 7' },
      ],
    });
    expect(() => arrangementSchema.parse(arrangement)).not.toThrow();
    const pdf = await renderArrangement({ arrangement, dossier: null, budget: null }, ctx);
    const text = sp(pdfText(pdf.bytes));
    const raw = flat(pdfText(pdf.bytes, 'raw'));
    expect(text).toContain('Route: Route 2 – groep over scholen in het werkgebied');
    expect(text).toContain('Gericht op: Team, Groep');
    expect(text).toContain('Leerlingen: Groep over scholen van het werkgebied');
    expect(text).toContain('Aantal leerlingen: 14');
    expect(raw).toContain('OBS De Zeester: 6 leerlingen groep 7; CBS Het Anker: 8 leerlingen groep 7');
    expect(text).not.toContain('Noëlle Yılmaz');
    expect(text).not.toContain('Herkomst');
  });

  it('route 3: "Innovatieproject (route 3)"', async () => {
    const arrangement = makeArrangement({
      route: 3, dossierId: null, dossierName: '', pupilScope: 'groep_school', pupils: [], pupilCount: 0, targets: ['team'], mdoId: null,
    });
    const text = sp(pdfText((await renderArrangement({ arrangement, dossier: null, budget: null }, ctx)).bytes));
    expect(text.match(/Innovatieproject \(route 3\)/g)?.length).toBeGreaterThanOrEqual(2); // header and body
    expect(text).toContain('Route: Route 3 – innovatieproject');
    expect(text).toContain('Gericht op: Team');
  });

  it('evaluated: the decision and the result per goal with toelichting, no concept mark', async () => {
    const pdf = await renderArrangement({ arrangement: makeEvaluatedArrangement(), dossier, budget: null, mdo }, ctx);
    const text = sp(pdfText(pdf.bytes));
    expect(text).toContain('Arrangementvoorstel · Geëvalueerd');
    expect(text).not.toContain('Concept');
    expect(text).toContain('Toegekend op 27 november 2026');
    expect(flat(text)).toContain('Toelichting bij het besluit: Toegekend onder voorwaarde van een tussenevaluatie in februari.');
    expect(text).toContain('Geëvalueerd op 1 juli 2027 door Mariëlle Jansen.');
    expect(text).toMatch(/1\s+Doel-A:[^\n]*Behaald\s+Toelichting-A/);
    expect(text).toMatch(/2\s+Doel-B:[^\n]*Deels behaald\s+Toelichting-B/);
    expect(text).toMatch(/3\s+Doel-C:[^\n]*Niet behaald\s+Toelichting-C/);
    expect(text).toContain('Vervolgstap: Afsluiten; de school zet de aanpak zelf voort.');
    expect(text).toContain('Werkelijke kosten: 2026-2027: € 4.980,00');
  });

  it('50 inzet lines: the table continues with its header on the next page and the total is still the sum', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => ({
      ...INZET[0]!, id: id(900 + i), provider: `Aanbieder-${String(i + 1).padStart(2, '0')}`, hoursPerWeekCenti: 100 + i, weeks: 1 + (i % 40), rateCents: 4999 + i,
    }));
    const arrangement = makeArrangement(withCosts(lines));
    expect(() => arrangementSchema.parse(arrangement)).not.toThrow();
    const pdf = await renderArrangement({ arrangement, dossier, budget: null }, ctx);
    const text = sp(pdfText(pdf.bytes));
    const pages = pagesOf(text);
    expect(pages).toHaveLength(pdf.pages);
    const withRows = pages.filter((p) => /Aanbieder-\d\d/.test(p));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(p).toMatch(/^\s*Type\s+Aanbieder\s+Uren\s+Weken\s+Tarief\s+Kosten\s*$/m);
    for (const l of arrangement.inzet) expect(text).toMatch(new RegExp(`${l.provider}[^\\n]*${esc(euro(l.costCents))}`));
    const sum = arrangement.inzet.reduce((s, l) => s + l.costCents, 0);
    expect(arrangement.totalCents).toBe(sum);
    expect(text).toMatch(new RegExp(`^\\s*Totaal\\s+${esc(euro(sum))}\\s*$`, 'm'));
  });
});
