// Which contract calls are audited, and how: every method is either in AUDITED or in NOT_AUDITED with a
// reason (a test keeps the two complete). Rules read only ids, field NAMES, counts and variants from the
// call, never its content: no names, no search text, no free text, no file names.
import type { Method, Output, ParsedInput } from './index.js';
import type { AuditAction } from './audit.js';

export interface AuditSubject {
  entity: string;
  id: string | null;
  dossierId?: string | null;
}
export type AuditDetail = Record<string, string | number | boolean | string[]>;

export interface AuditRule<M extends Method> {
  /** A function when the outcome decides it (a wrong PIN is `unlock_failed`); `null` records nothing. */
  action: AuditAction | ((input: ParsedInput<M>, output: Output<M>) => AuditAction | null);
  subject: (input: ParsedInput<M>, output: Output<M>) => AuditSubject;
  detail?: (input: ParsedInput<M>, output: Output<M>) => AuditDetail;
}
export type AuditRules = { [M in Method]?: AuditRule<M> };

/** Why a method is not audited. */
export type NotAuditedReason =
  | 'status' // app, vault, lock or sync state without personal data
  | 'list' // overviews and pickers; opening a record is audited
  | 'settings_read' // association settings, budgets, reference data reads
  | 'calculation' // a preview computed from the input only
  | 'job_poll' // polling a job whose start was audited
  | 'demo'; // the demo association: invented people only, and an installation that can never be linked

/** Names of the keys of an object (the fields a save touched), never their values. */
const keys = (o: unknown): string[] => (o && typeof o === 'object' ? Object.keys(o).sort() : []);
type WithId = { id: string };
type WithDossier = { id: string; dossierId?: string | null };
const rec = (entity: string) => (_i: unknown, o: unknown) => {
  const r = o as WithDossier;
  return { entity, id: r.id, dossierId: r.dossierId ?? null };
};
const byInputId = (entity: string) => (i: unknown) => ({ entity, id: (i as WithId).id });
const dossierOf = (entity: string) => (_i: unknown, o: unknown) => ({ entity, id: (o as WithId).id, dossierId: (o as WithId).id });
const meeting = (i: unknown) => ({ entity: 'commission_meeting', id: (i as { meetingId: string }).meetingId });
const app = () => ({ entity: 'app', id: null });

