// The renderer's side of the role table (shared/contract/roles.ts): nav items, routes and actions follow
// the same rule the core enforces. The core stays the gate; this only keeps the UI from offering what
// would be refused.
import type { Method, Profile } from '../../../shared/contract/index.js';
// From the table's own module, never the contract's index: the index builds every zod schema when loaded,
// and the start-up chunk must not do that before zod-config.ts has switched Zod's JIT off (CSP: no eval).
import { mayCall } from '../../../shared/contract/roles.js';
import type { Role } from '../../../shared/domain/dossier.js';
import { paths, type Route } from '../router/router.js';
import { useSession } from '../stores/session-store.js';

/**
 * Whether the profile may call `method`. With no profile known yet (screens rendered on their own in
 * component tests; the app itself shows screens only once the profile is known) nothing is hidden: the
 * core decides.
 */
export function canCall(profile: Profile | null | undefined, method: Method): boolean {
  if (profile === undefined) return true;
  return mayCall(method, { role: profile?.role ?? null, linked: profile?.linked ?? false });
}

export function useCan(method: Method): boolean {
  const profile = useSession((s) => s.profile);
  return canCall(profile, method);
}

/** The method a route's screen cannot do without; a route whose method the user may not call shows "Geen toegang". */
export const ROUTE_METHOD: Record<Route['name'], Method | null> = {
  home: null,
  dossiers: 'dossiers:list',
  dossier: 'dossiers:get',
  'dossier-new': 'dossiers:create',
  mdo: 'mdo:get',
  kindgesprek: 'kindgesprek:get',
  'kindgesprek-kind': 'kindgesprek:get',
  beheer: 'schools:save',
  arrangementen: 'arrangements:list',
  arrangement: 'arrangements:get',
  budgetten: 'budgets:list',
  tlv: 'tlv:get',
  termijnen: 'termijnen:list',
  bewaartermijnen: 'retention:due',
  instellingen: null,
  conflicten: 'sync:conflicts',
  commissie: 'commission:inbox',
  vergadering: 'commission:meeting',
  auditlog: 'audit:search',
  'not-found': null,
};

export function canOpen(profile: Profile | null | undefined, route: Route): boolean {
  const method = ROUTE_METHOD[route.name];
  return method === null || canCall(profile, method);
}

/** Where a role starts: the beheerder in Beheer, the secretary in the commission's inbox, others in the dossiers. */
export function homeRoute(role: Role | null | undefined): Route['name'] {
  if (role === 'beheerder') return 'beheer';
  if (role === 'secretaris') return 'commissie';
  return 'dossiers';
}

export function homePath(role: Role | null | undefined): string {
  const name = homeRoute(role);
  return name === 'beheer' ? paths.beheer : name === 'commissie' ? paths.commissie : paths.dossiers;
}

/** The route shown: the start page (`#/` or no hash) is the role's home. */
export function shownRoute(route: Route, role: Role | null | undefined): Route {
  return route.name === 'home' ? ({ name: homeRoute(role) } as Route) : route;
}
