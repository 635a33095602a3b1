// export:inzage and export:overdracht on a real encrypted core with a rich dossier: everything in the
// inzage (counts match the database, files with their sha256), nothing of aanpak, evaluatiedatum or
// instemming in the overdracht (JSON and PDF), and both valid under the published schema.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flat, hasPoppler, pdfInfo, pdfText } from '../../core/pdf/poppler.js';
import { dossierExportSchema, type DossierExport } from '../../shared/contract/export.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';
import { inputOf, mdoInput, READY } from '../helpers/mdo-fixtures.js';
import { arrInput, arrSetup } from './arrangements.fixtures.js';

let t: TestCore;
let dossierId: string;
let fileSha = '';
const pdfBytes = Buffer.from('%PDF-1.4\nonderwijskundig rapport\n%%EOF\n');

// Marker texts: each belongs to exactly one field, so its presence or absence proves what was exported.
const M = {
  zorgen: 'Zorgmarker slaapt slecht',
  doelen: 'Doelmarker leest vloeiend',
  afspraak: 'Afspraakmarker rustplek inrichten',
  regie: 'Regiemarker juf Ans',
  evaluatiedatum: '2027-03-17',
  kg: 'Kindmarker ik teken graag',
  kgSecret: 'Geheimmarker niet voor school',
  goal: 'Goalmarker rekenen met sprongen',
  provider: 'Inzetmarker AB Noord',
  arrEval: '2027-01-19',
  vervolg: 'Vervolgmarker afsluiten',
  tlvConsent: 'Instemmermarker Piet',
  advice: 'Adviesmarker SO past',
};

async function rich(): Promise<void> {
  const { dossier, schoolId, werkgebiedId } = await arrSetup(t);
  dossierId = dossier.id;
  const gezag = dossier.parents.find((p) => p.gezag)!;
  const consent = [{ parentId: gezag.id, besluit: 'instemming' as const, datum: '2026-11-02', wijze: 'mondeling_mdo' as const }];
  const m = await t.call('mdo:create', {
    dossierId,
    mdo: mdoInput({
      ...READY, evaluatiedatum: M.evaluatiedatum, zorgen: M.zorgen, crucialeDoelen: M.doelen, regiehouder: M.regie,
      afspraken: [{ wat: M.afspraak, wie: 'IB', wanneer: '2026-12-01' }],
    }),
  });
  const fin = await t.call('mdo:finalise', { id: m.id, baseRevision: m.revision, presentAttendeeIds: [m.attendees[0]!.id], consent });
  // A correction: the export holds both versions.
  const v2 = await t.call('mdo:correct', { id: fin.id, reason: 'Typefout' });
  await t.call('mdo:save', { id: v2.id, baseRevision: v2.revision, mdo: inputOf({ ...v2, watGaatGoed: 'Tekenen' }) });

  for (const [text, school] of [[M.kg, true], [M.kgSecret, false]] as const) {
    const k = await t.call('kindgesprek:create', { dossierId });
    await t.call('kindgesprek:save', {
      id: k.id, baseRevision: k.revision,
      kindgesprek: {
        datum: k.datum, leeftijd: k.leeftijd, topics: [{ topic: 'trots', smiley: 5, nu: 6, doel: 8, woorden: text }], observaties: '',
        delenMetOuders: true, delenMetSchool: school, delenToelichting: '', samenvatting: '',
      },
    });
  }

  const a = await t.call('arrangements:create', {
    arrangement: arrInput({ werkgebiedId, schoolId, dossierId }, {
      goals: [{ wat: M.goal, resultaat: '', wanneer: '' }], inzet: [{ type: 'ambulante_begeleiding', typeOther: '', provider: M.provider, unit: 'uur', hoursPerWeekCenti: 100, weeks: 10, rateCents: 5000 }],
      evaluationDates: [M.arrEval],
    }),
    fromMdoId: fin.id,
  });
  let cur = a;
  for (const to of ['ingediend', 'toegekend', 'lopend'] as const) cur = await t.call('arrangements:transition', { id: a.id, baseRevision: cur.revision, to, note: '' });
  await t.call('arrangements:evaluate', {
    id: a.id, baseRevision: cur.revision,
    evaluation: { goals: [], effectLeerkrachtTeam: '', visieKind: '', vervolgstap: M.vervolg, actuals: [] },
  });

  const tlv = await t.call('tlv:create', { dossierId });
  const att = await t.call('attachments:add', { ownerType: 'tlv', ownerId: tlv.id, name: 'rapport.pdf', base64: pdfBytes.toString('base64') });
  fileSha = att.sha256;
  const advice = { name: 'Dr. A', discipline: 'Orthopedagoog', date: '2026-09-20', advice: M.advice, attachmentId: att.id };
  await t.call('tlv:save', {
    id: tlv.id, baseRevision: tlv.revision,
    tlv: {
      type: tlv.type, kind: tlv.kind, receivingSchool: '', category: tlv.category, periodStart: tlv.periodStart, periodEnd: tlv.periodEnd,
      documents: [{ key: 'onderwijskundig_rapport', attachmentIds: [att.id], date: '', note: '' }], parentsView: 'Eens',
      consent: { besluit: 'instemming', datum: '2026-09-30', byName: M.tlvConsent }, childView: '', advices: [advice, { ...advice, name: 'Dr. B' }],
      previousTlvNumber: '', toelichting: '',
    },
  });
}

