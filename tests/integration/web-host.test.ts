// The web host over real HTTP on 127.0.0.1 with the real core: who may call, what gets through,
// and that every contract method is routed. Tests in this file run in order on one host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, type Envelope } from '../../shared/contract/index.js';
import { message } from '../../shared/i18n/index.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import type { WebHost } from '../../core/web-host/server.js';
import { apiCall, hostFixture, rawRequest, TEST_PASSPHRASE, type HostFixture } from '../../core/web-host/test-http.js';

let fx: HostFixture;
let host: WebHost;

beforeAll(async () => {
  fx = hostFixture();
  host = await fx.start();
});
afterAll(() => fx.cleanup());

const FORBIDDEN = { ok: false, error: { code: 'forbidden', message: message('errors.forbidden') } };
const post = (path: string, headers: Record<string, string>, body = '{}') =>
  rawRequest(host.port, { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body });

function expectEnvelope(body: unknown): asserts body is Envelope<unknown> {
  expect(body).toMatchObject({ ok: expect.any(Boolean) });
  const env = body as Envelope<unknown>;
  if (env.ok) expect(env).toHaveProperty('value');
  else expect(env.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
}

describe('web host: callers', () => {
  it('prints a URL on 127.0.0.1 with a 43-character base64url token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('refuses a call without the token (403, Dutch envelope)', async () => {
    const res = await post('/api/vault%3Astatus', {});
    expect(res.status).toBe(403);
    expect(res.json()).toEqual(FORBIDDEN);
  });

  it('refuses a wrong token, also one of a different length', async () => {
    const flipped = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    for (const token of [flipped, 'x', `${host.token}x`, host.token.toLowerCase() === host.token ? 'y' : host.token.toLowerCase()]) {
      const res = await post('/api/vault%3Astatus', { 'x-veldwerk-token': token });
      expect(res.status).toBe(403);
      expect(res.json()).toEqual(FORBIDDEN);
    }
  });

  it('refuses a foreign Host header (DNS rebinding), even with the right token', async () => {
    const res = await post('/api/vault%3Astatus', { 'x-veldwerk-token': host.token, host: `evil.example:${host.port}` });
    expect(res.status).toBe(403);
    expect(res.json()).toEqual(FORBIDDEN);
    const wrongPort = await post('/api/vault%3Astatus', { 'x-veldwerk-token': host.token, host: `127.0.0.1:${host.port + 1}` });
    expect(wrongPort.status).toBe(403);
    const page = await rawRequest(host.port, { path: '/', headers: { host: `evil.example:${host.port}` } });
    expect(page.status).toBe(403);
    expect(page.text).not.toContain('<div id="root">');
  });

  it('refuses a foreign Origin and cross-site fetches, even with the right token', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: `http://127.0.0.1:${host.port + 1}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const res = await post('/api/vault%3Astatus', { 'x-veldwerk-token': host.token, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toEqual(FORBIDDEN);
    }
  });

  it('accepts the right token from its own origin, by either host name', async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      const res = await apiCall(host, 'vault:status', {}, {
        host: `${name}:${host.port}`, origin: `http://${name}:${host.port}`, 'sec-fetch-site': 'same-origin',
      });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ ok: true, value: { state: 'new', protection: 'passphrase' } });
    }
  });
});

