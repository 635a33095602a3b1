// Everything the commission's documents (meeting pack, decision letters, notulen) are made from,
// gathered with a few queries per meeting: the meeting, its items, the subjects (TLV body or stored
// arrangement), the pupils with parents and involved people, support history and attachment metadata.
// Attachment bytes are read one case at a time (`attachmentBytes`), so a pack never holds them all.
import type Database from 'better-sqlite3';
import type { DecisionRecord } from '../../shared/contract/commission.js';
import type { Tlv } from '../../shared/contract/tlv.js';
import type { Arrangement } from '../../shared/contract/arrangements.js';
import type { CommissionSubject } from '../../shared/domain/commission.js';
import type { TimelineEventType } from '../../shared/domain/dossier.js';
import { arrangementReader, type StoredArrangement } from './arrangement-rows.js';

export type TlvBody = Pick<Tlv, 'type' | 'kind' | 'receivingSchool' | 'category' | 'periodStart' | 'periodEnd' | 'documents' | 'parentsView'
  | 'consent' | 'childView' | 'advices' | 'previousTlvNumber' | 'toelichting'>;

export interface PackPupil {
  dossierId: string;
  voornaam: string;
  tussenvoegsel: string;
  achternaam: string;
  geboortedatum: string;
  groep: string;
  schoolName: string;
  schoolPlace: string;
  werkgebiedName: string;
  parents: { name: string; relation: string; gezag: boolean }[];
  involved: { name: string; role: string }[];
}

export interface PackAttachment { id: string; name: string; mediaType: string; sizeBytes: number }

export interface PackCase {
  itemId: string;
  position: number;
  subjectType: CommissionSubject;
  subjectId: string;
  minutes: number;
  guests: { name: string; kind: string; note: string }[];
  checks: Record<string, boolean>;
  decision: DecisionRecord | null;
  pupil: PackPupil | null;
  tlv: { body: TlvBody; status: string; tlvNumber: string; requiredDocuments: string[] } | null;
  arrangement: StoredArrangement | null;
  /** The dossier's arrangements (other than this subject) and timeline events: types and dates only. */
  history: { arrangements: Pick<Arrangement, 'title' | 'status' | 'startDate' | 'endDate' | 'route'>[]; events: { type: TimelineEventType; at: string }[] };
  /** Attachments owned by the subject (metadata only). */
  attachments: PackAttachment[];
}

export interface PackMeeting {
  id: string;
  datum: string;
  tijd: string;
  locatie: string;
  online: boolean;
  link: string;
  members: { name: string; role: string }[];
  notulen: string;
  notulenStatus: string;
  vastgesteldAt: string | null;
  vastgesteldByName: string;
  cases: PackCase[];
}

interface MeetingRow {
  id: string; datum: string; tijd: string; locatie: string; online: number; link: string; members: string; notulen: string;
  notulenStatus: string; vastgesteldAt: string | null; vastgesteldByName: string | null;
}
interface ItemRow {
  id: string; meetingId: string; position: number; subjectType: CommissionSubject; subjectId: string; dossierId: string | null;
  minutes: number; guests: string; checks: string; decision: string | null;
}
interface TlvRow { id: string; dossierId: string; status: string; body: string; requiredDocuments: string; tlvNumber: string }
interface DossierRow {
  id: string; voornaam: string; tussenvoegsel: string; achternaam: string; geboortedatum: string; groep: string; schoolName: string;
  schoolPlace: string; werkgebiedName: string;
}

const ITEM = `SELECT id, meeting_id AS meetingId, position, subject_type AS subjectType, subject_id AS subjectId, dossier_id AS dossierId,
  minutes, guests, checks, decision FROM commission_items`;

