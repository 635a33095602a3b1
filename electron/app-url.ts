// The one origin the app's own pages live at. Everything else (navigation, IPC senders) is foreign.
export const APP_SCHEME = 'app';
export const APP_HOST = 'veldwerk';
export const APP_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_INDEX_URL = `${APP_ORIGIN_PREFIX}index.html`;

/**
 * True only for `app://veldwerk/…`. The prefix up to the first path slash pins the whole authority,
 * so `app://veldwerk@evil/`, `app://veldwerk.evil/` or a port cannot pass as ours. Chromium hands
 * us canonical URLs (lower-case scheme and host), so no further normalising is needed.
 */
export function isAppUrl(raw: unknown): boolean {
  return typeof raw === 'string' && raw.startsWith(APP_ORIGIN_PREFIX);
}
