// Who may call which method of the contract: one declared table, enforced by the core (core/roles.ts)
// and followed by the renderer (nav, actions, routes). The store already authorises every push and pull
// per entity and scope (shared/sync/entities.ts, server/core/scope.ts); this table is the same policy
// per method, so a device never shows or hands out what its user may not see, even when rows are
// present locally. The type forces every method of the contract to be classified: a method added
// without an entry here does not compile.
// Types only: the renderer's start-up chunk imports this module, and must not pull in modules that build
// zod schemas at load (that would happen before zod-config.ts switches Zod's JIT off; CSP forbids eval).
import type { Role } from '../domain/dossier.js';
import type { Method } from './index.js';

/** The roles that may call a method, or 'any': everyone, with or without a profile. */
export type MethodRoles = readonly Role[] | 'any';

const ALL_ROLES = ['consulent', 'secretaris', 'school', 'beheerder'] as const satisfies readonly Role[];
/** Fails to compile when a role is added to ROLES (shared/domain/dossier.ts) and not here. */
const everyRole: Exclude<Role, (typeof ALL_ROLES)[number]> extends never ? true : never = true;
void everyRole;
const ALL: readonly Role[] = ALL_ROLES;
/** Who works on cases: the store's write roles of dossier, mdo and kindgesprek. */
const CASEWORK: readonly Role[] = ['consulent', 'school'];
/** Who may read dossiers, applications, arrangements and their files: the store's read roles of those entities. */
const CASE_READERS: readonly Role[] = ['consulent', 'school', 'secretaris'];
/** The commission's own work: the store's read/write roles of commission_meeting and commission_item. */
const COMMISSION: readonly Role[] = ['secretaris'];
/** Configuration of the association: the store's write role of werkgebied and school. */
const BEHEER: readonly Role[] = ['beheerder'];