const count = (sql: string) => t.core.local!.sqlite.prepare(sql).pluck().get(dossierId) as number;

beforeEach(async () => {
  t = tempCore({ now: () => new Date('2026-11-02T13:32:00Z') });
  await rich();
});
afterEach(() => t.dispose());

describe('export:inzage', () => {
  it('holds every document of the dossier, the files with their sha256, and the processing information', async () => {
    const out = await t.call('export:inzage', { dossierId });
    const data: DossierExport = dossierExportSchema.parse(JSON.parse(out.json));
    expect(data).toMatchObject({ schemaVersion: 1, kind: 'inzage', association: { name: 'SWV Test' }, exportedByName: 'Consulent Test' });
    expect(data.mdos).toHaveLength(count('SELECT count(*) FROM mdos WHERE dossier_id = ?'));
    expect(data.mdos).toHaveLength(2);
    expect(data.kindgesprekken).toHaveLength(count('SELECT count(*) FROM kindgesprekken WHERE dossier_id = ?'));
    expect(data.arrangements).toHaveLength(count('SELECT count(*) FROM arrangements WHERE dossier_id = ?'));
    expect(data.tlvs).toHaveLength(count('SELECT count(*) FROM tlv_applications WHERE dossier_id = ?'));
    expect(data.timeline.length).toBe(count('SELECT count(*) FROM dossier_events WHERE dossier_id = ?'));
    expect(data.mdos[0]).toMatchObject({ crucialeDoelen: M.doelen, evaluatiedatum: M.evaluatiedatum, consent: [expect.objectContaining({ besluit: 'instemming' })] });
    expect(data.arrangements[0]).toMatchObject({ evaluationDates: [M.arrEval], evaluation: expect.objectContaining({ vervolgstap: M.vervolg }) });
    expect(data.tlvs[0]!.consent).toMatchObject({ byName: M.tlvConsent });
    expect(data.actions).toHaveLength(1);
    expect(data.attachments).toHaveLength(1);
    const [file] = data.attachments;
    expect(file!.sha256).toBe(fileSha);
    expect(createHash('sha256').update(Buffer.from(file!.base64!, 'base64')).digest('hex')).toBe(fileSha);
    expect(data.processing?.complaint).toMatch(/Autoriteit Persoonsgegevens/);
    expect(data.processing?.retention).toMatch(/twee jaar/);
    for (const marker of Object.values(M)) expect(out.json).toContain(marker);

    expect(out.pdf.filename).toBe('Inzage-dossier-2026-11-02.pdf');
    if (!hasPoppler) return;
    const bytes = Buffer.from(out.pdf.base64, 'base64');
    const text = flat(pdfText(bytes));
    for (const s of ['Eefje Öztürk', 'Inzage in het dossier', 'AVG', 'MDO-verslagen', 'Kindgesprekken', 'Arrangementen', 'TLV-aanvragen',
      'Bijlagen', 'Hoe wij met deze gegevens omgaan', 'Autoriteit Persoonsgegevens', M.zorgen, M.doelen, M.kgSecret, M.advice, '17 maart 2027']) {
      expect(text).toContain(s);
    }
    expect(pdfInfo(bytes).Title).toBe('Inzage dossier 2 november 2026');
    expect(out.pdf.pages).toBeGreaterThan(3);
  });

  it('answers not_found for an unknown dossier', async () => {
    const env = await t.raw('export:inzage', { dossierId: '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b' });
    expect(!env.ok && env.error.code).toBe('not_found');
    const transfer = await t.raw('export:overdracht', { dossierId: '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b', bestemming: 'X' });
    expect(!transfer.ok && transfer.error.code).toBe('not_found');
  });
});