export function commissionPackData(sqlite: Database.Database) {
  const stored = arrangementReader(sqlite);
  const q = {
    meeting: sqlite.prepare<[string], MeetingRow>(`SELECT m.id, m.datum, m.tijd, m.locatie, m.online, m.link, m.members, m.notulen,
      m.notulen_status AS notulenStatus, m.vastgesteld_at AS vastgesteldAt, u.name AS vastgesteldByName
      FROM commission_meetings m LEFT JOIN users u ON u.id = m.vastgesteld_by WHERE m.id = ?`),
    items: sqlite.prepare<[string], ItemRow>(`${ITEM} WHERE meeting_id = ? ORDER BY position`),
    item: sqlite.prepare<[string], ItemRow>(`${ITEM} WHERE id = ?`),
    tlv: sqlite.prepare<[string], TlvRow>(`SELECT id, dossier_id AS dossierId, status, body, required_documents AS requiredDocuments,
      tlv_number AS tlvNumber FROM tlv_applications WHERE id = ?`),
    dossier: sqlite.prepare<[string], DossierRow>(`SELECT d.id, d.voornaam, d.tussenvoegsel, d.achternaam, d.geboortedatum, d.groep,
      s.name AS schoolName, s.place AS schoolPlace, w.name AS werkgebiedName
      FROM dossiers d JOIN schools s ON s.id = d.school_id JOIN werkgebieden w ON w.id = s.werkgebied_id WHERE d.id = ?`),
    parents: sqlite.prepare<[string], { name: string; relation: string; gezag: number }>(
      'SELECT name, relation, gezag FROM dossier_parents WHERE dossier_id = ? ORDER BY position'),
    involved: sqlite.prepare<[string], { name: string; role: string }>('SELECT name, role FROM dossier_involved WHERE dossier_id = ? ORDER BY position'),
    events: sqlite.prepare<[string], { type: TimelineEventType; at: string }>('SELECT type, at FROM dossier_events WHERE dossier_id = ? ORDER BY at'),
    arrangements: sqlite.prepare<[string, string], { title: string; status: string; startDate: string; endDate: string; route: number }>(
      `SELECT title, status, start_date AS startDate, end_date AS endDate, route FROM arrangements
       WHERE dossier_id = ? AND id <> ? ORDER BY start_date`),
    attachments: sqlite.prepare<[string, string], PackAttachment>(`SELECT id, name, media_type AS mediaType, size_bytes AS sizeBytes
      FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY created_at, id`),
    bytes: sqlite.prepare<[string], Buffer>('SELECT bytes FROM attachments WHERE id = ?').pluck(),
  };

  function pupil(dossierId: string | null): PackPupil | null {
    const d = dossierId ? q.dossier.get(dossierId) : undefined;
    if (!d) return null;
    const { id, ...rest } = d;
    return {
      dossierId: id, ...rest,
      parents: q.parents.all(id).map((p) => ({ name: p.name, relation: p.relation, gezag: Boolean(p.gezag) })),
      involved: q.involved.all(id),
    };
  }

  function caseOf(r: ItemRow): PackCase {
    const t = r.subjectType === 'tlv' ? q.tlv.get(r.subjectId) : undefined;
    const arrangement = r.subjectType === 'arrangement' ? stored(r.subjectId) : null;
    const dossierId = t?.dossierId ?? arrangement?.dossierId ?? r.dossierId;
    const p = pupil(dossierId);
    return {
      itemId: r.id, position: r.position, subjectType: r.subjectType, subjectId: r.subjectId, minutes: r.minutes,
      guests: JSON.parse(r.guests) as PackCase['guests'],
      checks: JSON.parse(r.checks) as Record<string, boolean>,
      decision: r.decision ? (JSON.parse(r.decision) as DecisionRecord) : null,
      pupil: p,
      tlv: t ? { body: JSON.parse(t.body) as TlvBody, status: t.status, tlvNumber: t.tlvNumber, requiredDocuments: JSON.parse(t.requiredDocuments) as string[] } : null,
      arrangement,
      history: {
        arrangements: p ? q.arrangements.all(p.dossierId, r.subjectId) as PackCase['history']['arrangements'] : [],
        events: p ? q.events.all(p.dossierId) : [],
      },
      attachments: q.attachments.all(r.subjectType, r.subjectId),
    };
  }

  return {
    meeting(id: string): PackMeeting | null {
      const m = q.meeting.get(id);
      if (!m) return null;
      return {
        id: m.id, datum: m.datum, tijd: m.tijd, locatie: m.locatie, online: Boolean(m.online), link: m.link,
        members: JSON.parse(m.members) as PackMeeting['members'], notulen: m.notulen, notulenStatus: m.notulenStatus,
        vastgesteldAt: m.vastgesteldAt, vastgesteldByName: m.vastgesteldByName ?? '',
        cases: q.items.all(id).map(caseOf),
      };
    },
    /** One agenda item with its meeting (for a decision letter). */
    item(itemId: string): { meetingId: string; item: PackCase } | null {
      const r = q.item.get(itemId);
      return r ? { meetingId: r.meetingId, item: caseOf(r) } : null;
    },
    /** The bytes of one attachment; empty when the content has not arrived by sync yet. */
    attachmentBytes: (id: string): Buffer => q.bytes.get(id) ?? Buffer.alloc(0),
  };
}
export type CommissionPackData = ReturnType<typeof commissionPackData>;