export const AUDITED: AuditRules = {
  'vault:unlock': { action: 'unlock', subject: app, detail: () => ({ via: 'passphrase' }) },
  'setup:complete': { action: 'create', subject: (_i, o) => ({ entity: 'user', id: o.userId }), detail: (i) => ({ role: i.role }) },
  'werkgebieden:save': { action: (i) => (i.id ? 'change' : 'create'), subject: rec('werkgebied'), detail: (i) => ({ fields: keys(i) }) },
  'schools:save': { action: (i) => (i.id ? 'change' : 'create'), subject: rec('school'), detail: (i) => ({ fields: keys(i) }) },
  'schools:import': {
    action: (i) => (i.apply ? 'change' : null), subject: () => ({ entity: 'school', id: null }),
    detail: (_i, o) => ({ variant: 'import', created: o.created, updated: o.updated }),
  },
  'dossiers:get': { action: 'view', subject: dossierOf('dossier') },
  'dossiers:create': { action: 'create', subject: dossierOf('dossier'), detail: (i) => ({ fields: keys(i) }) },
  'dossiers:update': { action: 'change', subject: dossierOf('dossier'), detail: (i) => ({ fields: keys(i.dossier) }) },
  'dossiers:close': { action: 'change', subject: dossierOf('dossier'), detail: () => ({ variant: 'close' }) },
  'dossiers:reopen': { action: 'change', subject: dossierOf('dossier'), detail: () => ({ variant: 'reopen' }) },
  // The kind only: the destination of an overdracht is free text.
  'export:inzage': {
    action: 'export', subject: (i) => ({ entity: 'dossier', id: i.dossierId, dossierId: i.dossierId }), detail: () => ({ variant: 'inzage' }),
  },
  'export:overdracht': {
    action: 'export', subject: (i) => ({ entity: 'dossier', id: i.dossierId, dossierId: i.dossierId }), detail: () => ({ variant: 'overdracht' }),
  },
  'mdo:get': { action: 'view', subject: rec('mdo') },
  'mdo:create': { action: 'create', subject: rec('mdo') },
  'mdo:save': { action: 'change', subject: rec('mdo'), detail: (i) => ({ fields: keys(i.mdo) }) },
  'mdo:finalise': { action: 'consent', subject: rec('mdo'), detail: (i) => ({ variant: 'finalise', consent: keys(i.consent) }) },
  'mdo:correct': { action: 'change', subject: rec('mdo'), detail: () => ({ variant: 'correct' }) },
  'mdo:pdf': { action: 'pdf', subject: byInputId('mdo'), detail: (i, o) => ({ variant: String(i.document ?? 'mdo'), pages: o.pages }) },
  'actions:setStatus': { action: 'change', subject: (i) => ({ entity: 'dossier_action', id: i.id }), detail: (i) => ({ status: i.status }) },
  'kindgesprek:get': { action: 'view', subject: rec('kindgesprek') },
  'kindgesprek:create': { action: 'create', subject: rec('kindgesprek') },
  'kindgesprek:save': { action: 'change', subject: rec('kindgesprek'), detail: (i) => ({ fields: keys(i.kindgesprek) }) },
  'kindgesprek:finish': { action: 'consent', subject: rec('kindgesprek'), detail: () => ({ variant: 'finish' }) },
  'kindgesprek:pdf': { action: 'pdf', subject: byInputId('kindgesprek') },
  'arrangements:get': { action: 'view', subject: rec('arrangement') },
  'arrangements:create': { action: 'create', subject: rec('arrangement') },
  'arrangements:save': { action: 'change', subject: rec('arrangement'), detail: (i) => ({ fields: keys(i.arrangement) }) },
  'arrangements:transition': { action: 'change', subject: rec('arrangement'), detail: (i) => ({ variant: 'transition', to: i.to }) },
  'arrangements:evaluate': { action: 'change', subject: rec('arrangement'), detail: () => ({ variant: 'evaluate' }) },
  'arrangements:extend': { action: 'change', subject: rec('arrangement'), detail: () => ({ variant: 'extend' }) },
  'arrangements:pdf': { action: 'pdf', subject: byInputId('arrangement') },
  'budgets:saveSettings': { action: 'change', subject: () => ({ entity: 'association_setting', id: null }), detail: (i) => ({ fields: keys(i) }) },
  'budgets:setAllocation': { action: 'change', subject: (i) => ({ entity: 'budget_allocation', id: i.werkgebiedId }), detail: (i) => ({ year: i.year }) },
  'tlv:get': { action: 'view', subject: rec('tlv') },
  'tlv:create': { action: 'create', subject: rec('tlv') },
  'tlv:save': { action: 'change', subject: rec('tlv'), detail: (i) => ({ fields: keys(i.tlv) }) },
  'tlv:markComplete': { action: 'change', subject: rec('tlv'), detail: () => ({ variant: 'complete' }) },
  'tlv:submit': { action: 'change', subject: rec('tlv'), detail: () => ({ variant: 'submit' }) },
  'attachments:add': { action: 'create', subject: (_i, o) => ({ entity: 'attachment', id: o.id }),
    detail: (i, o) => ({ ownerType: i.ownerType, mediaType: o.mediaType, sizeBytes: o.sizeBytes }) },
  'attachments:get': { action: 'view', subject: byInputId('attachment') },
  'attachments:remove': { action: 'delete', subject: byInputId('attachment') },
  'sync:enroll': { action: 'security', subject: app, detail: () => ({ variant: 'enroll' }) },
  'sync:resolve': { action: 'change', subject: (i) => ({ entity: 'conflict', id: i.id }), detail: (i) => ({ resolution: i.resolution }) },
  'lock:lock': { action: 'lock', subject: app },
  'lock:unlock': {
    action: (_i, o) => (o.result === 'unlocked' ? 'unlock' : 'unlock_failed'), subject: app,
    detail: (_i, o) => ({ via: 'app_lock', result: o.result }),
  },
  'lock:saveSettings': { action: 'security', subject: app, detail: (i) => ({ variant: 'idle_minutes', idleMinutes: i.idleMinutes }) },
  'lock:setPin': { action: 'security', subject: app, detail: () => ({ variant: 'set_pin' }) },
  'lock:removePin': { action: 'security', subject: app, detail: () => ({ variant: 'remove_pin' }) },
  'commission:saveSettings': { action: 'change', subject: () => ({ entity: 'association_setting', id: null }), detail: (i) => ({ fields: keys(i) }) },
  'commission:sendBack': { action: 'change', subject: (i) => ({ entity: i.subjectType, id: i.subjectId }), detail: () => ({ variant: 'send_back' }) },
  'commission:meeting': { action: 'view', subject: (i) => ({ entity: 'commission_meeting', id: i.id }) },
  'commission:createMeeting': { action: 'create', subject: rec('commission_meeting') },
  'commission:saveMeeting': { action: 'change', subject: meeting, detail: (i) => ({ fields: keys(i.meeting) }) },
  'commission:addItem': { action: 'change', subject: meeting, detail: (i) => ({ variant: 'add_item', subjectType: i.subjectType }) },
  'commission:removeItem': { action: 'delete', subject: (i) => ({ entity: 'commission_item', id: i.itemId }) },
  'commission:moveItem': { action: 'change', subject: (i) => ({ entity: 'commission_item', id: i.itemId }), detail: () => ({ variant: 'move' }) },
  'commission:saveItem': { action: 'change', subject: (i) => ({ entity: 'commission_item', id: i.itemId }), detail: (i) => ({ fields: keys(i) }) },
  'commission:decide': { action: 'change', subject: (i) => ({ entity: 'commission_item', id: i.itemId }), detail: () => ({ variant: 'decide' }) },
  'commission:saveNotulen': { action: 'change', subject: meeting, detail: () => ({ variant: 'notulen' }) },
  'commission:finaliseNotulen': { action: 'change', subject: meeting, detail: () => ({ variant: 'finalise_notulen' }) },
  'commission:startPack': { action: 'pdf', subject: meeting, detail: (i) => ({ variant: `pack_${String(i.variant)}` }) },
  'commission:letter': { action: 'pdf', subject: (i) => ({ entity: 'commission_item', id: i.itemId }), detail: (i) => ({ variant: `letter_${String(i.recipient)}` }) },
  'commission:markLettersSent': { action: 'change', subject: (i) => ({ entity: 'commission_item', id: i.itemId }), detail: () => ({ variant: 'letters_sent' }) },
  'commission:notulenPdf': { action: 'pdf', subject: meeting, detail: () => ({ variant: 'notulen' }) },
  'audit:search': {
    action: 'audit', subject: () => ({ entity: 'audit_log', id: null }),
    detail: (i) => ({ variant: 'search', filters: keys(i).filter((k) => k !== 'offset' && k !== 'limit') }),
  },
  'audit:verify': { action: 'audit', subject: () => ({ entity: 'audit_log', id: null }), detail: (_i, o) => ({ variant: 'verify', ok: o.ok }) },
  'retention:saveSettings': { action: 'change', subject: () => ({ entity: 'association_setting', id: 'retention' }), detail: (i) => ({ fields: keys(i) }) },
  // Rule, day and count only: the ids of what was destroyed are not kept anywhere (docs/retention.md).
  'retention:purge': { action: 'delete', subject: () => ({ entity: 'retention_run', id: null }), detail: (_i, o) => ({ rule: o.rule, date: o.date, count: o.count }) },
};

export const NOT_AUDITED: Partial<Record<Method, NotAuditedReason>> = {
  'vault:status': 'status', 'vault:create': 'status', 'setup:loadDemo': 'demo', 'setup:status': 'status', 'sync:status': 'status', 'sync:now': 'status',
  'lock:status': 'status',
  'users:list': 'list', 'werkgebieden:list': 'list', 'schools:list': 'list', 'dossiers:list': 'list', 'mdo:list': 'list',
  'actions:list': 'list', 'kindgesprek:list': 'list', 'arrangements:list': 'list', 'tlv:list': 'list', 'termijnen:list': 'list',
  'sync:conflicts': 'list', 'sync:rejections': 'list', 'sync:history': 'list', 'sync:dismissRejections': 'status',
  'commission:inbox': 'list', 'commission:meetings': 'list',
  'budgets:settings': 'settings_read', 'budgets:list': 'settings_read', 'commission:settings': 'settings_read',
  'arrangements:budgetEffect': 'calculation', 'commission:packStatus': 'job_poll',
  'retention:settings': 'settings_read', 'retention:due': 'list', 'retention:runs': 'list',
};