describe('audit', () => {
  it('records both exports as action export with the dossier id and the kind, never the destination or content', async () => {
    await t.call('export:inzage', { dossierId });
    await t.call('export:overdracht', { dossierId, bestemming: 'SBO De Brug' });
    const rows = t.core.local!.sqlite
      .prepare("SELECT action, method, entity, entity_id AS entityId, dossier_id AS dossierId, detail FROM audit_log WHERE method LIKE 'export:%' ORDER BY seq")
      .all();
    expect(rows).toEqual([
      { action: 'export', method: 'export:inzage', entity: 'dossier', entityId: dossierId, dossierId, detail: expect.stringContaining('inzage') },
      { action: 'export', method: 'export:overdracht', entity: 'dossier', entityId: dossierId, dossierId, detail: expect.stringContaining('overdracht') },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Brug|Eefje|Öztürk|\.pdf/);
  });
});

describe('export:overdracht', () => {
  it('leaves out aanpak, evaluatiedata and instemming, in the JSON and in the PDF, and still validates', async () => {
    const out = await t.call('export:overdracht', { dossierId, bestemming: '  SBO De Brug  ' });
    const data = dossierExportSchema.parse(JSON.parse(out.json));
    expect(data).toMatchObject({ kind: 'overdracht', transfer: { bestemming: 'SBO De Brug' } });
    expect(data.processing).toBeUndefined();
    expect(data.mdos).toHaveLength(2);
    expect(data.tlvs).toHaveLength(1);
    expect(data.attachments).toEqual([expect.objectContaining({ sha256: fileSha })]);
    expect(data.attachments[0]).not.toHaveProperty('base64');
    for (const gone of [M.doelen, M.afspraak, M.regie, M.evaluatiedatum, M.goal, M.provider, M.arrEval, M.vervolg, M.tlvConsent, M.kgSecret]) {
      expect(out.json).not.toContain(gone);
    }
    // Keys, outside the `transfer.leftOut` list that names them.
    const body = JSON.stringify({ ...data, transfer: undefined });
    for (const key of ['"consent"', '"evaluatiedatum"', '"evaluationDates"', '"evaluation"', '"crucialeDoelen"', '"afspraken"', '"actions"', 'mondeling_mdo']) {
      expect(body).not.toContain(key);
    }
    expect(data.timeline.map((e) => e.type)).not.toContain('consent');
    for (const kept of [M.zorgen, M.kg, M.advice, 'Eefje']) expect(out.json).toContain(kept);

    expect(out.pdf.filename).toBe('Overdracht-dossier-2026-11-02.pdf');
    if (!hasPoppler) return;
    const bytes = Buffer.from(out.pdf.base64, 'base64');
    const text = flat(pdfText(bytes));
    expect(text).toContain('Overdracht van het dossier');
    expect(text).toContain('SBO De Brug');
    expect(text).toContain(M.zorgen);
    for (const gone of [M.doelen, M.afspraak, M.regie, '17 maart 2027', M.goal, M.provider, '19 januari 2027', M.vervolg, M.tlvConsent,
      M.kgSecret, 'Mondeling in het MDO', 'Instemming ouders vastgelegd']) {
      expect(text).not.toContain(gone);
    }
    expect(pdfInfo(bytes).Title).toBe('Overdracht dossier 2 november 2026');
  });

  it('refuses an empty destination', async () => {
    const env = await t.raw('export:overdracht', { dossierId, bestemming: '   ' });
    expect(!env.ok && env.error.code).toBe('validation');
  });
});
