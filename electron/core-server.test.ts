import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../shared/contract/index.js';
import type { FromCore } from './core-channel.js';
import { createCoreServer, type CoreLike, type CoreServerDeps } from './core-server.js';

function setup(makeCore?: CoreServerDeps['createCore']) {
  const posted: FromCore[] = [];
  const exit = vi.fn();
  const log = vi.fn();
  const core = {
    call: vi.fn(async (method: string, input: unknown): Promise<Envelope<unknown>> => ({ ok: true, value: { method, input } })),
    close: vi.fn(() => {}),
  } satisfies CoreLike;
  const createCore = vi.fn(makeCore ?? (() => core));
  const server = createCoreServer({ createCore, post: (m) => posted.push(m), exit, log });
  return { server, posted, exit, log, core, createCore };
}
const tick = () => new Promise((r) => setTimeout(r, 0));
const init = { type: 'init', dataDir: '/data', migrationsFolder: '/m' };

describe('core server', () => {
  it('creates the core on init, with the key as bytes, and reports ready', () => {
    const { server, createCore, posted } = setup();
    server.receive({ ...init, dataKeyHex: '0f'.repeat(32) });
    expect(createCore).toHaveBeenCalledTimes(1);
    const opts = createCore.mock.calls[0]![0];
    expect(opts.dataDir).toBe('/data');
    expect(opts.dataKey).toEqual(Buffer.alloc(32, 0x0f));
    expect(posted).toEqual([{ type: 'ready', ok: true }]);
  });

  it('passes no key without dataKeyHex (passphrase protection)', () => {
    const { server, createCore } = setup();
    server.receive(init);
    expect(createCore.mock.calls[0]![0]).not.toHaveProperty('dataKey');
  });

  it('answers calls with their id', async () => {
    const { server, posted } = setup();
    server.receive(init);
    server.receive({ type: 'call', id: 7, method: 'vault:status', input: { a: 1 } });
    await tick();
    expect(posted[1]).toEqual({ type: 'result', id: 7, envelope: { ok: true, value: { method: 'vault:status', input: { a: 1 } } } });
  });

  it('reports a failed init and answers later calls with internal instead of crashing', async () => {
    const { server, posted, log } = setup(() => {
      throw new Error('wrong key for /data/veldwerk.db');
    });
    server.receive(init);
    server.receive({ type: 'call', id: 1, method: 'vault:status', input: {} });
    await tick();
    expect(posted[0]).toEqual({ type: 'ready', ok: false });
    expect(posted[1]).toMatchObject({ type: 'result', id: 1, envelope: { ok: false, error: { code: 'internal' } } });
    // Logs the error kind, not its message (which may hold paths or personal data).
    expect(log.mock.calls.flat().join('\n')).not.toContain('/data');
  });

  it('turns a throwing core call into an internal envelope', async () => {
    const { server, posted, core } = setup();
    core.call.mockRejectedValueOnce(new Error('boom'));
    server.receive(init);
    server.receive({ type: 'call', id: 3, method: 'dossiers:list', input: {} });
    await tick();
    expect(posted[1]).toMatchObject({ id: 3, envelope: { ok: false, error: { code: 'internal' } } });
  });

  it('ignores malformed messages without logging their content', () => {
    const { server, createCore, log } = setup();
    server.receive({ type: 'init', dataDir: 'Jan Jansen' });
    server.receive('nonsense');
    expect(createCore).not.toHaveBeenCalled();
    expect(log.mock.calls.flat().join('\n')).not.toContain('Jan Jansen');
  });

  it('on shutdown lets running calls finish, then closes the database and exits 0', async () => {
    const { server, posted, core, exit } = setup();
    let finish: (e: Envelope<unknown>) => void = () => {};
    core.call.mockImplementationOnce(() => new Promise<Envelope<unknown>>((r) => (finish = r)));
    server.receive(init);
    server.receive({ type: 'call', id: 1, method: 'dossiers:update', input: {} });
    server.receive({ type: 'shutdown' });
    server.receive({ type: 'call', id: 2, method: 'vault:status', input: {} });
    await tick();
    expect(core.close).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
    finish({ ok: true, value: 'saved' });
    await server.stopped;
    expect(posted).toContainEqual({ type: 'result', id: 1, envelope: { ok: true, value: 'saved' } });
    expect(posted).toContainEqual(expect.objectContaining({ id: 2, envelope: expect.objectContaining({ ok: false }) }));
    expect(core.close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });
});
