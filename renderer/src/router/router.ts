// A tiny hash router: `#/dossiers`, `#/dossiers/<id>`, `#/dossiers/nieuw`, `#/beheer`,
// `#/instellingen`, `#/conflicten`, `#/commissie`, `#/commissie/vergaderingen/<id>`, `#/dossiers/<id>/mdo/<mdoId>`, `#/dossiers/<id>/kindgesprek/<kgId>` and its `/kind` (child mode).
// Screens with unsaved work register a leave guard; every in-app navigation asks it first.
import { useSyncExternalStore } from 'react';

export type Route =
  /** The start page (`#/` or no hash): the role's home (renderer/src/roles/use-can.ts). */
  | { name: 'home' }
  | { name: 'dossiers' }
  | { name: 'dossier'; id: string }
  | { name: 'dossier-new' }
  | { name: 'mdo'; dossierId: string; id: string }
  | { name: 'kindgesprek'; dossierId: string; id: string }
  | { name: 'kindgesprek-kind'; dossierId: string; id: string }
  | { name: 'beheer' }
  | { name: 'arrangementen' }
  | { name: 'arrangement'; id: string }
  | { name: 'budgetten' }
  | { name: 'tlv'; id: string }
  | { name: 'termijnen' }
  | { name: 'bewaartermijnen' }
  | { name: 'instellingen' }
  | { name: 'conflicten' }
  | { name: 'commissie' }
  | { name: 'vergadering'; id: string }
  | { name: 'auditlog' }
  | { name: 'not-found' };

export const paths = {
  home: '#/',
  dossiers: '#/dossiers',
  dossierNew: '#/dossiers/nieuw',
  dossier: (id: string) => `#/dossiers/${encodeURIComponent(id)}`,
  mdo: (dossierId: string, id: string) => `#/dossiers/${encodeURIComponent(dossierId)}/mdo/${encodeURIComponent(id)}`,
  kindgesprek: (dossierId: string, id: string) =>
    `#/dossiers/${encodeURIComponent(dossierId)}/kindgesprek/${encodeURIComponent(id)}`,
  kindgesprekKind: (dossierId: string, id: string) =>
    `#/dossiers/${encodeURIComponent(dossierId)}/kindgesprek/${encodeURIComponent(id)}/kind`,
  beheer: '#/beheer',
  arrangementen: '#/arrangementen',
  arrangement: (id: string) => `#/arrangementen/${encodeURIComponent(id)}`,
  budgetten: '#/budgetten',
  tlv: (id: string) => `#/tlv/${encodeURIComponent(id)}`,
  termijnen: '#/termijnen',
  bewaartermijnen: '#/bewaartermijnen',
  instellingen: '#/instellingen',
  conflicten: '#/conflicten',
  commissie: '#/commissie',
  auditlog: '#/auditlog',
  vergadering: (id: string) => `#/commissie/vergaderingen/${encodeURIComponent(id)}`,
} as const;

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/') return { name: 'home' };
  if (path === '/dossiers') return { name: 'dossiers' };
  if (path === '/dossiers/nieuw') return { name: 'dossier-new' };
  const m = /^\/dossiers\/([^/]+)$/.exec(path);
  if (m) return { name: 'dossier', id: decodeURIComponent(m[1]!) };
  const doc = /^\/dossiers\/([^/]+)\/(mdo|kindgesprek)\/([^/]+)(\/kind)?$/.exec(path);
  if (doc && !(doc[2] === 'mdo' && doc[4])) {
    const ids = { dossierId: decodeURIComponent(doc[1]!), id: decodeURIComponent(doc[3]!) };
    if (doc[2] === 'mdo') return { name: 'mdo', ...ids };
    return { name: doc[4] ? 'kindgesprek-kind' : 'kindgesprek', ...ids };
  }
  if (path === '/beheer') return { name: 'beheer' };
  if (path === '/arrangementen') return { name: 'arrangementen' };
  if (path === '/budgetten') return { name: 'budgetten' };
  if (path === '/termijnen') return { name: 'termijnen' };
  if (path === '/bewaartermijnen') return { name: 'bewaartermijnen' };
  if (path === '/instellingen') return { name: 'instellingen' };
  if (path === '/conflicten') return { name: 'conflicten' };
  if (path === '/commissie') return { name: 'commissie' };
  if (path === '/auditlog') return { name: 'auditlog' };
  const meeting = /^\/commissie\/vergaderingen\/([^/]+)$/.exec(path);
  if (meeting) return { name: 'vergadering', id: decodeURIComponent(meeting[1]!) };
  const arr = /^\/(arrangementen|tlv)\/([^/]+)$/.exec(path);
  if (arr) return { name: arr[1] === 'tlv' ? 'tlv' : 'arrangement', id: decodeURIComponent(arr[2]!) };
  return { name: 'not-found' };
}

/** Answers whether leaving is fine (possibly after saving or asking the user). */
export type LeaveGuard = () => boolean | Promise<boolean>;
const guards = new Set<LeaveGuard>();

export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

async function mayLeave(): Promise<boolean> {
  for (const guard of [...guards]) {
    if (!(await guard())) return false;
  }
  return true;
}

/** Navigate inside the app, asking the leave guards first. Resolves to whether it happened. */
export async function navigate(to: string, opts: { replace?: boolean; force?: boolean } = {}): Promise<boolean> {
  if (to === window.location.hash) return true;
  if (!opts.force && !(await mayLeave())) return false;
  if (opts.replace) {
    window.history.replaceState(null, '', to);
    notify();
  } else {
    internal = true;
    window.location.hash = to;
  }
  return true;
}

const listeners = new Set<() => void>();
let lastHash = '';
/** Set while our own navigate() changes the hash: the guards have already agreed. */
let internal = false;

function notify(): void {
  lastHash = window.location.hash;
  for (const l of listeners) l();
}

function onHashChange(): void {
  if (internal || guards.size === 0) {
    internal = false;
    notify();
    return;
  }
  // Back/forward or a typed URL: the hash has already changed. Ask the guards; undo if refused.
  const previous = lastHash;
  void mayLeave().then((ok) => {
    if (ok) notify();
    else window.history.replaceState(null, '', previous || '#/');
  });
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    lastHash = window.location.hash;
    window.addEventListener('hashchange', onHashChange);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
  };
}

function snapshot(): string {
  return lastHash;
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot, snapshot);
  return parseHash(hash);
}

/** Re-read the hash (after the start-up token was taken out of the URL). */
export function syncRouteFromLocation(): void {
  notify();
}
