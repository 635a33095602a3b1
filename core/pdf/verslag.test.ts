import { beforeAll, describe, expect, it } from 'vitest';
import { actionSchema, dossierSchema, kindgesprekSchema, mdoSchema } from '../../shared/contract/index.js';
import { afspraakWat, longText, makeDossier, makeKindgesprek, makeMdo, makePreviousActions, pdfContext } from './fixtures.js';
import { renderVerslag } from './index.js';
import { flat, hasPoppler, pdfInfo, pdfText } from './poppler.js';
import type { RenderedPdf } from './types.js';

const ctx = pdfContext();
const dossier = makeDossier();

describe('fixtures', () => {
  it('satisfy the contract schemas (so the documents are tested on data the app can hold)', () => {
    expect(() => dossierSchema.parse(dossier)).not.toThrow();
    expect(() => mdoSchema.parse(makeMdo())).not.toThrow();
    expect(() => kindgesprekSchema.parse(makeKindgesprek())).not.toThrow();
    for (const a of makePreviousActions()) expect(() => actionSchema.parse(a)).not.toThrow();
    expect(makeMdo().afspraken).toHaveLength(30);
  });

  it('a missing fonts folder rejects instead of falling back to fonts without ı/ş', async () => {
    await expect(renderVerslag({ dossier, mdo: makeMdo() }, { ...ctx, fontsDir: '/nonexistent' })).rejects.toThrow();
  });
});

