import { describe, expect, it } from 'vitest';
import { nl } from '../shared/i18n/nl.js';
import { createCorrelator, toCoreSchema, type ToCore } from './core-channel.js';

function setup() {
  const sent: ToCore[] = [];
  const c = createCorrelator((m) => sent.push(m));
  return { c, sent };
}

describe('message schemas', () => {
  it('accepts the three message kinds', () => {
    expect(toCoreSchema.safeParse({ type: 'init', dataDir: '/d', migrationsFolder: '/m' }).success).toBe(true);
    expect(toCoreSchema.safeParse({ type: 'init', dataDir: '/d', migrationsFolder: '/m', dataKeyHex: 'ab'.repeat(32) }).success).toBe(true);
    expect(toCoreSchema.safeParse({ type: 'call', id: 1, method: 'vault:status', input: {} }).success).toBe(true);
    expect(toCoreSchema.safeParse({ type: 'shutdown' }).success).toBe(true);
  });
  it.each([
    ['a short key', { type: 'init', dataDir: '/d', migrationsFolder: '/m', dataKeyHex: 'abcd' }],
    ['an upper-case key', { type: 'init', dataDir: '/d', migrationsFolder: '/m', dataKeyHex: 'AB'.repeat(32) }],
    ['an init without dataDir', { type: 'init', migrationsFolder: '/m' }],
    ['a call with a string id', { type: 'call', id: '1', method: 'x', input: {} }],
    ['a call with a negative id', { type: 'call', id: -1, method: 'x', input: {} }],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['not an object', 'shutdown'],
  ])('rejects %s', (_n, msg) => {
    expect(toCoreSchema.safeParse(msg).success).toBe(false);
  });
});

describe('correlator', () => {
  it('sends calls with fresh ids and resolves each with its own result, in any order', async () => {
    const { c, sent } = setup();
    const a = c.request('vault:status', {});
    const b = c.request('setup:status', {});
    expect(sent).toEqual([
      { type: 'call', id: 0, method: 'vault:status', input: {} },
      { type: 'call', id: 1, method: 'setup:status', input: {} },
    ]);
    expect(c.pending).toBe(2);
    expect(c.receive({ type: 'result', id: 1, envelope: { ok: true, value: 'B' } })).toBe(true);
    expect(c.receive({ type: 'result', id: 0, envelope: { ok: true, value: 'A' } })).toBe(true);
    expect(await a).toEqual({ ok: true, value: 'A' });
    expect(await b).toEqual({ ok: true, value: 'B' });
    expect(c.pending).toBe(0);
  });

  it('ignores unknown ids, duplicates and malformed results', async () => {
    const { c } = setup();
    const a = c.request('vault:status', {});
    expect(c.receive({ type: 'result', id: 99, envelope: { ok: true, value: 1 } })).toBe(false);
    expect(c.receive({ type: 'result', id: 0, envelope: { ok: false, error: { code: 'nope', message: 'x' } } })).toBe(false);
    expect(c.receive({ type: 'result', id: 0 })).toBe(false);
    expect(c.pending).toBe(1);
    expect(c.receive({ type: 'result', id: 0, envelope: { ok: true, value: 1 } })).toBe(true);
    expect(c.receive({ type: 'result', id: 0, envelope: { ok: true, value: 2 } })).toBe(false);
    expect(await a).toEqual({ ok: true, value: 1 });
  });

  it('ends every open call with a Dutch internal envelope when the process exits, and later calls too', async () => {
    const { c, sent } = setup();
    const a = c.request('vault:status', {});
    const b = c.request('dossiers:list', {});
    c.closed();
    const internal = { ok: false, error: { code: 'internal', message: nl.errors.internal } };
    expect(await a).toEqual(internal);
    expect(await b).toEqual(internal);
    expect(c.pending).toBe(0);
    expect(await c.request('vault:status', {})).toEqual(internal);
    expect(sent).toHaveLength(2);
  });

  it('answers internal when posting fails', async () => {
    const c = createCorrelator(() => {
      throw new Error('process gone');
    });
    expect(await c.request('vault:status', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(c.pending).toBe(0);
  });
});
