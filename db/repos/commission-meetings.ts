// Meetings of the commission and their agenda: create/save, the agenda items (add, remove, move,
// details) and the contract object. Every change of a meeting or one of its items bumps the meeting's
// revision in the same transaction (optimistic concurrency of the whole agenda, like other documents).
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type {
  CommissionSettings, DecisionRecord, Meeting, MeetingItem, commissionContract, meetingInputSchema, meetingRowSchema,
} from '../../shared/contract/commission.js';
import { CASE_CHECKS, agendaTimes, type CaseCheck, type CommissionSubject } from '../../shared/domain/commission.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { uuidv7 } from '../../shared/ids.js';
import { DocError } from './arrangement-rows.js';
import type { SubjectReader } from './commission-inbox.js';

type MeetingInputParsed = z.output<typeof meetingInputSchema>;
type SaveItemInput = z.output<(typeof commissionContract)['commission:saveItem']['input']>;
type MeetingRow = z.infer<typeof meetingRowSchema>;

export interface RawMeeting {
  id: string; revision: number; datum: string; tijd: string; locatie: string; online: number; link: string; members: string;
  status: 'gepland' | 'afgerond'; notulen: string; notulenStatus: 'concept' | 'vastgesteld'; vastgesteldAt: string | null;
  vastgesteldByName: string | null; createdAt: string; updatedAt: string;
}
export interface RawItem {
  id: string; meetingId: string; position: number; subjectType: CommissionSubject; subjectId: string; dossierId: string | null;
  minutes: number; guests: string; checks: string; decision: string | null; lettersSentAt: string | null;
}

const MEETING = `SELECT m.id, m.revision, m.datum, m.tijd, m.locatie, m.online, m.link, m.members, m.status, m.notulen,
  m.notulen_status AS notulenStatus, m.vastgesteld_at AS vastgesteldAt, u.name AS vastgesteldByName, m.created_at AS createdAt,
  m.updated_at AS updatedAt FROM commission_meetings m LEFT JOIN users u ON u.id = m.vastgesteld_by`;
const ITEM = `SELECT id, meeting_id AS meetingId, position, subject_type AS subjectType, subject_id AS subjectId, dossier_id AS dossierId,
  minutes, guests, checks, decision, letters_sent_at AS lettersSentAt FROM commission_items`;

const NO_CHECKS = Object.fromEntries(CASE_CHECKS.map((c) => [c, false])) as Record<CaseCheck, boolean>;
export const parseDecision = (raw: string | null): DecisionRecord | null => (raw ? (JSON.parse(raw) as DecisionRecord) : null);

export interface MeetingDeps { now: () => Date; settings: () => CommissionSettings; subjects: SubjectReader }