describe.skipIf(!hasPoppler)('MDO-verslag (vastgesteld)', () => {
  const mdo = makeMdo();
  let pdf: RenderedPdf;
  let text: string;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderVerslag({ dossier, mdo, kindgesprek: makeKindgesprek() }, ctx);
    text = pdfText(pdf.bytes);
    pages = text.split('\f').filter((p) => p.trim());
  });

  it('is a PDF whose page count matches the pages drawn', () => {
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.pages).toBeGreaterThan(2); // 30 afspraken and long texts cannot fit on two pages
    expect(pages).toHaveLength(pdf.pages);
  });

  it('repeats header and footer on every page, with "Pagina x van N"', () => {
    const n = pdf.pages;
    pages.forEach((page, i) => {
      expect(page).toContain('Noëlle Yılmaz');
      expect(page).toContain('Samenwerkingsverband Passend Onderwijs Duinstreek');
      expect(page).toContain('MDO-verslag · Versie 1 · Vastgesteld');
      expect(page).toContain('Geboren 4 maart 2016');
      expect(page).toContain('Openbare Basisschool De Zeester · Groep 6');
      expect(page).toContain('MDO 12 november 2026 om 14:30');
      expect(page).toContain(`Pagina ${i + 1} van ${n}`);
      expect(page).toContain('Gemaakt met Veldwerk op 20 november 2026 om 14:45');
    });
    expect(text).toContain(`Pagina 1 van ${n}`);
    expect(text).toContain(`Pagina ${n} van ${n}`);
  });

  it('holds every afspraak: wat in full, wie and wanneer', () => {
    const raw = flat(pdfText(pdf.bytes, 'raw')); // drawing order keeps a wrapped table cell together
    for (const [i, a] of mdo.afspraken.entries()) {
      expect(raw).toContain(flat(afspraakWat(i)));
      const code = `Afspraak-${String(i + 1).padStart(2, '0')}`;
      // In the visual layout the first line of the row carries wie and wanneer next to it.
      const date = a.wanneer ? a.wanneer.split('-').reverse().join('-') : '—';
      expect(text).toMatch(new RegExp(`${i + 1}\\s+${code}:[^\\n]*\\s{2,}${a.wie}\\s+${date}`));
    }
  });

  it('repeats the afspraken table header on every page the table continues on', () => {
    const withRows = pages.filter((p) => /Afspraak-\d\d/.test(p));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(p).toMatch(/^\s*#\s+Wat\s+Wie\s+Wanneer\s*$/m);
  });

  it('prints the sections in the order of the MDO', () => {
    const order = [
      'Deelnemers', 'Het kind bij het MDO', 'Ondersteuningsvraag', 'Wat gaat goed', 'Zorgen', 'Stimulerende factoren',
      'Belemmerende factoren', 'Onderwijsbehoeften', 'Ondersteuningsbehoefte van de leerkracht', 'Cruciale doelen',
      'Afspraken', 'Regiehouder', 'Visie van de ouders', 'Stem van het kind', 'Hoe de mening van het kind is meegewogen',
      'Evaluatiedatum', 'Instemming van de ouders',
    ];
    const at = order.map((h) => text.search(new RegExp(`^${h}$`, 'm')));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('lists attendees with role label and presence', () => {
    expect(text).toMatch(/Gülşen Öztürk\s+Intern begeleider \(IB’er\)\s+Ja/);
    expect(text).toMatch(/Ilse Brouwer\s+Logopedist\s+Nee/);
    expect(text).toContain('Aanwezig: Een deel van het MDO');
    expect(text).toContain('Inbreng van het kind: Via een kindgesprek');
  });

  it('holds the consent per parent and who finalised it', () => {
    expect(text).toMatch(/Ayşe Yılmaz\s+Instemming\s+12 november 2026\s+Mondeling in het MDO/);
    expect(text).toMatch(/Jörg Şahin\s+Geen instemming\s+14 november 2026\s+Schriftelijk/);
    expect(text).toContain('Vastgesteld op 14 november 2026 door Mariëlle Jansen.');
    expect(text).toContain('Evaluatiedatum\n15 maart 2027');
  });

  it('names the linked kindgesprek and its date with the stem van het kind', () => {
    expect(text).toContain('Uit het kindgesprek van 5 november 2026.');
    expect(flat(text)).toContain(flat(mdo.stemVanHetKind));
  });

  it('has no concept label, and no untranslated keys', () => {
    expect(text).not.toContain('CONCEPT');
    expect(text).not.toContain('Concept');
    expect(text).not.toMatch(/\b(pdf|enums|kg_prompt)\.\w/);
  });

  it('keeps the pupil out of the metadata', () => {
    const info = pdfInfo(pdf.bytes);
    expect(info.Title).toBe('MDO-verslag 12 november 2026');
    expect(info.Title).not.toMatch(/Noëlle|Yılmaz/);
    expect(info.Author).toBe(ctx.associationName);
    expect(info.Producer).toBe('Veldwerk');
    expect(pdf.bytes.toString('latin1')).not.toContain('Noëlle'); // nor anywhere unencoded
  });

  it('gives the same bytes for the same input', async () => {
    const again = await renderVerslag({ dossier, mdo, kindgesprek: makeKindgesprek() }, ctx);
    expect(again.bytes.equals(pdf.bytes)).toBe(true);
  });
});

describe.skipIf(!hasPoppler)('MDO-verslag (concept, version 2)', () => {
  it('shows the correction, the concept label and watermark, and no consent yet', async () => {
    const mdo = makeMdo({
      version: 2,
      status: 'concept',
      correctieReden: 'De naam van de leerkracht was verkeerd gespeld.',
      consent: [],
      vastgesteldAt: null,
      vastgesteldByName: null,
      attendees: makeMdo().attendees.map((a) => ({ ...a, present: false })),
    });
    const pdf = await renderVerslag({ dossier, mdo }, ctx);
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Versie 2 — correctie: De naam van de leerkracht was verkeerd gespeld.');
    expect(text).toContain('MDO-verslag · Versie 2 · Concept');
    expect(text).toContain('Concept: dit verslag is nog niet vastgesteld.');
    // The watermark is drawn as outlines: it must not litter the text layer with "CO", "N", "CE", …
    expect(text).not.toMatch(/CONCEPT|^\s*(CO|N|CE|PT)\s*$/m);
    expect(text).toContain('Er is nog geen instemming vastgelegd.');
    expect(text).toContain('Dit verslag is nog niet vastgesteld.');
    expect(text).not.toContain('Vastgesteld op');
    // Presence is not recorded before finalising: a dash, not "Nee".
    expect(text).toMatch(/Daan de Wit\s+Leerkracht\s+—/);
    // Linked kindgesprek without its data: the link is still mentioned.
    expect(text).toContain('Er is een kindgesprek aan dit verslag gekoppeld.');
  });

  it('prints a dash for empty sections and empty afspraken', async () => {
    const mdo = makeMdo({
      watGaatGoed: '',
      belemmerend: { kind: '', school: '', thuis: '' },
      afspraken: [],
      kindgesprekId: null,
    });
    const text = pdfText((await renderVerslag({ dossier, mdo }, ctx)).bytes);
    expect(text).toMatch(/^Wat gaat goed\n—$/m);
    expect(text).toMatch(/Belemmerende factoren\nKind: —\nSchool: —\nThuis: —/);
    expect(text).toContain('Er zijn geen afspraken gemaakt.');
    expect(text).not.toContain('kindgesprek van');
  });
});

describe.skipIf(!hasPoppler)('MDO-verslag at the contract limits', () => {
  it('renders 30 afspraken and a 20,000-character section completely, numbered to the last page', async () => {
    const big = longText(20_000, 'de zorgen');
    const mdo = makeMdo({ zorgen: `${big.slice(0, -1)} EINDE-ZORGEN.` });
    expect(() => mdoSchema.parse(mdo)).not.toThrow();
    const pdf = await renderVerslag({ dossier, mdo }, ctx);
    const text = pdfText(pdf.bytes);
    expect(pdf.pages).toBeGreaterThan(10);
    expect(text.split('\f').filter((p) => p.trim())).toHaveLength(pdf.pages);
    expect(text).toContain(`Pagina ${pdf.pages} van ${pdf.pages}`);
    expect(flat(text)).toContain('EINDE-ZORGEN.');
    expect(text).toContain('Afspraak-30');
  });
});
