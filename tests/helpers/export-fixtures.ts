// A full (inzage) dossier export built from the PDF fixtures: an MDO with consent and evaluatiedatum,
// a kindgesprek, an evaluated arrangement with consent, a TLV with consent and an attachment.
import { id, makeDossier, makeKindgesprek, makeMdo } from '../../core/pdf/fixtures.js';
import { makeEvaluatedArrangement } from '../../core/pdf/arrangement-fixtures.js';
import type { DossierExport } from '../../shared/contract/export.js';

export const TLV_CONSENT_NAME = 'Tlvinstemmer Gülşen';
export const TLV_ADVICE = 'Adviesmarker: SO past bij deze leerling.';

export function makeDossierExport(): DossierExport {
  const { timeline, ...dossier } = makeDossier();
  const { versions: _v, revision: _r, ...mdo } = makeMdo();
  const { revision: _kr, ...kg } = makeKindgesprek({ delenMetSchool: true });
  const { revision: _ar, pupils: _p, warnings: _w, ...arrangement } = makeEvaluatedArrangement();
  const advice = { name: 'Dr. A. Visser', discipline: 'Orthopedagoog', date: '2026-09-20', advice: TLV_ADVICE, attachmentId: id(801) };
  return {
    schemaVersion: 1,
    kind: 'inzage',
    exportedAt: '2026-11-02T13:32:00.000Z',
    exportedByName: 'Ilse Consulent',
    association: { name: 'SWV Noord' },
    dossier,
    timeline: [
      ...timeline,
      { id: id(990), at: '2026-11-02T13:00:00.000Z', type: 'consent', actorName: 'Ilse Consulent', fields: [], refId: mdo.id },
      { id: id(991), at: '2026-11-02T13:10:00.000Z', type: 'arrangement_evaluated', actorName: 'Ilse Consulent', fields: [], refId: null },
    ],
    mdos: [{ ...mdo, seriesId: mdo.id }],
    actions: [{ id: id(770), mdoId: mdo.id, mdoDatum: mdo.datum, wat: 'Actiemarker', wie: 'IB', wanneer: '', status: 'open', updatedAt: mdo.updatedAt }],
    kindgesprekken: [kg, { ...kg, id: id(302), delenMetSchool: false, samenvatting: 'Geheimmarker' }],
    arrangements: [{ ...arrangement, dossierId: dossier.id }],
    tlvs: [{
      id: id(700), dossierId: dossier.id, dossierName: 'Noëlle Yılmaz', type: 'so', kind: 'eerste_aanvraag', receivingSchool: 'SO De Brug',
      category: 'midden', periodStart: '2026-11-01', periodEnd: '2027-07-31',
      documents: [{ key: 'onderwijskundig_rapport', attachmentIds: [id(801)], date: '', note: '' }],
      parentsView: 'Wij zijn het eens.', consent: { besluit: 'instemming', datum: '2026-09-30', byName: TLV_CONSENT_NAME },
      childView: 'Ik wil een kleinere klas.', advices: [advice, { ...advice, name: 'Drs. B. de Wit' }], previousTlvNumber: '', toelichting: '',
      status: 'ingediend', requiredDocuments: ['onderwijskundig_rapport'], missing: [], completeAt: '2026-10-01T08:00:00.000Z',
      submittedAt: '2026-10-02T08:00:00.000Z', decisionDue: '2026-11-12', herbeoordelingDeadline: null, tlvNumber: '',
      commissionDecision: null, sendBack: null, createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-10-02T08:00:00.000Z',
    }],
    attachments: [{
      id: id(801), ownerType: 'tlv', ownerId: id(700), name: 'rapport.pdf', sizeBytes: 12, mediaType: 'application/pdf',
      sha256: 'a'.repeat(64), createdAt: '2026-09-01T08:00:00.000Z', base64: Buffer.from('%PDF-1.4 x').toString('base64'),
    }],
    processing: {
      controller: 'SWV Noord is verantwoordelijk.', purposes: ['Doel'], categories: ['Gegevens'], recipients: ['Commissie'],
      retention: 'Twee jaar.', rights: ['Inzage'], complaint: 'Autoriteit Persoonsgegevens',
    },
  };
}
