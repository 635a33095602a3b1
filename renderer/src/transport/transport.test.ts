// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpTransport } from './http-transport.js';
import { createIpcTransport } from './ipc-transport.js';
import { consumeToken } from './token.js';
import { ContractError } from './transport.js';

afterEach(() => {
  vi.unstubAllGlobals();
  window.sessionStorage.clear();
});

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

describe('HTTP transport', () => {
  it('POSTs the input to /api/<encoded method> with the token, and returns the value', async () => {
    const fetchMock = vi.fn(async () => json({ ok: true, value: { total: 0, rows: [] } }));
    vi.stubGlobal('fetch', fetchMock);
    const t = createHttpTransport('tok123', () => 'netwerk');
    await expect(t.call('dossiers:list', { query: 'jan' })).resolves.toEqual({ total: 0, rows: [] });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/dossiers%3Alist');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'content-type': 'application/json', 'x-veldwerk-token': 'tok123' });
    expect(JSON.parse(String(init.body))).toEqual({ query: 'jan' });
  });

  it('throws a ContractError with fields for ok:false', async () => {
    vi.stubGlobal('fetch', async () =>
      json({ ok: false, error: { code: 'validation', message: 'Niet goed', fields: [{ path: 'schoolId', key: 'school_unknown' }] } }),
    );
    const t = createHttpTransport('t', () => 'netwerk');
    const err = await t.call('dossiers:get', { id: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractError);
    expect(err).toMatchObject({ code: 'validation', fields: [{ path: 'schoolId', key: 'school_unknown' }] });
  });

  it('throws a network ContractError when the core cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const t = createHttpTransport('t', () => 'Veldwerk kan de achtergronddienst niet bereiken.');
    await expect(t.call('vault:status', {})).rejects.toMatchObject({ code: 'network', message: 'Veldwerk kan de achtergronddienst niet bereiken.' });
  });
});

describe('IPC transport', () => {
  it('unwraps envelopes from window.veldwerk', async () => {
    const bridge = { call: vi.fn(async () => ({ ok: false as const, error: { code: 'wrong_passphrase' as const, message: 'Nee' } })) };
    const t = createIpcTransport(bridge, () => 'netwerk');
    await expect(t.call('vault:unlock', { passphrase: 'x' })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    expect(bridge.call).toHaveBeenCalledWith('vault:unlock', { passphrase: 'x' });
  });
});

describe('start-up token', () => {
  it('takes the token from the hash, keeps it for reloads and removes it from the URL', () => {
    window.history.replaceState(null, '', '/#token=abc%2B1');
    expect(consumeToken()).toBe('abc+1');
    expect(window.location.hash).toBe('#/');
    expect(window.location.href).not.toContain('abc');
    // A reload: no token in the URL any more, but this tab still has it.
    expect(consumeToken()).toBe('abc+1');
  });
});