describe('web host: the contract', () => {
  it('routes every contract method to the core (each answers an Envelope, never "unknown method")', async () => {
    // Before unlocking, so no method changes anything: vault:* answers or rejects the input, the rest say `locked`.
    for (const method of METHODS) {
      const res = await apiCall(host, method, {});
      expect(res.status, method).toBe(200);
      const body = res.json();
      expectEnvelope(body);
      if (!body.ok) expect(['validation', 'locked'], `${method}: ${body.error.code}`).toContain(body.error.code);
    }
  });

  it('answers an unknown method with 404 and a bad_request envelope', async () => {
    for (const name of ['dossiers:explode', 'constructor', '__proto__', 'vault%3Astatus%00', '%E0%A4%A']) {
      const res = await rawRequest(host.port, {
        method: 'POST', path: `/api/${name.includes('%') ? name : encodeURIComponent(name)}`,
        headers: { 'content-type': 'application/json', 'x-veldwerk-token': host.token }, body: '{}',
      });
      expect(res.status, name).toBe(404);
      expect(res.json()).toEqual({ ok: false, error: { code: 'bad_request', message: message('host.unknown_method') } });
    }
  });

  it('creates the vault, then rejects malformed input with a Dutch validation envelope', async () => {
    const created = await apiCall(host, 'vault:create', { passphrase: TEST_PASSPHRASE });
    expect(created.json()).toEqual({ ok: true, value: { state: 'unlocked', protection: 'passphrase' } });

    // Before setup only start-up methods answer (a data method is 'forbidden'): setup's own validation.
    const res = await apiCall(host, 'setup:complete', { name: 'Ilse', role: 'consulent', associationName: 42 });
    expect(res.status).toBe(200);
    const body = res.json() as Envelope<unknown>;
    expect(body.ok).toBe(false);
    if (body.ok) return;
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toBe(message('errors.validation'));
    expect(body.error.message).toMatch(/ingevuld/);
    expect(body.error.fields?.[0]?.path).toBe('associationName');
    expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js|mjs):\d+/); // no stack trace
  });

  it('serves data calls once unlocked', async () => {
    const res = await apiCall(host, 'setup:status', {});
    expect(res.json()).toEqual({ ok: true, value: { profile: null } });
  });

  it('refuses bodies that are not JSON (415), not valid JSON (400), or too large (413)', async () => {
    const auth = { 'x-veldwerk-token': host.token };
    const text = await rawRequest(host.port, {
      method: 'POST', path: '/api/vault%3Astatus', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}',
    });
    expect(text.status).toBe(415);
    expect(text.json()).toMatchObject({ ok: false, error: { code: 'bad_request', message: message('host.not_json') } });

    const broken = await post('/api/vault%3Astatus', auth, '{"passphrase":');
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({ ok: false, error: { message: message('host.invalid_json') } });

    const big = Buffer.alloc(8 * 1024 * 1024 + 1, 0x20);
    const declared = await post('/api/vault%3Astatus', auth, big.toString());
    expect(declared.status).toBe(413);
    expect(declared.json()).toEqual({ ok: false, error: { code: 'bad_request', message: message('host.body_too_large') } });

    const chunks = Array.from({ length: 9 }, () => Buffer.alloc(1024 * 1024, 0x20));
    const streamed = await rawRequest(host.port, {
      method: 'POST', path: '/api/vault%3Astatus', headers: { ...auth, 'content-type': 'application/json' }, body: chunks,
    });
    expect(streamed.status).toBe(413);
    // The host still works afterwards.
    expect((await apiCall(host, 'vault:status', {})).status).toBe(200);
  });

  it('allows only POST on /api and GET/HEAD elsewhere (405)', async () => {
    const get = await rawRequest(host.port, { path: '/api/vault%3Astatus', headers: { 'x-veldwerk-token': host.token } });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const preflight = await rawRequest(host.port, { method: 'OPTIONS', path: '/api/vault%3Astatus' });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const put = await rawRequest(host.port, { method: 'PUT', path: '/index.html' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
  });
});

describe('web host: static files', () => {
  it('serves index.html with the CSP and the other security headers', async () => {
    const res = await rawRequest(host.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.text).toContain('<div id="root">');
  });

  it('sends the security headers on API answers and errors too', async () => {
    for (const res of [await apiCall(host, 'vault:status', {}), await post('/api/vault%3Astatus', {})]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves assets with their content type, and HEAD without a body', async () => {
    const js = await rawRequest(host.port, { path: '/assets/app.js?v=1' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await rawRequest(host.port, { method: 'HEAD', path: '/assets/app.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['content-length']).toBe('14');
    expect(css.text).toBe('');
  });

  it('falls back to index.html for app routes, 404 for missing files with an extension', async () => {
    const route = await rawRequest(host.port, { path: '/dossiers/0190-abc' });
    expect(route.status).toBe(200);
    expect(route.text).toContain('<div id="root">');
    const missing = await rawRequest(host.port, { path: '/assets/missing.js' });
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(message('host.not_found'));
  });

  it('never serves a file outside the renderer folder (path traversal)', async () => {
    for (const path of [
      '/../../etc/passwd', '/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt', '/..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5csecret.txt', '/%00index.html', '/.env',
    ]) {
      const res = await rawRequest(host.port, { path });
      expect(res.status, path).toBe(404);
      expect(res.text, path).not.toMatch(/root:|TOP-SECRET|<div id="root">/);
    }
  });
});
