// The web host opens the page as `/#token=XYZ`. Take the token once, keep it for this tab
// (sessionStorage, so a reload still works) and remove it from the visible URL.
const KEY = 'veldwerk.token';

export function consumeToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const match = /^#token=([^&]+)/.exec(loc.hash);
  if (match) {
    const token = decodeURIComponent(match[1]!);
    try {
      storage.setItem(KEY, token);
    } catch {
      // Storage may be unavailable; the token then lives in memory only.
    }
    // The start page: the role's home (the dossiers; Beheer or the commission for some roles: renderer/src/roles/).
    window.history.replaceState(null, '', `${loc.pathname}${loc.search}#/`);
    return token;
  }
  try {
    return storage.getItem(KEY);
  } catch {
    return null;
  }
}
