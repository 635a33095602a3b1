// Fixed data for the commission screens' tests (fictitious names).
import type { CommissionSettings, InboxRow, Meeting, MeetingItem } from '../../../../shared/contract/index.js';
import { id } from '../../test/data.js';

export const MEETING_ID = id(3000);

export function makeSettings(patch: Partial<CommissionSettings> = {}): CommissionSettings {
  return {
    rules: { requireParentsView: true, requireConsent: true, requireChildView: true, oppMaxAgeMonths: 12 },
    arrangementRoutes: [2, 3],
    arrangementThresholdCents: 1_500_000,
    tlvNumberPattern: 'TLV-{jaar}-{nummer:4}',
    memberRoles: [
      { key: 'voorzitter', label: 'Voorzitter', voting: true },
      { key: 'orthopedagoog', label: 'Orthopedagoog', voting: true },
      { key: 'secretaris', label: 'Secretaris', voting: false },
    ],
    defaultItemMinutes: 20,
    bezwaar: { instantie: 'Bezwaarcommissie SWV Noord', adres: 'Postbus 1, 1800 AA Alkmaar', weeks: 6 },
    afzender: 'SWV Noord',
    ...patch,
  };
}

export function makeInboxRow(patch: Partial<InboxRow> = {}): InboxRow {
  return {
    subjectType: 'tlv', subjectId: id(800), dossierId: id(100), title: 'Sanne de Vries', schoolName: 'De Regenboog',
    werkgebiedName: 'Alkmaar-Noord', kind: 'eerste_aanvraag', status: 'ingediend', submittedAt: '2026-10-01T08:00:00.000Z',
    missing: [], clock: { due: '2026-11-26', daysLeft: 4, state: 'bijna' }, meetingId: null, meetingDatum: null,
    ...patch,
  };
}

export function makeItem(n: number, patch: Partial<MeetingItem> = {}): MeetingItem {
  return {
    id: id(3100 + n), meetingId: MEETING_ID, position: n, subjectType: 'tlv', subjectId: id(800 + n), dossierId: id(100 + n),
    title: `Leerling ${n + 1}`, kind: 'eerste_aanvraag', startsAt: `14:${String(n * 20).padStart(2, '0')}`, minutes: 20, guests: [],
    checks: { ontvankelijk: false, volledig: false, navolgbaar: false }, missing: [], decision: null, lettersSentAt: null,
    ...patch,
  };
}

export function makeMeeting(patch: Partial<Meeting> = {}): Meeting {
  return {
    id: MEETING_ID, revision: 3, datum: '2026-12-01', tijd: '14:00', locatie: 'Kantoor SWV', online: false, link: '',
    members: [{ name: 'Mr. Jansen', role: 'voorzitter' }], status: 'gepland', notulen: '', notulenStatus: 'concept',
    vastgesteldAt: null, vastgesteldByName: '', items: [makeItem(0), makeItem(1), makeItem(2)],
    createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z',
    ...patch,
  };
}

/** Moves an item like the core does, renumbering positions. */
export function moved(m: Meeting, itemId: string, to: number): Meeting {
  const items = m.items.filter((i) => i.id !== itemId);
  items.splice(to, 0, m.items.find((i) => i.id === itemId)!);
  return { ...m, revision: m.revision + 1, items: items.map((i, position) => ({ ...i, position })) };
}
