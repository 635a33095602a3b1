import { describe, expect, it } from 'vitest';
import { makeDossierExport, TLV_ADVICE, TLV_CONSENT_NAME } from '../../tests/helpers/export-fixtures.js';
import { toTransferExport } from '../../shared/domain/export-transfer.js';
import { renderDossierExport } from './dossier-export.js';
import { pdfContext } from './fixtures.js';
import { flat, hasPoppler, pdfInfo, pdfText } from './poppler.js';

describe.skipIf(!hasPoppler)('dossier export PDF', () => {
  it('inzage: a cover about art. 15, sections per document type, the processing information; no name in the metadata', async () => {
    const data = makeDossierExport();
    const out = await renderDossierExport(data, pdfContext());
    const text = flat(pdfText(out.bytes));
    for (const s of ['Inzage in het dossier', 'artikel 15', 'Noëlle Yılmaz', 'MDO-verslagen', 'Kindgesprekken', 'Arrangementen',
      'TLV-aanvragen', 'Bijlagen', 'Tijdlijn', 'Hoe wij met deze gegevens omgaan', 'Autoriteit Persoonsgegevens', TLV_ADVICE,
      TLV_CONSENT_NAME, '15 maart 2027', 'rapport.pdf', 'aaaaaaaa aaaaaaaa aaaaaaaa']) {
      expect(text).toContain(s);
    }
    const info = pdfInfo(out.bytes);
    expect(info.Title).toBe('Inzage dossier 2 november 2026');
    expect(JSON.stringify(info)).not.toMatch(/Noëlle|Yılmaz/);
    expect(out.pages).toBeGreaterThan(4);
  });

  it('overdracht: says where it goes and what is left out, and prints none of it', async () => {
    const full = makeDossierExport();
    const out = await renderDossierExport(toTransferExport(full, 'SO De Brug'), pdfContext());
    const text = flat(pdfText(out.bytes));
    expect(text).toContain('Overdracht van het dossier');
    expect(text).toContain('SO De Brug');
    expect(text).toContain('Wat niet wordt overgedragen');
    expect(text).not.toContain('Hoe wij met deze gegevens omgaan');
    for (const gone of [TLV_CONSENT_NAME, '15 maart 2027', 'Regiehouder', 'Cruciale doelen', 'Evaluatiemomenten', 'Geheimmarker', 'Actiemarker']) {
      expect(text).not.toContain(gone);
    }
    expect(pdfInfo(out.bytes).Title).toBe('Overdracht dossier 2 november 2026');
  });
});
