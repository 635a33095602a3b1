// The IPC contract test: every contract method is registered once, foreign callers and bad input
// are refused before the core sees them, and good calls arrive parsed.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contract, METHODS, type Envelope } from '../shared/contract/index.js';
import { uuidv7 } from '../shared/ids.js';
import { nl } from '../shared/i18n/nl.js';
import { isTrustedSender, registerContract } from './ipc.js';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>;

function setup() {
  const handlers = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const ipcMain = {
    handle: (channel: string, listener: Handler) => {
      counts.set(channel, (counts.get(channel) ?? 0) + 1);
      handlers.set(channel, listener);
    },
  } as unknown as Pick<IpcMain, 'handle'>;
  const call = vi.fn(async (_method: string, input: unknown): Promise<Envelope<unknown>> => ({ ok: true, value: input }));
  const registered = registerContract(ipcMain, { call });
  const invoke = (channel: string, event: unknown, input: unknown) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event as IpcMainInvokeEvent, input);
  };
  return { handlers, counts, call, registered, invoke };
}

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
const ours = frame('app://veldwerk/index.html');

describe('registerContract', () => {
  it('registers every contract method exactly once', () => {
    const { counts, registered } = setup();
    expect(METHODS.length).toBeGreaterThan(0);
    for (const m of METHODS) expect(counts.get(m), m).toBe(1);
    expect([...counts.keys()].sort()).toEqual([...METHODS].sort());
    expect(registered.sort()).toEqual([...METHODS].sort());
  });

  it('registers exactly the keys of the contract, so a new method cannot be forgotten', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
  });
});

describe('sender check', () => {
  const foreign: [string, unknown][] = [
    ['a foreign https page', frame('https://evil.example/')],
    ['an iframe of our own page', frame('app://veldwerk/index.html', { url: 'app://veldwerk/index.html' })],
    ['a missing senderFrame', { senderFrame: null }],
    ['no event details at all', {}],
    ['a look-alike app:// host', frame('app://veldwerk.evil/')],
    ['credentials in front of another host', frame('app://veldwerk@evil/')],
    ['a file:// page', frame('file:///app/index.html')],
  ];
  for (const [name, event] of foreign) {
    it(`refuses ${name} with a Dutch 'forbidden' and never calls the core`, async () => {
      const { invoke, call } = setup();
      const env = await invoke('vault:status', event, {});
      expect(env).toEqual({ ok: false, error: { code: 'forbidden', message: nl.errors.forbidden } });
      expect(call).not.toHaveBeenCalled();
    });
  }

  it('accepts our own top-level page', () => {
    expect(isTrustedSender(ours as unknown as IpcMainInvokeEvent)).toBe(true);
    expect(isTrustedSender(frame('app://veldwerk/dossiers/1') as unknown as IpcMainInvokeEvent)).toBe(true);
  });
});

describe('input validation', () => {
  it('refuses a malformed argument with field issues and never calls the core', async () => {
    const { invoke, call } = setup();
    const env = await invoke('dossiers:get', ours, { id: 42 });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    expect(env.error.message).toBe(nl.errors.validation);
    expect(env.error.fields).toEqual([{ path: 'id', key: expect.any(String) }]);
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses unknown extra keys where the schema is strict', async () => {
    const { invoke, call } = setup();
    const env = await invoke('vault:status', ours, { sneaky: true });
    expect(env.ok).toBe(false);
    expect(call).not.toHaveBeenCalled();
  });

  it('forwards the parsed input (defaults applied, unknown keys stripped)', async () => {
    const { invoke, call } = setup();
    const id = uuidv7();
    const env = await invoke('dossiers:get', ours, { id, extra: 'dropped' });
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('dossiers:get', { id });
    expect(env).toEqual({ ok: true, value: { id } });

    await invoke('dossiers:list', ours, { query: 'jan' });
    expect(call).toHaveBeenLastCalledWith('dossiers:list', {
      query: 'jan', sort: 'name', dir: 'asc', offset: 0, limit: 100,
    });
  });

  it('treats a missing argument as empty options', async () => {
    const { invoke, call } = setup();
    await invoke('vault:status', ours, undefined);
    expect(call).toHaveBeenCalledWith('vault:status', {});
  });

  it('turns a throwing core into an internal envelope without a stack trace', async () => {
    const { invoke, call } = setup();
    call.mockRejectedValueOnce(new Error('secret detail at /home/user'));
    const env = await invoke('vault:status', ours, {});
    expect(env).toEqual({ ok: false, error: { code: 'internal', message: nl.errors.internal } });
  });
});