export const METHOD_ROLES: Record<Method, MethodRoles> = {
  // Start-up, the app lock and linking: before and besides any role (the core answers the vault
  // itself; setup and the demo refuse once a profile exists).
  'vault:status': 'any', 'vault:create': 'any', 'vault:unlock': 'any',
  'setup:status': 'any', 'setup:complete': 'any', 'setup:loadDemo': 'any',
  'lock:status': 'any', 'lock:lock': 'any', 'lock:unlock': 'any', 'lock:saveSettings': 'any', 'lock:setPin': 'any', 'lock:removePin': 'any',
  // Sync is the device's plumbing: every role syncs what the store lets it see; conflicts and
  // rejections are the user's own changes; history only lists who changed which fields when.
  'sync:status': 'any', 'sync:enroll': 'any', 'sync:now': 'any', 'sync:conflicts': 'any', 'sync:resolve': 'any',
  'sync:rejections': 'any', 'sync:dismissRejections': 'any', 'sync:history': 'any',

  // Reference data every member may read (entity read: ALL): pickers and filters need it.
  'werkgebieden:list': ALL, 'schools:list': ALL,
  // Users (names and roles, entity read: ALL): the dossier screen shows and picks the consulent.
  'users:list': ALL,
  // Configuration: the beheerder's (standalone installations: the local user, see CONFIG_METHODS).
  'werkgebieden:save': BEHEER, 'schools:save': BEHEER, 'schools:import': BEHEER,

  // Dossiers: read by the case readers (the secretary checks applications against the dossier), written by casework.
  'dossiers:list': CASE_READERS, 'dossiers:get': CASE_READERS,
  'dossiers:create': CASEWORK, 'dossiers:update': CASEWORK, 'dossiers:close': CASEWORK, 'dossiers:reopen': CASEWORK,
  // MDO reports, their agreements and the child's own words: casework only. These texts never reach
  // the secretary's device (entity read: consulent, school); the commission sees an MDO only as a
  // document attached to an application (attachments:get).
  'mdo:list': CASEWORK, 'mdo:get': CASEWORK, 'mdo:create': CASEWORK, 'mdo:save': CASEWORK, 'mdo:finalise': CASEWORK,
  'mdo:correct': CASEWORK, 'mdo:pdf': CASEWORK, 'actions:list': CASEWORK, 'actions:setStatus': CASEWORK,
  'kindgesprek:list': CASEWORK, 'kindgesprek:get': CASEWORK, 'kindgesprek:create': CASEWORK, 'kindgesprek:save': CASEWORK,
  'kindgesprek:finish': CASEWORK, 'kindgesprek:pdf': CASEWORK,

  // Arrangements and TLV applications: written by casework (the commission's decision reaches them
  // through commission:decide), read by the secretary too.
  'arrangements:list': CASE_READERS, 'arrangements:get': CASE_READERS, 'arrangements:pdf': CASE_READERS,
  'arrangements:budgetEffect': CASE_READERS,
  'arrangements:create': CASEWORK, 'arrangements:save': CASEWORK, 'arrangements:transition': CASEWORK,
  'arrangements:evaluate': CASEWORK, 'arrangements:extend': CASEWORK,
  'tlv:list': CASE_READERS, 'tlv:get': CASE_READERS,
  'tlv:create': CASEWORK, 'tlv:save': CASEWORK, 'tlv:markComplete': CASEWORK, 'tlv:submit': CASEWORK,
  'attachments:get': CASE_READERS, 'attachments:add': CASEWORK, 'attachments:remove': CASEWORK,
  // Deadlines of dossiers, arrangements and applications: whoever reads those.
  'termijnen:list': CASE_READERS,

  // Budgets: the year and the pot are the association's settings (every screen that shows money reads
  // them); the overview follows the store's read roles of budget_allocation, its writes the store's write
  // roles (the werkgebied's consulent keeps its budget); the settings themselves are configuration.
  'budgets:settings': ALL, 'budgets:list': ['consulent', 'secretaris', 'beheerder'],
  'budgets:setAllocation': ['consulent', 'beheerder'], 'budgets:saveSettings': BEHEER,

  // The commission: the secretary's. Its rules (completeness, decision clock) are also configuration.
  'commission:settings': ['secretaris', 'beheerder'], 'commission:saveSettings': ['secretaris', 'beheerder'],
  'commission:inbox': COMMISSION, 'commission:sendBack': COMMISSION, 'commission:meetings': COMMISSION,
  'commission:meeting': COMMISSION, 'commission:createMeeting': COMMISSION, 'commission:saveMeeting': COMMISSION,
  'commission:addItem': COMMISSION, 'commission:removeItem': COMMISSION, 'commission:moveItem': COMMISSION,
  'commission:saveItem': COMMISSION, 'commission:decide': COMMISSION, 'commission:saveNotulen': COMMISSION,
  'commission:finaliseNotulen': COMMISSION, 'commission:startPack': COMMISSION, 'commission:packStatus': COMMISSION,
  'commission:letter': COMMISSION, 'commission:markLettersSent': COMMISSION, 'commission:notulenPdf': COMMISSION,

  // Retention: the rules are the association's (secretary and beheerder as privacy officer set them,
  // everyone may read them). What is due and the history of runs are for those who act on them or
  // oversee them (the beheerder sees initials only); destroying is for the roles that own the records:
  // the consultant (own werkgebieden) and the secretary (the association). School users do not purge:
  // the association keeps the dossiers. Matches the handlers' own checks (core/handlers/retention.ts).
  'retention:settings': ALL, 'retention:saveSettings': ['secretaris', 'beheerder'],
  'retention:due': ['consulent', 'secretaris', 'beheerder'], 'retention:runs': ['consulent', 'secretaris', 'beheerder'],
  'retention:purge': ['consulent', 'secretaris'],
  // Exports of a dossier (inzage for parents, overdracht to another school) carry the MDO and kindgesprek
  // texts: casework only, like those texts.
  'export:inzage': CASEWORK, 'export:overdracht': CASEWORK,
  // The audit log: who looked at and changed what. The beheerder oversees it (without reading dossiers).
  'audit:search': BEHEER, 'audit:verify': BEHEER,
};

/**
 * Configuration of one's own installation. A standalone installation (not linked to a store) has one
 * local user who is also its beheerder, whatever their role: they may call these too. A linked device
 * follows the store's role strictly (the store would refuse the change anyway).
 */
export const CONFIG_METHODS: readonly Method[] = [
  'werkgebieden:save', 'schools:save', 'schools:import', 'budgets:saveSettings', 'budgets:setAllocation',
  'budgets:list', 'commission:settings', 'commission:saveSettings', 'retention:saveSettings',
  // A standalone installation is its own privacy officer too.
  'audit:search', 'audit:verify',
];

/** Without a profile (before setup or linking) only these answer: start-up, the lock and linking. */
export const NO_PROFILE_METHODS: readonly Method[] = [
  'vault:status', 'vault:create', 'vault:unlock', 'setup:status', 'setup:complete', 'setup:loadDemo',
  'lock:status', 'lock:lock', 'lock:unlock', 'lock:saveSettings', 'lock:setPin', 'lock:removePin', 'sync:status', 'sync:enroll',
];

/** Who is asking: the profile's role (null before setup) and whether the device is linked to a store. */
export interface Caller {
  role: Role | null;
  linked: boolean;
}

/** Whether `caller` may call `method`: the one rule the core enforces and the renderer follows. */
export function mayCall(method: Method, caller: Caller): boolean {
  if (caller.role === null) return NO_PROFILE_METHODS.includes(method);
  const roles = METHOD_ROLES[method];
  if (roles === 'any' || roles.includes(caller.role)) return true;
  return !caller.linked && CONFIG_METHODS.includes(method);
}
