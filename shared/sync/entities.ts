// The synced entities, declared once. The app's outbox triggers, the pull applier, the store's
// validation, scoping and authorisation, and the published JSON schemas are all derived from this
// list: adding an entity later is one entry here (plus its table on both sides).
import { AUDIT_ACTIONS } from '../contract/audit.js';
import type { Role } from '../domain/dossier.js';

/**
 * Wire types of a field. Values on the wire are the SQLite column values: text, integer or null.
 * - `text`: a short scalar string (per-field last-writer-wins);
 * - `int`: an integer (booleans are 0/1), last-writer-wins;
 * - `json`: a string holding JSON (lists, documents), last-writer-wins as a whole;
 * - `narrative`: free text written by people; concurrent edits are three-way merged, else a conflict.
 * A trailing `?` makes the field nullable.
 */
export type FieldType = 'text' | 'int' | 'json' | 'narrative';
export interface FieldDef {
  name: string;
  type: FieldType;
  nullable: boolean;
}

export type ScopeRule =
  /** Reference data every member of the association may read (werkgebieden, schools, users…). */
  | { kind: 'association' }
  /** The record's school (and that school's werkgebied) is its scope: the dossier. */
  | { kind: 'school'; field: string }
  /** A werkgebied-wide record, optionally tied to one school: arrangements. */
  | { kind: 'werkgebied'; werkgebiedField: string; schoolField: string }
  /** The scope of the parent record: everything inside a dossier. */
  | { kind: 'parent'; entity: SyncEntity; field: string }
  /** The scope of the owner named by a type and an id field: attachments. */
  | { kind: 'owner'; typeField: string; idField: string; owners: Record<string, SyncEntity> }
  /** The scope of the record the conflict is about. */
  | { kind: 'subject'; entityField: string; idField: string };

export interface EntityDef {
  name: SyncEntity;
  /** Local (and store) table. */
  table: string;
  /** Key columns; the entity id on the wire is their values joined with `:`. */
  key: readonly string[];
  fields: readonly FieldDef[];
  /**
   * Local columns that never travel: per-device edit counters (bumped locally when a pulled change
   * lands, so open editors notice), derived columns (recomputed on apply) and attachment bytes
   * (which travel as content-addressed blobs).
   */
  localOnly: readonly string[];
  scope: ScopeRule;
  read: readonly Role[];
  write: readonly Role[];
  /** Whether a delete may be pushed. */
  deletable: boolean;
  /** Finalised records are immutable: once `field` holds one of `values`, only `mutable` fields may change. */
  finalised?: { field: string; values: readonly string[]; mutable: readonly string[] };
  /** Pushed only by the store itself (admin CLI), never by a device. */
  storeOnly?: boolean;
}

export const SYNC_ENTITIES = [
  'user', 'werkgebied', 'school', 'budget_allocation', 'dossier', 'dossier_parent', 'dossier_involved',
  'dossier_event', 'mdo', 'dossier_action', 'kindgesprek', 'arrangement', 'tlv', 'attachment', 'conflict',
  'association_setting', 'commission_meeting', 'commission_item', 'retention_run',
  'audit_event',
] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

/** Version of the entity schemas below; bump it whenever a field is added, removed or retyped. */
export const SYNC_SCHEMA_VERSION = 3;

const f = (spec: string): FieldDef[] =>
  spec.trim().split(/\s+/).map((s) => {
    const [name, rawType] = s.split(':') as [string, string | undefined];
    const nullable = rawType?.endsWith('?') ?? false;
    const type = (rawType ?? 'text').replace('?', '') as FieldType;
    return { name, type, nullable };
  });

const ALL: readonly Role[] = ['consulent', 'secretaris', 'school', 'beheerder'];
const CASEWORK: readonly Role[] = ['consulent', 'school'];
/** The secretary sees what the commission needs: dossiers, applications, arrangements and their files. */
const CASE_READERS: readonly Role[] = ['consulent', 'school', 'secretaris'];
const dossierChild = { kind: 'parent', entity: 'dossier', field: 'dossier_id' } as const;
/** The commission's own records: the secretary's (association-wide; decisions reach dossiers through the TLV/arrangement). */
const COMMISSION: readonly Role[] = ['secretaris'];