export function meetingStore(sqlite: Database.Database, deps: MeetingDeps) {
  const q = {
    meeting: sqlite.prepare<[string], RawMeeting>(`${MEETING} WHERE m.id = ?`),
    list: sqlite.prepare<[], RawMeeting & { itemCount: number; decidedCount: number }>(`SELECT m.id, m.datum, m.tijd, m.locatie, m.online,
      m.status, (SELECT count(*) FROM commission_items i WHERE i.meeting_id = m.id) AS itemCount,
      (SELECT count(*) FROM commission_items i WHERE i.meeting_id = m.id AND i.decision IS NOT NULL) AS decidedCount
      FROM commission_meetings m ORDER BY m.datum, m.tijd`),
    items: sqlite.prepare<[string], RawItem>(`${ITEM} WHERE meeting_id = ? ORDER BY position`),
    item: sqlite.prepare<[string], RawItem>(`${ITEM} WHERE id = ?`),
    latestMembers: sqlite.prepare<[], string>('SELECT members FROM commission_meetings ORDER BY datum DESC, created_at DESC LIMIT 1').pluck(),
    insert: sqlite.prepare(`INSERT INTO commission_meetings (id, revision, datum, tijd, locatie, online, link, members, status, notulen,
      notulen_status, vastgesteld_at, vastgesteld_by, created_at, updated_at)
      VALUES (@id, 1, @datum, @tijd, @locatie, @online, @link, @members, 'gepland', '', 'concept', NULL, NULL, @at, @at)`),
    details: sqlite.prepare(`UPDATE commission_meetings SET datum = @datum, tijd = @tijd, locatie = @locatie, online = @online, link = @link,
      members = @members WHERE id = @id`),
    bump: sqlite.prepare('UPDATE commission_meetings SET revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?'),
    onThis: sqlite.prepare<[string, string, string], number>(
      'SELECT 1 FROM commission_items WHERE meeting_id = ? AND subject_type = ? AND subject_id = ?').pluck(),
    insertItem: sqlite.prepare(`INSERT INTO commission_items (id, meeting_id, position, subject_type, subject_id, dossier_id, minutes, guests,
      checks, decision, letters_sent_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, NULL, NULL, ?, ?)`),
    deleteItem: sqlite.prepare('DELETE FROM commission_items WHERE id = ?'),
    position: sqlite.prepare('UPDATE commission_items SET position = ?, updated_at = ? WHERE id = ? AND position <> ?'),
    saveItem: sqlite.prepare('UPDATE commission_items SET minutes = ?, guests = ?, checks = ?, updated_at = ? WHERE id = ?'),
  };

  function raw(id: string): RawMeeting {
    const m = q.meeting.get(id);
    if (!m) throw new DocError('not_found');
    return m;
  }

  /** An open meeting at `baseRevision`; afgerond ones are immutable. */
  function open(id: string, baseRevision: number): RawMeeting {
    const m = raw(id);
    if (m.status === 'afgerond') throw new DocError('conflict', [], 'errors.meeting_closed');
    if (m.revision !== baseRevision) throw new DocError('conflict');
    return m;
  }

  /** Runs `fn` and bumps the meeting's revision in one transaction. */
  function change<T>(m: RawMeeting, fn: (at: string) => T): T {
    return sqlite.transaction(() => {
      const at = deps.now().toISOString();
      const out = fn(at);
      if (q.bump.run(at, m.id, m.revision).changes !== 1) throw new DocError('conflict');
      return out;
    })();
  }

  function itemOf(m: RawMeeting, itemId: string): RawItem {
    const it = q.item.get(itemId);
    if (!it || it.meetingId !== m.id) throw new DocError('not_found');
    return it;
  }

  function presentItem(it: RawItem, startsAt: string): MeetingItem {
    const s = deps.subjects.subject(it.subjectType, it.subjectId);
    return {
      id: it.id, meetingId: it.meetingId, position: it.position, subjectType: it.subjectType, subjectId: it.subjectId, dossierId: it.dossierId,
      title: s?.title ?? '', kind: s?.kind ?? '', startsAt, minutes: it.minutes, guests: JSON.parse(it.guests) as MeetingItem['guests'],
      checks: { ...NO_CHECKS, ...(JSON.parse(it.checks) as Partial<Record<CaseCheck, boolean>>) },
      missing: s ? deps.subjects.missingOf(s) : [], decision: parseDecision(it.decision), lettersSentAt: it.lettersSentAt,
    };
  }

  function present(id: string): Meeting {
    const m = raw(id);
    const items = q.items.all(id);
    const times = agendaTimes(m.tijd, items.map((i) => i.minutes));
    return {
      id: m.id, revision: m.revision, datum: m.datum, tijd: m.tijd, locatie: m.locatie, online: m.online === 1, link: m.link,
      members: JSON.parse(m.members) as Meeting['members'], status: m.status, notulen: m.notulen, notulenStatus: m.notulenStatus,
      vastgesteldAt: m.vastgesteldAt, vastgesteldByName: m.vastgesteldByName ?? '', items: items.map((it, i) => presentItem(it, times[i]!)),
      createdAt: m.createdAt, updatedAt: m.updatedAt,
    };
  }

  const detailCols = (input: MeetingInputParsed) => ({
    datum: input.datum, tijd: input.tijd, locatie: input.locatie, online: input.online ? 1 : 0, link: input.online ? input.link : '',
    members: JSON.stringify(input.members),
  });

  /** Rewrites positions 0..n-1 in the given order (only rows that move are touched: fewer outbox rows). */
  function renumber(ids: string[], at: string) {
    ids.forEach((id, i) => q.position.run(i, at, id, i));
  }

  return {
    raw, open, change, itemOf, present,
    list(includePast: boolean): MeetingRow[] {
      const today = todayInAmsterdam(deps.now());
      const rows = q.list.all().map((m) => ({
        id: m.id, datum: m.datum, tijd: m.tijd, locatie: m.locatie, online: m.online === 1, status: m.status, itemCount: m.itemCount,
        decidedCount: m.decidedCount,
      }));
      // Upcoming (or still open) first, soonest first; then the past, most recent first.
      const upcoming = rows.filter((m) => m.datum >= today || m.status === 'gepland');
      const past = rows.filter((m) => !upcoming.includes(m)).reverse();
      return includePast ? [...upcoming, ...past] : upcoming;
    },
    create(input: MeetingInputParsed): string {
      const id = uuidv7();
      const at = deps.now().toISOString();
      // Usually the same people meet every time: start from the last meeting's members.
      const members = input.members.length ? input.members : (JSON.parse(q.latestMembers.get() ?? '[]') as MeetingInputParsed['members']);
      sqlite.transaction(() => q.insert.run({ id, at, ...detailCols({ ...input, members }) }))();
      return id;
    },
    save(id: string, baseRevision: number, input: MeetingInputParsed): void {
      const m = open(id, baseRevision);
      change(m, () => q.details.run({ id, ...detailCols(input) }));
    },
    addItem(id: string, baseRevision: number, type: CommissionSubject, subjectId: string): void {
      const m = open(id, baseRevision);
      const s = deps.subjects.subject(type, subjectId);
      if (!deps.subjects.eligible(s)) throw new DocError('conflict', [], 'errors.commission_not_in_inbox');
      const missing = deps.subjects.missingOf(s);
      if (missing.length) throw new DocError('fields', missing, 'errors.commission_incomplete');
      if (deps.subjects.openItem(type, subjectId) || q.onThis.get(id, type, subjectId)) {
        throw new DocError('conflict', [], 'errors.commission_on_agenda');
      }
      const position = q.items.all(id).length;
      change(m, (at) => q.insertItem.run(uuidv7(), id, position, type, subjectId, s.dossierId, deps.settings().defaultItemMinutes,
        JSON.stringify(NO_CHECKS), at, at));
    },
    removeItem(id: string, baseRevision: number, itemId: string): void {
      const m = open(id, baseRevision);
      const it = itemOf(m, itemId);
      if (it.decision) throw new DocError('conflict', [], 'errors.commission_decided');
      change(m, (at) => {
        q.deleteItem.run(itemId);
        renumber(q.items.all(id).map((i) => i.id), at);
      });
    },
    moveItem(id: string, baseRevision: number, itemId: string, to: number): void {
      const m = open(id, baseRevision);
      itemOf(m, itemId);
      const ids = q.items.all(id).map((i) => i.id).filter((x) => x !== itemId);
      ids.splice(Math.min(to, ids.length), 0, itemId);
      change(m, (at) => renumber(ids, at));
    },
    saveItem(input: SaveItemInput): void {
      const m = open(input.meetingId, input.baseRevision);
      itemOf(m, input.itemId);
      const checks = { ...NO_CHECKS, ...input.checks };
      change(m, (at) => q.saveItem.run(input.minutes, JSON.stringify(input.guests), JSON.stringify(checks), at, input.itemId));
    },
  };
}
export type MeetingStore = ReturnType<typeof meetingStore>;
