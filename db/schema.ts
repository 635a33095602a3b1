// The local database. Times are UTC ISO strings; ids are UUIDv7 made on the device.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { TIMELINE_EVENTS } from '../shared/domain/dossier.js';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/** Key/value settings of this installation (profile, association, preferences). JSON values. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['consulent', 'secretaris', 'school', 'beheerder'] }).notNull(),
  ...timestamps,
});

export const werkgebieden = sqliteTable(
  'werkgebieden',
  { id: text('id').primaryKey(), name: text('name').notNull(), ...timestamps },
  (t) => [uniqueIndex('werkgebieden_name_uq').on(sql`lower(${t.name})`)],
);

export const schools = sqliteTable(
  'schools',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    brin: text('brin').notNull(),
    place: text('place').notNull().default(''),
    werkgebiedId: text('werkgebied_id')
      .notNull()
      .references(() => werkgebieden.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('schools_brin_uq').on(t.brin), index('schools_werkgebied_idx').on(t.werkgebiedId)],
);

export const dossiers = sqliteTable(
  'dossiers',
  {
    id: text('id').primaryKey(),
    voornaam: text('voornaam').notNull(),
    tussenvoegsel: text('tussenvoegsel').notNull().default(''),
    achternaam: text('achternaam').notNull(),
    /** achternaam + voornaam folded (lower case, no diacritics): the Dutch sort order. */
    sortName: text('sort_name').notNull(),
    geboortedatum: text('geboortedatum').notNull(),
    groep: text('groep').notNull(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    consulentId: text('consulent_id').references(() => users.id),
    niveau: integer('niveau').notNull().default(0),
    status: text('status', { enum: ['aangemeld', 'lopend', 'afgesloten'] }).notNull(),
    notes: text('notes').notNull().default(''),
    closedAt: text('closed_at'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('dossiers_sort_name_idx').on(t.sortName),
    index('dossiers_school_idx').on(t.schoolId, t.sortName),
    index('dossiers_status_idx').on(t.status, t.sortName),
    index('dossiers_consulent_idx').on(t.consulentId, t.sortName),
    index('dossiers_updated_idx').on(t.updatedAt),
  ],
);

export const dossierParents = sqliteTable(
  'dossier_parents',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    gezag: integer('gezag', { mode: 'boolean' }).notNull(),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
  },
  (t) => [index('dossier_parents_dossier_idx').on(t.dossierId, t.position)],
);

export const dossierInvolved = sqliteTable(
  'dossier_involved',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    organisation: text('organisation').notNull().default(''),
  },
  (t) => [index('dossier_involved_dossier_idx').on(t.dossierId, t.position)],
);

/** The dossier's own history. `fields` lists changed field names as JSON, never their content. */
export const dossierEvents = sqliteTable(
  'dossier_events',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    type: text('type', { enum: TIMELINE_EVENTS }).notNull(),
    actorId: text('actor_id'),
    fields: text('fields').notNull().default('[]'),
    /** The MDO or kindgesprek an event is about (null for the dossier's own events). */
    refId: text('ref_id'),
  },
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.at)],
);

const mdoText = (name: string) => text(name).notNull().default('');

/**
 * One row per VERSION of an MDO verslag. All versions share `series_id` (the id of version 1); a
 * vastgesteld row is never updated again except for `superseded_by`. Lists and documents are JSON.
 */
