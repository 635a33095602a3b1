import { beforeAll, describe, expect, it } from 'vitest';
import { makeDossier, makeKindgesprek, makeMdo, makePreviousActions, pdfContext } from './fixtures.js';
import { renderPraatpapier } from './index.js';
import { flat, hasPoppler, pdfInfo, pdfText } from './poppler.js';
import type { RenderedPdf } from './types.js';

const ctx = pdfContext();
const dossier = makeDossier();
const mdo = makeMdo({ status: 'concept', consent: [], vastgesteldAt: null, vastgesteldByName: null });

describe.skipIf(!hasPoppler)('praatpapier', () => {
  const previous = makePreviousActions();
  const kg = makeKindgesprek();
  let pdf: RenderedPdf;
  let text: string;

  beforeAll(async () => {
    pdf = await renderPraatpapier({ dossier, mdo, previousActions: previous, latestKindgesprek: kg }, ctx);
    text = pdfText(pdf.bytes);
  });

  it('has the pupil and the meeting in the header, and page numbers', () => {
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain('Noëlle Yılmaz');
    expect(text).toContain('Openbare Basisschool De Zeester · Groep 6');
    expect(text).toContain('MDO 12 november 2026 om 14:30, OBS');
    for (let i = 1; i <= pdf.pages; i++) expect(text).toContain(`Pagina ${i} van ${pdf.pages}`);
  });

  it('numbers the agenda', () => {
    mdo.agenda.forEach((item, i) => expect(text).toMatch(new RegExp(`^\\s*${i + 1}\\.\\s+${item.replace(/\?/g, '\\?')}$`, 'm')));
  });

  it('lists the invited with their roles', () => {
    expect(text).toMatch(/Ayşe Yılmaz\s+Ouder\/verzorger/);
    expect(text).toMatch(/Gülşen Öztürk\s+Intern begeleider/);
    expect(text).toMatch(/Ilse Brouwer\s+Logopedist/);
  });

  it('lists the previous afspraken with wie, wanneer and status label', () => {
    expect(text).toContain('Uit het MDO van 20 mei 2026.');
    const raw = flat(pdfText(pdf.bytes, 'raw'));
    for (const a of previous) {
      expect(raw).toContain(flat(a.wat));
      const code = a.wat.slice(0, a.wat.indexOf(':') + 1);
      const date = a.wanneer.split('-').reverse().join('-');
      const status = { open: 'Open', gedaan: 'Gedaan', vervallen: 'Vervallen' }[a.status];
      expect(text).toMatch(new RegExp(`${code}[^\\n]*\\s{2,}${a.wie}\\s+${date}\\s+${status}`));
    }
  });

  it('holds the latest kindgesprek summary with its date, and room for notes', () => {
    expect(text).toContain('Kindgesprek van 5 november 2026');
    expect(flat(text)).toContain(flat(kg.samenvatting));
    expect(text).toMatch(/^Aantekeningen$/m);
    expect(text).not.toContain(kg.observaties.slice(0, 20));
  });

  it('keeps the pupil out of the metadata', () => {
    expect(pdfInfo(pdf.bytes).Title).toBe('Praatpapier MDO 12 november 2026');
  });
});

describe.skipIf(!hasPoppler)('praatpapier without history', () => {
  it('says there is no kindgesprek and no earlier afspraken', async () => {
    const pdf = await renderPraatpapier(
      { dossier, mdo: makeMdo({ agenda: [] }), previousActions: [], latestKindgesprek: null },
      ctx,
    );
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Er is nog geen kindgesprek gevoerd.');
    expect(text).toContain('Er zijn geen eerdere afspraken.');
    expect(text).toContain('Er is nog geen agenda.');
    expect(text).not.toMatch(/Wat\s+Wie\s+Wanneer\s+Status/);
  });
});
