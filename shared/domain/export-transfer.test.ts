import { describe, expect, it } from 'vitest';
import { makeDossierExport, TLV_ADVICE, TLV_CONSENT_NAME } from '../../tests/helpers/export-fixtures.js';
import { dossierExportSchema } from '../contract/export.js';
import { toTransferExport, TRANSFER_LEFT_OUT } from './export-transfer.js';

describe('toTransferExport', () => {
  const full = makeDossierExport();
  const before = JSON.stringify(full);
  const out = toTransferExport(full, 'SO De Brug');

  it('the full export and the transfer both validate with the one published schema', () => {
    expect(dossierExportSchema.safeParse(full).success).toBe(true);
    expect(dossierExportSchema.safeParse(out).success).toBe(true);
  });

  it('leaves out aanpak, every evaluatiedatum and every instemming', () => {
    const [mdo] = out.mdos;
    for (const key of ['crucialeDoelen', 'afspraken', 'regiehouder', 'evaluatiedatum', 'consent']) expect(mdo).not.toHaveProperty(key);
    const [arr] = out.arrangements;
    for (const key of ['goals', 'inzet', 'evaluationDates', 'evaluation', 'consent']) expect(arr).not.toHaveProperty(key);
    expect(arr!.history.map((h) => h.to)).not.toContain('geevalueerd');
    expect(out.tlvs[0]).not.toHaveProperty('consent');
    expect(out).not.toHaveProperty('actions');
    expect(out).not.toHaveProperty('processing');
    expect(out.timeline.map((e) => e.type)).not.toEqual(expect.arrayContaining(['consent']));
    expect(out.timeline.map((e) => e.type)).not.toEqual(expect.arrayContaining(['arrangement_evaluated']));
    const text = JSON.stringify({ ...out, transfer: undefined });
    for (const gone of [TLV_CONSENT_NAME, full.mdos[0]!.crucialeDoelen!, full.mdos[0]!.evaluatiedatum!, 'Actiemarker', 'Geheimmarker',
      full.arrangements[0]!.evaluationDates![0]!, full.arrangements[0]!.evaluation!.vervolgstap]) {
      expect(text).not.toContain(gone);
    }
  });

  it('keeps the rest: the picture of the child, advices, file metadata without the files, and says where it goes', () => {
    expect(out.kind).toBe('overdracht');
    expect(out.transfer).toEqual({ bestemming: 'SO De Brug', leftOut: [...TRANSFER_LEFT_OUT] });
    expect(out.mdos[0]).toMatchObject({ zorgen: full.mdos[0]!.zorgen, onderwijsbehoeften: full.mdos[0]!.onderwijsbehoeften });
    expect(out.tlvs[0]!.advices[0].advice).toBe(TLV_ADVICE);
    expect(out.kindgesprekken.map((k) => k.id)).toEqual([full.kindgesprekken[0]!.id]); // not the one the child kept from school
    expect(out.attachments).toEqual([expect.objectContaining({ id: full.attachments[0]!.id, sha256: full.attachments[0]!.sha256 })]);
    expect(out.attachments[0]).not.toHaveProperty('base64');
    expect(out.dossier).toEqual(full.dossier);
  });

  it('does not change its input', () => {
    expect(JSON.stringify(full)).toBe(before);
  });
});