export const mdos = sqliteTable(
  'mdos',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    seriesId: text('series_id').notNull(),
    version: integer('version').notNull(),
    revision: integer('revision').notNull(),
    status: text('status', { enum: ['concept', 'vastgesteld'] }).notNull(),
    datum: text('datum').notNull(),
    tijd: mdoText('tijd'),
    locatie: mdoText('locatie'),
    agenda: text('agenda').notNull().default('[]'),
    attendees: text('attendees').notNull().default('[]'),
    kindAanwezig: text('kind_aanwezig').notNull(),
    kindInbreng: text('kind_inbreng').notNull(),
    kindInbrengToelichting: mdoText('kind_inbreng_toelichting'),
    ondersteuningsvraagSchool: mdoText('ondersteuningsvraag_school'),
    ondersteuningsvraagOuders: mdoText('ondersteuningsvraag_ouders'),
    ondersteuningsvraagKind: mdoText('ondersteuningsvraag_kind'),
    watGaatGoed: mdoText('wat_gaat_goed'),
    zorgen: mdoText('zorgen'),
    stimulerend: text('stimulerend').notNull(),
    belemmerend: text('belemmerend').notNull(),
    onderwijsbehoeften: mdoText('onderwijsbehoeften'),
    ondersteuningsbehoefteLeerkracht: mdoText('ondersteuningsbehoefte_leerkracht'),
    crucialeDoelen: mdoText('cruciale_doelen'),
    afspraken: text('afspraken').notNull().default('[]'),
    regiehouder: mdoText('regiehouder'),
    visieOuders: mdoText('visie_ouders'),
    kindgesprekId: text('kindgesprek_id'),
    stemVanHetKind: mdoText('stem_van_het_kind'),
    wegingKindvisie: mdoText('weging_kindvisie'),
    evaluatiedatum: mdoText('evaluatiedatum'),
    consent: text('consent').notNull().default('[]'),
    correctieReden: mdoText('correctie_reden'),
    supersededBy: text('superseded_by'),
    vastgesteldAt: text('vastgesteld_at'),
    vastgesteldBy: text('vastgesteld_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('mdos_dossier_idx').on(t.dossierId, t.datum),
    uniqueIndex('mdos_series_version_uq').on(t.seriesId, t.version),
  ],
);

/** Afspraken of finalised MDOs as action items; their status is tracked apart from the immutable verslag. */
export const dossierActions = sqliteTable(
  'dossier_actions',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    mdoId: text('mdo_id')
      .notNull()
      .references(() => mdos.id, { onDelete: 'cascade' }),
    seriesId: text('series_id').notNull(),
    /** The afspraak's id inside the verslag: a correction that keeps an afspraak keeps its action. */
    afspraakId: text('afspraak_id').notNull(),
    wat: text('wat').notNull(),
    wie: text('wie').notNull().default(''),
    wanneer: text('wanneer').notNull().default(''),
    status: text('status', { enum: ['open', 'gedaan', 'vervallen'] }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('dossier_actions_dossier_idx').on(t.dossierId),
    index('dossier_actions_mdo_idx').on(t.mdoId),
    uniqueIndex('dossier_actions_series_afspraak_uq').on(t.seriesId, t.afspraakId),
  ],
);

export const kindgesprekken = sqliteTable(
  'kindgesprekken',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['concept', 'afgerond'] }).notNull(),
    revision: integer('revision').notNull(),
    datum: text('datum').notNull(),
    leeftijd: text('leeftijd').notNull(),
    topics: text('topics').notNull().default('[]'),
    observaties: mdoText('observaties'),
    delenMetOuders: integer('delen_met_ouders', { mode: 'boolean' }).notNull().default(false),
    delenMetSchool: integer('delen_met_school', { mode: 'boolean' }).notNull().default(false),
    delenToelichting: mdoText('delen_toelichting'),
    samenvatting: mdoText('samenvatting'),
    afgerondAt: text('afgerond_at'),
    ...timestamps,
  },
  (t) => [index('kindgesprekken_dossier_idx').on(t.dossierId, t.datum)],
);

/**
 * Arrangements. Filterable scalars are columns; goals, inzet, pupils and the rest are JSON. `total_cents`
 * is recomputed with `totalCents` on every write; `targets` is a JSON array (filtered with LIKE on the
 * quoted code); `school_ids` lists the schools of the main school and the pupils (JSON) for route 2.
 */
export const arrangements = sqliteTable(
  'arrangements',
  {
    id: text('id').primaryKey(),
    revision: integer('revision').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    dossierId: text('dossier_id').references(() => dossiers.id, { onDelete: 'set null' }),
    werkgebiedId: text('werkgebied_id').notNull().references(() => werkgebieden.id),
    schoolId: text('school_id').references(() => schools.id),
    route: integer('route').notNull(),
    targets: text('targets').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    totalCents: integer('total_cents').notNull(),
    /** JSON: everything else of the contract object (goals, inzet, pupils, history, evaluation…). */
    body: text('body').notNull(),
    followUpOf: text('follow_up_of'),
    followedBy: text('followed_by'),
    mdoId: text('mdo_id'),
    /** JSON of the commission's decision (contract decisionSchema), once taken. */
    decision: text('decision'),
    /** JSON of the last "aanvullen" request (contract sendBackSchema). */
    sendBack: text('send_back'),
    ...timestamps,
  },
  (t) => [
    index('arrangements_werkgebied_idx').on(t.werkgebiedId, t.startDate),
    index('arrangements_school_idx').on(t.schoolId),
    index('arrangements_dossier_idx').on(t.dossierId),
    index('arrangements_status_idx').on(t.status),
    index('arrangements_updated_idx').on(t.updatedAt),
  ],
);