export const ENTITY_DEFS: readonly EntityDef[] = [
  {
    name: 'user', table: 'users', key: ['id'], fields: f('id name role created_at updated_at'), localOnly: [],
    scope: { kind: 'association' }, read: ALL, write: [], deletable: false, storeOnly: true,
  },
  {
    name: 'werkgebied', table: 'werkgebieden', key: ['id'], fields: f('id name created_at updated_at'), localOnly: [],
    scope: { kind: 'association' }, read: ALL, write: ['beheerder'], deletable: false,
  },
  {
    name: 'school', table: 'schools', key: ['id'], fields: f('id name brin place werkgebied_id created_at updated_at'),
    localOnly: [], scope: { kind: 'association' }, read: ALL, write: ['beheerder'], deletable: false,
  },
  {
    name: 'budget_allocation', table: 'budget_allocations', key: ['werkgebied_id', 'year_key'],
    fields: f('werkgebied_id year_key allocated_cents:int updated_at'), localOnly: [],
    scope: { kind: 'association' }, read: ['consulent', 'secretaris', 'beheerder'], write: ['beheerder', 'consulent'],
    deletable: false,
  },
  {
    name: 'dossier', table: 'dossiers', key: ['id'],
    fields: f(`id voornaam tussenvoegsel achternaam geboortedatum groep school_id consulent_id:text? niveau:int status
      notes:narrative closed_at:text? created_at updated_at`),
    localOnly: ['sort_name', 'version'], scope: { kind: 'school', field: 'school_id' },
    read: CASE_READERS, write: CASEWORK, deletable: false,
  },
  {
    name: 'dossier_parent', table: 'dossier_parents', key: ['id'],
    fields: f('id dossier_id position:int name relation gezag:int phone email'), localOnly: [],
    scope: dossierChild, read: CASE_READERS, write: CASEWORK, deletable: true,
  },
  {
    name: 'dossier_involved', table: 'dossier_involved', key: ['id'],
    fields: f('id dossier_id position:int role name organisation'), localOnly: [],
    scope: dossierChild, read: CASE_READERS, write: CASEWORK, deletable: true,
  },
  {
    name: 'dossier_event', table: 'dossier_events', key: ['id'],
    fields: f('id dossier_id at type actor_id:text? fields:json ref_id:text?'), localOnly: [],
    scope: dossierChild, read: CASE_READERS, write: CASEWORK, deletable: false,
  },
  {
    name: 'mdo', table: 'mdos', key: ['id'],
    fields: f(`id dossier_id series_id version:int status datum tijd locatie agenda:json attendees:json kind_aanwezig
      kind_inbreng kind_inbreng_toelichting:narrative ondersteuningsvraag_school:narrative
      ondersteuningsvraag_ouders:narrative ondersteuningsvraag_kind:narrative wat_gaat_goed:narrative zorgen:narrative
      stimulerend:json belemmerend:json onderwijsbehoeften:narrative ondersteuningsbehoefte_leerkracht:narrative
      cruciale_doelen:narrative afspraken:json regiehouder visie_ouders:narrative kindgesprek_id:text?
      stem_van_het_kind:narrative weging_kindvisie:narrative evaluatiedatum consent:json correctie_reden:narrative
      superseded_by:text? vastgesteld_at:text? vastgesteld_by:text? created_at updated_at`),
    localOnly: ['revision'], scope: dossierChild, read: CASEWORK, write: CASEWORK, deletable: false,
    finalised: { field: 'status', values: ['vastgesteld'], mutable: ['superseded_by', 'updated_at'] },
  },
  {
    name: 'dossier_action', table: 'dossier_actions', key: ['id'],
    fields: f('id dossier_id mdo_id series_id afspraak_id wat wie wanneer status updated_at'), localOnly: [],
    scope: dossierChild, read: CASEWORK, write: CASEWORK, deletable: false,
  },
  {
    name: 'kindgesprek', table: 'kindgesprekken', key: ['id'],
    fields: f(`id dossier_id status datum leeftijd topics:json observaties:narrative delen_met_ouders:int
      delen_met_school:int delen_toelichting:narrative samenvatting:narrative afgerond_at:text? created_at updated_at`),
    localOnly: ['revision'], scope: dossierChild, read: CASEWORK, write: CASEWORK, deletable: false,
    finalised: { field: 'status', values: ['afgerond'], mutable: [] },
  },
  {
    name: 'arrangement', table: 'arrangements', key: ['id'],
    fields: f(`id status title dossier_id:text? werkgebied_id school_id:text? route:int targets:json start_date end_date
      total_cents:int body:json follow_up_of:text? followed_by:text? mdo_id:text? decision:json? send_back:json? created_at
      updated_at`),
    localOnly: ['revision'], scope: { kind: 'werkgebied', werkgebiedField: 'werkgebied_id', schoolField: 'school_id' },
    read: CASE_READERS, write: ['consulent', 'school', 'secretaris'], deletable: false,
  },
  {
    name: 'tlv', table: 'tlv_applications', key: ['id'],
    fields: f(`id dossier_id status period_end body:json required_documents:json complete_at:text? submitted_at:text?
      tlv_number decision:json? send_back:json? created_at updated_at`),
    localOnly: ['revision'], scope: dossierChild, read: CASE_READERS, write: ['consulent', 'school', 'secretaris'],
    deletable: false,
  },
  {
    name: 'attachment', table: 'attachments', key: ['id'],
    fields: f('id owner_type owner_id name media_type size_bytes:int sha256 created_at'), localOnly: ['bytes'],
    scope: { kind: 'owner', typeField: 'owner_type', idField: 'owner_id', owners: { tlv: 'tlv', arrangement: 'arrangement' } },
    read: CASE_READERS, write: ['consulent', 'school', 'secretaris'], deletable: true,
  },
  {
    name: 'conflict', table: 'sync_conflicts', key: ['id'],
    fields: f(`id entity entity_id field base_value:text? store_value:text? device_value:text? device_id user_id
      status resolution:text? resolved_by:text? resolved_at:text? created_at`),
    localOnly: [], scope: { kind: 'subject', entityField: 'entity', idField: 'entity_id' },
    read: CASE_READERS, write: ['consulent', 'school', 'secretaris'], deletable: false,
    // Only the outcome of an open conflict may be recorded; the versions themselves are the store's.
    finalised: { field: 'status', values: ['open', 'resolved'], mutable: ['status', 'resolution', 'resolved_by', 'resolved_at'] },
  },
  {
    // Settings the whole association shares (commission rules, numbering, budgets); not the school's to change.
    name: 'association_setting', table: 'association_settings', key: ['key'], fields: f('key value:json updated_at'), localOnly: [],
    scope: { kind: 'association' }, read: ALL, write: ['consulent', 'secretaris', 'beheerder'], deletable: false,
  },
  {
    name: 'commission_meeting', table: 'commission_meetings', key: ['id'],
    fields: f(`id datum tijd locatie online:int link members:json status notulen:narrative notulen_status vastgesteld_at:text?
      vastgesteld_by:text? created_at updated_at`),
    localOnly: ['revision'], scope: { kind: 'association' }, read: COMMISSION, write: COMMISSION, deletable: false,
    finalised: { field: 'notulen_status', values: ['vastgesteld'], mutable: [] },
  },
  {
    name: 'commission_item', table: 'commission_items', key: ['id'],
    fields: f(`id meeting_id position:int subject_type subject_id dossier_id:text? minutes:int guests:json checks:json
      decision:json? letters_sent_at:text? created_at updated_at`),
    localOnly: [], scope: { kind: 'association' }, read: COMMISSION, write: COMMISSION, deletable: true,
  },
  {
    // A retention run: rule, day and count only (never pupils' names or ids), append-only (docs/retention.md).
    name: 'retention_run', table: 'retention_runs', key: ['id'], fields: f('id rule run_date count:int by_name created_at'),
    localOnly: [], scope: { kind: 'association' }, read: ['consulent', 'secretaris', 'beheerder'],
    write: ['consulent', 'secretaris'], deletable: false,
    finalised: { field: 'rule', values: ['dossier_closed', 'tlv'], mutable: [] },
  },
  {
    // The audit log (docs/security.md): written by every role's device (its own events only, checked by the
    // store), read only by the beheerder, the role the association's privacy officer works with. Never
    // changed once written: every known action counts as finalised, so any edit is rejected.
    name: 'audit_event', table: 'audit_log', key: ['id'],
    fields: f(`id device_id seq:int at user_id:text? action method entity entity_id:text? dossier_id:text? detail:json
      prev_hash hash`),
    localOnly: [], scope: { kind: 'association' }, read: ['beheerder'], write: ALL, deletable: false,
    finalised: { field: 'action', values: AUDIT_ACTIONS, mutable: [] },
  },
];

const BY_NAME = new Map(ENTITY_DEFS.map((d) => [d.name, d]));
export function entityDef(name: SyncEntity): EntityDef {
  const d = BY_NAME.get(name);
  if (!d) throw new Error(`Unknown sync entity ${name}`);
  return d;
}
export function isSyncEntity(name: unknown): name is SyncEntity {
  return typeof name === 'string' && BY_NAME.has(name as SyncEntity);
}
/** The wire id of a row: its key columns joined with `:`. */
export function entityId(def: EntityDef, row: Record<string, unknown>): string {
  return def.key.map((k) => String(row[k])).join(':');
}
