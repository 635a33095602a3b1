// Unit tests of the web host's pure parts: caller checks, safe paths, flags, folders, opener.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { defaultDataDir, resolveDataDir, testScryptFromEnv } from './host-paths.js';
import { openBrowser, openerFor } from './open-browser.js';
import { checkApiCaller, hostAllowed, newToken, originAllowed, tokenMatches } from './request-guards.js';
import { contentTypeOf, safeRelativePath } from '../../shared/static-assets.js';

describe('request guards', () => {
  const token = newToken();

  it('makes distinct 32-byte base64url tokens', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(token);
  });

  it('compares tokens exactly, whatever the length', () => {
    expect(tokenMatches(token, token)).toBe(true);
    for (const bad of [undefined, '', 'x', `${token} `, token.slice(1), [token, token]]) expect(tokenMatches(bad, token)).toBe(false);
  });

  it('accepts only our own Host and Origin', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    for (const h of [undefined, '127.0.0.1', '127.0.0.1:4001', 'evil.example:4000', '127.0.0.1.evil.example:4000', '[::1]:4000']) {
      expect(hostAllowed(h, 4000)).toBe(false);
    }
    expect(originAllowed(undefined, 4000)).toBe(true);
    expect(originAllowed('http://localhost:4000', 4000)).toBe(true);
    for (const o of ['null', 'https://127.0.0.1:4000', 'http://127.0.0.1:4000/', 'http://evil.example']) expect(originAllowed(o, 4000)).toBe(false);
  });

  it('checks origin, fetch site and token in that order', () => {
    const ok = { 'x-veldwerk-token': token };
    expect(checkApiCaller(ok, 4000, token)).toBeNull();
    expect(checkApiCaller({ ...ok, 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:4000' }, 4000, token)).toBeNull();
    expect(checkApiCaller({ ...ok, 'sec-fetch-site': 'none' }, 4000, token)).toBeNull();
    expect(checkApiCaller({ ...ok, origin: 'http://evil.example' }, 4000, token)).toBe('origin');
    expect(checkApiCaller({ ...ok, 'sec-fetch-site': 'cross-site' }, 4000, token)).toBe('fetch-site');
    expect(checkApiCaller({}, 4000, token)).toBe('token');
  });
});

describe('static paths', () => {
  it('maps clean paths and refuses anything that could escape', () => {
    expect(safeRelativePath('/')).toBe('');
    expect(safeRelativePath('/assets/app-1a2b.js')).toBe('assets/app-1a2b.js');
    expect(safeRelativePath('/dossiers/%C3%A9')).toBe('dossiers/é');
    for (const p of ['/../x', '/a/../../x', '/%2e%2e/x', '/a%5c..%5cx', '/%00', '/%E0%A4%A', '/.git/config', '/C:/x', 'x']) {
      expect(safeRelativePath(p), p).toBeNull();
    }
  });

  it('knows the content types of a Vite build', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('f.woff2')).toBe('font/woff2');
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
  });
});

describe('flags and folders', () => {
  it('parses the flags', () => {
    expect(parseCliArgs([])).toEqual({ port: 0, dataDir: undefined, open: false, verbose: false, help: false });
    expect(parseCliArgs(['--port', '8123', '--data-dir', '/tmp/v', '--open'])).toMatchObject({ port: 8123, dataDir: '/tmp/v', open: true });
    expect(parseCliArgs(['--port=0'])).toMatchObject({ port: 0 });
    for (const p of ['-1', '65536', 'abc', '1e3', '']) expect(parseCliArgs([`--port=${p}`]), p).toEqual({ error: 'host.bad_port' });
    expect(parseCliArgs(['--nope'])).toEqual({ error: 'host.bad_args' });
    expect(parseCliArgs(['extra'])).toEqual({ error: 'host.bad_args' });
  });

  it('picks the OS app-data folder', () => {
    expect(defaultDataDir('linux', {}, '/home/an')).toBe('/home/an/.local/share/veldwerk');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data' }, '/home/an')).toBe('/data/veldwerk');
    expect(defaultDataDir('darwin', {}, '/Users/an')).toBe('/Users/an/Library/Application Support/Veldwerk');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'C:\\Users\\an')).toBe('C:\\Users\\an\\AppData\\Roaming\\Veldwerk');
    expect(resolveDataDir('/flag', { VELDWERK_DATA_DIR: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { VELDWERK_DATA_DIR: '/env' })).toBe('/env');
  });

  it('takes test-only scrypt parameters from the environment, and only sane ones', () => {
    expect(testScryptFromEnv({})).toBeUndefined();
    expect(testScryptFromEnv({ VELDWERK_TEST_SCRYPT_N: '1024' })).toEqual({ N: 1024, r: 8, p: 1 });
    for (const n of ['1000', '512', '131072', 'x']) expect(testScryptFromEnv({ VELDWERK_TEST_SCRYPT_N: n })).toBe('invalid');
  });
});

describe('opening a browser', () => {
  it('finds no opener on a machine without a desktop, and says so instead of crashing', () => {
    expect(openerFor('http://127.0.0.1:1/#token=t', 'linux', { PATH: '' })).toBeNull();
    expect(openerFor('http://127.0.0.1:1/#token=t', 'linux', { PATH: process.env.PATH, DISPLAY: '' })).toBeNull();
    let hinted = 0;
    openBrowser('http://127.0.0.1:1/#token=t', () => hinted++, 'linux', { PATH: '' });
    expect(hinted).toBe(1);
  });

  it('uses start on Windows', () => {
    expect(openerFor('http://x/#token=t', 'win32', {})?.args.at(-1)).toBe('start "" "http://x/#token=t"');
  });
});
