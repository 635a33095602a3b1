// Demo TLV applications that wait for the commission: complete files (documents and both
// deskundigenadviezen as small synthetic PDFs), submitted, so a secretary's inbox is not empty.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { REQUIRED_DOCUMENTS, defaultPeriodEnd } from '../../shared/domain/tlv.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';

export interface DemoTlvTools {
  id: () => string;
  /** An instant `day` days after the demo's start. */
  at: (day: number) => string;
  pick: <T>(xs: readonly T[]) => T;
}

const VIEWS = ['Ouders zien dat hun kind vastloopt en steunen de overstap.', 'Ouders twijfelden eerst, maar zien nu dat het nodig is.'];
const CHILD = ['Ik wil naar een school waar het rustiger is.', 'Ik vind het spannend, maar ik wil het proberen.'];
const TYPES = ['so', 'sbo', 'vso'] as const;

/** `dossiers`: id and the parent's name; one submitted TLV each, completed around `day`. */
export function demoTlvs(sqlite: Database.Database, t: DemoTlvTools, dossiers: readonly { id: string; parentName: string; consultant: string }[], day: number) {
  const ins = {
    tlv: sqlite.prepare(`INSERT INTO tlv_applications (id, dossier_id, revision, status, period_end, body, required_documents, complete_at,
      submitted_at, tlv_number, created_at, updated_at) VALUES (?, ?, 3, 'ingediend', ?, ?, ?, ?, ?, '', ?, ?)`),
    file: sqlite.prepare(`INSERT INTO attachments (id, owner_type, owner_id, name, media_type, size_bytes, sha256, bytes, created_at)
      VALUES (?, 'tlv', ?, ?, 'application/pdf', ?, ?, ?, ?)`),
    event: sqlite.prepare('INSERT INTO dossier_events (id, dossier_id, at, type, actor_id, fields, ref_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
  dossiers.forEach((d, i) => {
    const tlvId = t.id();
    const createdAt = t.at(day + i * 3 - 20);
    const completeAt = t.at(day + i * 3);
    const documentDate = todayInAmsterdam(new Date(t.at(day + i * 3 - 30)));
    const file = (name: string) => {
      const fileId = t.id();
      const bytes = Buffer.from(`%PDF-1.4\n% Demo: ${name}\n%%EOF\n`);
      ins.file.run(fileId, tlvId, `${name}.pdf`, bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes, createdAt);
      return fileId;
    };
    const advice = (name: string, discipline: string) => ({ name, discipline, date: documentDate, advice: 'Een plaats in het speciaal onderwijs is passend.', attachmentId: file(`advies-${discipline}`) });
    const start = todayInAmsterdam(new Date(completeAt));
    const body = {
      type: t.pick(TYPES), kind: 'eerste_aanvraag', receivingSchool: '', category: '', periodStart: start, periodEnd: defaultPeriodEnd(start),
      documents: REQUIRED_DOCUMENTS.map((key) => ({ key, attachmentIds: [file(key)], date: documentDate, note: '' })),
      parentsView: t.pick(VIEWS), consent: { besluit: 'instemming', datum: documentDate, byName: d.parentName }, childView: t.pick(CHILD),
      advices: [advice('Drs. J. de Boer', 'Orthopedagoog'), advice('Dr. S. Amrani', 'GZ-psycholoog')], previousTlvNumber: '', toelichting: '',
    };
    ins.tlv.run(tlvId, d.id, body.periodEnd, JSON.stringify(body), JSON.stringify(REQUIRED_DOCUMENTS), completeAt, completeAt, createdAt, completeAt);
    ins.event.run(t.id(), d.id, completeAt, 'tlv_submitted', d.consultant, '[]', tlvId);
  });
}