/**
 * The amount of each arrangement per budget year (`attributedCents`, for the year kind in the budget
 * settings), kept with every write: a werkgebied's committed amount is one indexed SUM instead of
 * re-attributing every arrangement on each budget preview. Rebuilt when the year kind changes.
 */
export const arrangementBudgetYears = sqliteTable(
  'arrangement_budget_years',
  {
    arrangementId: text('arrangement_id').notNull().references(() => arrangements.id, { onDelete: 'cascade' }),
    yearKey: text('year_key').notNull(),
    werkgebiedId: text('werkgebied_id').notNull(),
    status: text('status').notNull(),
    cents: integer('cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.arrangementId, t.yearKey] }),
    index('arrangement_budget_years_idx').on(t.werkgebiedId, t.yearKey, t.status, t.cents),
  ],
);

/** Budget allocated to a werkgebied for a budget year (`2026-2027` or `2026`). */
export const budgetAllocations = sqliteTable(
  'budget_allocations',
  {
    werkgebiedId: text('werkgebied_id').notNull().references(() => werkgebieden.id),
    yearKey: text('year_key').notNull(),
    allocatedCents: integer('allocated_cents').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.werkgebiedId, t.yearKey] })],
);

/** TLV applications; the edited content is JSON in `body`. */
export const tlvApplications = sqliteTable(
  'tlv_applications',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    status: text('status').notNull(),
    periodEnd: text('period_end').notNull().default(''),
    body: text('body').notNull(),
    requiredDocuments: text('required_documents').notNull(),
    completeAt: text('complete_at'),
    submittedAt: text('submitted_at'),
    tlvNumber: text('tlv_number').notNull().default(''),
    /** JSON of the commission's decision (contract decisionSchema), once taken. */
    decision: text('decision'),
    /** JSON of the last "aanvullen" request (contract sendBackSchema). */
    sendBack: text('send_back'),
    ...timestamps,
  },
  (t) => [index('tlv_dossier_idx').on(t.dossierId, t.createdAt)],
);

/**
 * Association-wide settings that every device must agree on (synced): 'commission' (rules, numbering,
 * members, bezwaar) and 'budgets' (year kind, cap, TLV categories, decision weeks). JSON values.
 */
export const associationSettings = sqliteTable('association_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Meetings of the Commissie van Toewijzing. `members` is JSON [{ name, role }]; notulen are vastgesteld once. */
export const commissionMeetings = sqliteTable(
  'commission_meetings',
  {
    id: text('id').primaryKey(),
    revision: integer('revision').notNull(),
    datum: text('datum').notNull(),
    tijd: text('tijd').notNull(),
    locatie: text('locatie').notNull().default(''),
    online: integer('online').notNull().default(0),
    link: text('link').notNull().default(''),
    members: text('members').notNull().default('[]'),
    status: text('status').notNull(),
    notulen: text('notulen').notNull().default(''),
    notulenStatus: text('notulen_status').notNull(),
    vastgesteldAt: text('vastgesteld_at'),
    vastgesteldBy: text('vastgesteld_by'),
    ...timestamps,
  },
  (t) => [index('commission_meetings_datum_idx').on(t.datum)],
);

/** Agenda items: one case (a TLV or an arrangement) on one meeting, with its decision once taken (JSON). */
export const commissionItems = sqliteTable(
  'commission_items',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id').notNull().references(() => commissionMeetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    dossierId: text('dossier_id'),
    minutes: integer('minutes').notNull(),
    guests: text('guests').notNull().default('[]'),
    checks: text('checks').notNull().default('{}'),
    decision: text('decision'),
    lettersSentAt: text('letters_sent_at'),
    ...timestamps,
  },
  (t) => [index('commission_items_meeting_idx').on(t.meetingId, t.position), index('commission_items_subject_idx').on(t.subjectType, t.subjectId)],
);

/**
 * TLV numbers this device may hand out, per series (year, school year or 'doorlopend'): blocks the store
 * reserved for this device (`source` 'store'), or, on a device not linked to a store, one open-ended local
 * block. Never synced: uniqueness comes from the store handing each block out once.
 */
