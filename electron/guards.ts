// Security guards for every webContents (design.md: deny navigation, new windows, webviews and
// permission requests; open only vetted https links outside the app). The decisions are pure
// functions; `applyGuards` wires them to the Electron objects it is given.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-url.js';

/** The app's pages may only move between its own `app://veldwerk/` URLs. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

const MAX_EXTERNAL_URL = 2048;
const BLOCKED_SUFFIXES = ['.local', '.localhost', '.invalid', '.internal', '.test', '.example', '.onion', '.home.arpa', '.lan'];
const HOST_RE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
// Another URL smuggled into path, query or fragment (`?next=app://`, `javascript:` redirects).
const EMBEDDED_SCHEME_RE = /[a-z][a-z0-9+.-]*:\/\/|\b(javascript|vbscript|data|file|app|blob|about|chrome|devtools|view-source|jar|ms-[a-z-]+)\s*:/i;

/** Decodes percent-escapes repeatedly (double encoding hides schemes too); null if malformed. */
function fullyDecoded(s: string): string | null {
  let cur = s;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur);
    } catch {
      return null;
    }
    if (next === cur) return cur;
    cur = next;
  }
  return null;
}

/**
 * Whether a link may be handed to the operating system: https only, no credentials, a real public
 * host name (no IP literal, no localhost or private-use suffix) and no embedded second scheme.
 */
export function isSafeExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL) return false;
  // Whitespace, control characters and backslashes are normalised away by URL parsers in
  // different ways; a link that needs them is not one we vouch for.
  if (/[\s\\]/.test(raw) || [...raw].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  // The default port is normalised to ''; any other port is not a public website.
  if (url.port !== '') return false;
  // Lower-cased and punycoded by the URL parser; a trailing dot (`nas.local.`) fails HOST_RE.
  const host = url.hostname;
  // IPv6 literals fail HOST_RE; IPv4 in any spelling is normalised to dotted digits by the URL
  // parser and caught by the numeric last label, which no real domain has.
  if (!HOST_RE.test(host) || /^\d+$/.test(host.split('.').pop() ?? '')) return false;
  // `localhost` itself has no dot and already failed HOST_RE.
  if (BLOCKED_SUFFIXES.some((s) => host.endsWith(s))) return false;
  const rest = fullyDecoded(`${url.pathname}${url.search}${url.hash}`);
  if (rest === null || EMBEDDED_SCHEME_RE.test(rest)) return false;
  return true;
}

export interface GuardDeps {
  /** `shell.openExternal`: only ever called with URLs that passed `isSafeExternalUrl`. */
  openExternal: (url: string) => Promise<void> | void;
  /** For refused attempts; gets the kind of attempt only, never the URL (it may hold personal data). */
  log?: (line: string) => void;
}

export type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'> & { session: GuardedSession };

/** Hands a link to the OS if it is safe; reports whether it did. */
export function openExternalIfSafe(url: string, deps: GuardDeps): boolean {
  if (!isSafeExternalUrl(url)) {
    deps.log?.('[guards] refused external link');
    return false;
  }
  void Promise.resolve(deps.openExternal(url)).catch(() => deps.log?.('[guards] openExternal failed'));
  return true;
}

/** No camera, microphone, notifications, clipboard reads, devices …: the app needs none. */
export function applySessionGuards(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function applyGuards(contents: GuardedContents, deps: GuardDeps): void {
  const refuse = (kind: string) => deps.log?.(`[guards] blocked ${kind}`);
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      refuse('navigation');
    }
  });
  // Also catches sub-frames, which `will-navigate` does not report.
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      refuse('frame navigation');
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      refuse('redirect');
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refuse('webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url, deps);
    return { action: 'deny' };
  });
  applySessionGuards(contents.session);
}
