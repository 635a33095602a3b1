// Who may talk to the web host. The server listens on 127.0.0.1 only, but any web page the user
// has open can still send requests there; these checks keep such pages (and DNS-rebinding tricks)
// away from the contract. Pure functions over header values, so they are easy to test.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_HEADER = 'x-veldwerk-token';

/** A fresh per-run token: 32 random bytes, base64url (43 characters, safe in a URL fragment). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first, so the buffers given to timingSafeEqual
 * always have equal length and not even the length of the real token leaks.
 */
export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The Host header must name this server exactly: a rebinding attacker's host name never passes. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** An Origin header, when present, must be this server's own origin. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Browsers say where a request comes from; only our own page (or the user typing) may call. */
export function fetchSiteAllowed(site: string | undefined): boolean {
  return site === undefined || site === 'same-origin' || site === 'none';
}

export type ApiRejection = 'origin' | 'fetch-site' | 'token';

/** The checks for /api requests beyond the Host header (which every request gets). */
export function checkApiCaller(
  headers: { origin?: string; 'sec-fetch-site'?: string | string[]; [TOKEN_HEADER]?: string | string[] },
  port: number,
  token: string,
): ApiRejection | null {
  if (!originAllowed(headers.origin, port)) return 'origin';
  const site = headers['sec-fetch-site'];
  if (Array.isArray(site) || !fetchSiteAllowed(site)) return 'fetch-site';
  if (!tokenMatches(headers[TOKEN_HEADER], token)) return 'token';
  return null;
}