export const tlvNumberBlocks = sqliteTable(
  'tlv_number_blocks',
  {
    id: text('id').primaryKey(),
    series: text('series').notNull(),
    first: integer('first').notNull(),
    last: integer('last').notNull(),
    /** The next number to hand out; the block is used up when next > last. */
    next: integer('next').notNull(),
    source: text('source', { enum: ['store', 'local'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('tlv_number_blocks_series_idx').on(t.series, t.first)],
);

/** Files attached to a TLV or arrangement. The bytes live in the (encrypted) database itself. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

/**
 * Local changes waiting for the association's store. Written in the same transaction as the change
 * (design.md: Sync); `seq` is this device's monotonic mutation number.
 */
export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  mutationId: text('mutation_id').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
  /** JSON of the full row after the change (synced fields only); `null` for a delete. Written by the triggers (db/sync/triggers.ts). */
  data: text('data').notNull(),
  /** Unused since the triggers write `base_data`; kept so old rows stay readable. */
  baseVersion: integer('base_version'),
  /** JSON of the full row before the change as this device knew it; NULL when the device created it. */
  baseData: text('base_data'),
  at: text('at').notNull(),
}, (t) => [index('outbox_entity_idx').on(t.entity, t.entityId)]);

/** Conflicts between this device and the store (the synced 'conflict' entity; fields as in ENTITY_DEFS). */
export const syncConflicts = sqliteTable('sync_conflicts', {
  id: text('id').primaryKey(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  field: text('field').notNull(),
  baseValue: text('base_value'),
  storeValue: text('store_value'),
  deviceValue: text('device_value'),
  deviceId: text('device_id').notNull(),
  userId: text('user_id').notNull(),
  status: text('status').notNull(),
  resolution: text('resolution'),
  resolvedBy: text('resolved_by'),
  resolvedAt: text('resolved_at'),
  createdAt: text('created_at').notNull(),
}, (t) => [index('sync_conflicts_status_idx').on(t.status), index('sync_conflicts_subject_idx').on(t.entity, t.entityId)]);

/**
 * The outcome of every pushed outbox row: nothing vanishes. Rejected rows keep what was sent
 * (`data`, `base`) so the user can see and copy what the store did not accept.
 */
export const syncLog = sqliteTable('sync_log', {
  seq: integer('seq').primaryKey(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
  status: text('status', { enum: ['applied', 'conflict', 'rejected'] }).notNull(),
  reason: text('reason'),
  version: integer('version'),
  data: text('data'),
  base: text('base'),
  at: text('at').notNull(),
  seen: integer('seen').notNull().default(0),
}, (t) => [index('sync_log_status_idx').on(t.status, t.seen)]);

/** Who changed a record and which fields, per store version (pulled changes): a document's history. */
export const syncHistory = sqliteTable('sync_history', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  version: integer('version').notNull(),
  by: text('by'),
  at: text('at').notNull(),
  fields: text('fields').notNull(),
}, (t) => [index('sync_history_subject_idx').on(t.entity, t.entityId, t.version)]);

/** Attachment content still to fetch from the store; `bytes` holds what arrived so far (downloads resume). */
export const syncBlobDownloads = sqliteTable('sync_blob_downloads', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Retention runs (bewaartermijnen): what was destroyed, by which rule, when and how much — never names
 * or ids. Synced and append-only, so the privacy officer sees every run (docs/retention.md).
 */
export const retentionRuns = sqliteTable('retention_runs', {
  id: text('id').primaryKey(),
  rule: text('rule').notNull(),
  /** The Amsterdam day of the run (YYYY-MM-DD). */
  runDate: text('run_date').notNull(),
  count: integer('count').notNull(),
  byName: text('by_name').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * The audit log (docs/security.md): who did what to which record, when, on which device — never the
 * content. Each device hash-chains its own events (shared/domain/audit-chain.ts); append-only by trigger.
 */
export const auditLog = sqliteTable('audit_log', {
  id: text('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  seq: integer('seq').notNull(),
  at: text('at').notNull(),
  userId: text('user_id'),
  action: text('action').notNull(),
  method: text('method').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  dossierId: text('dossier_id'),
  detail: text('detail').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  uniqueIndex('audit_log_device_seq_idx').on(t.deviceId, t.seq),
  index('audit_log_at_idx').on(t.at),
  index('audit_log_user_idx').on(t.userId, t.at),
  index('audit_log_entity_idx').on(t.entityId),
  index('audit_log_dossier_idx').on(t.dossierId),
]);
