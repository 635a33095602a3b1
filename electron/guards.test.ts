import { describe, expect, it, vi } from 'vitest';
import { applyGuards, isAllowedNavigation, isSafeExternalUrl, openExternalIfSafe, type GuardedContents } from './guards.js';

describe('isAllowedNavigation', () => {
  it.each(['app://veldwerk/index.html', 'app://veldwerk/', 'app://veldwerk/dossiers/123?x=1#y'])('allows %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });
  it.each([
    'https://example.org/',
    'http://example.invalid/?next=app://veldwerk/',
    'app://veldwerk.evil/',
    'app://veldwerk@evil/',
    'app://veldwerk:8080/',
    'app://other/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.org/',
    'https://www.rijksoverheid.nl/onderwerpen/passend-onderwijs',
    'https://docs.example.com/a/b?c=d#e',
    'https://bücher.de/',
    'https://example.org:443/default-port',
  ])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http with an embedded app: URL', 'http://example.invalid/?next=app://'],
    ['plain http', 'http://example.org/'],
    ['ftp', 'ftp://example.org/'],
    ['an embedded app: URL on https', 'https://example.org/?next=app://veldwerk/'],
    ['a double-encoded embedded scheme', 'https://example.org/?u=javascript%253Aalert(1)'],
    ['an embedded javascript: redirect', 'https://example.org/redirect?to=javascript:alert(1)'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['app:', 'app://veldwerk/index.html'],
    ['data:', 'data:text/html,hi'],
    ['credentials', 'https://user:pw@example.org/'],
    ['a user name only', 'https://user@example.org/'],
    ['a password only', 'https://:pw@example.org/'],
    ['a trailing-dot host', 'https://example.org./'],
    ['an IPv4 literal', 'https://127.0.0.1/'],
    ['a disguised IPv4 literal', 'https://0x7f.1/'],
    ['an IPv6 literal', 'https://[::1]/'],
    ['localhost', 'https://localhost/'],
    ['a .localhost host', 'https://app.localhost/'],
    ['a .local host', 'https://printer.local/'],
    ['a .invalid host', 'https://example.invalid/'],
    ['an .internal host', 'https://db.internal/'],
    ['a trailing-dot .local host', 'https://nas.local./'],
    ['a single-label host', 'https://intranet/'],
    ['an unusual port', 'https://example.org:8443/'],
    ['embedded whitespace', 'https://example.org/ a'],
    ['a NUL byte', 'https://example.org/\u0000'],
    ['a backslash', 'https://example.org\\@evil.com/'],
    ['malformed percent-encoding', 'https://example.org/%E0%A4%A'],
    ['not a URL', 'not a url'],
    ['not a string', 42],
  ])('refuses %s', (_name, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('openExternalIfSafe', () => {
  it('opens only vetted links', () => {
    const openExternal = vi.fn();
    expect(openExternalIfSafe('https://example.org/', { openExternal })).toBe(true);
    expect(openExternalIfSafe('javascript:alert(1)', { openExternal })).toBe(false);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
  });
});

/** A fake webContents that records handlers, so the test can fire events at them. */
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let windowOpen: ((d: { url: string }) => unknown) | null = null;
  type RequestHandler = (wc: unknown, perm: string, cb: (ok: boolean) => void, d: unknown) => void;
  type CheckHandler = (...a: unknown[]) => boolean;
  const session = {
    request: null as RequestHandler | null,
    check: null as CheckHandler | null,
    device: null as CheckHandler | null,
    setPermissionRequestHandler(h: RequestHandler) {
      session.request = h;
    },
    setPermissionCheckHandler(h: CheckHandler) {
      session.check = h;
    },
    setDevicePermissionHandler(h: CheckHandler) {
      session.device = h;
    },
  };
  const contents = {
    on(event: string, l: (...args: unknown[]) => void) {
      listeners.set(event, l);
      return contents;
    },
    setWindowOpenHandler(h: (d: { url: string }) => unknown) {
      windowOpen = h;
    },
    session,
  };
  const fire = (event: string, url?: string) => {
    const l = listeners.get(event);
    if (!l) throw new Error(`no ${event} listener`);
    const ev = { url, preventDefault: vi.fn() };
    l(ev, {}, {});
    return ev.preventDefault;
  };
  return { contents: contents as unknown as GuardedContents, session, fire, windowOpen: () => windowOpen };
}

describe('applyGuards', () => {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${event}: blocks leaving app://veldwerk/ and lets our own pages through`, () => {
      const f = fakeContents();
      applyGuards(f.contents, { openExternal: vi.fn() });
      expect(f.fire(event, 'https://evil.example/')).toHaveBeenCalled();
      expect(f.fire(event, 'http://example.invalid/?next=app://')).toHaveBeenCalled();
      expect(f.fire(event, 'app://veldwerk/dossiers')).not.toHaveBeenCalled();
    });
  }

  it('prevents every webview from attaching', () => {
    const f = fakeContents();
    applyGuards(f.contents, { openExternal: vi.fn() });
    expect(f.fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('denies every new window and hands only safe links to the OS', () => {
    const f = fakeContents();
    const openExternal = vi.fn();
    applyGuards(f.contents, { openExternal });
    const open = f.windowOpen();
    expect(open).not.toBeNull();
    for (const url of ['https://example.org/', 'javascript:alert(1)', 'app://veldwerk/index.html', 'https://127.0.0.1/']) {
      expect(open!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://example.org/']]);
  });

  it('refuses every permission request, check and device permission', () => {
    const f = fakeContents();
    applyGuards(f.contents, { openExternal: vi.fn() });
    const cb = vi.fn();
    expect(f.session.request).not.toBeNull();
    for (const perm of ['media', 'notifications', 'geolocation', 'clipboard-read']) f.session.request!({}, perm, cb, {});
    expect(cb.mock.calls).toEqual([[false], [false], [false], [false]]);
    expect(f.session.check!({}, 'media', 'app://veldwerk', {})).toBe(false);
    expect(f.session.device!({})).toBe(false);
  });
});
