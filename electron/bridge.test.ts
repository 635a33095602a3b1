import { describe, expect, it, vi } from 'vitest';
import { nl } from '../shared/i18n/nl.js';
import { createBridge } from './bridge.js';

describe('preload bridge', () => {
  it('forwards contract methods to ipcRenderer.invoke', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    const bridge = createBridge(invoke);
    expect(await bridge.call('vault:status', {})).toEqual({ ok: true, value: 1 });
    expect(invoke).toHaveBeenCalledWith('vault:status', {});
  });

  it.each(['shell:openExternal', '__proto__', 'constructor', 'toString', 'ELECTRON_BROWSER_WINDOW'])(
    'refuses the unknown channel %s without touching IPC',
    async (name) => {
      const invoke = vi.fn();
      const env = await createBridge(invoke).call(name, {});
      expect(env).toEqual({ ok: false, error: { code: 'bad_request', message: nl.errors.bad_request } });
      expect(invoke).not.toHaveBeenCalled();
    },
  );

  it('turns an IPC failure (uncloneable input) into an envelope', async () => {
    const bridge = createBridge(() => Promise.reject(new Error('An object could not be cloned.')));
    expect(await bridge.call('vault:status', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('exposes nothing but call', () => {
    expect(Object.keys(createBridge(vi.fn()))).toEqual(['call']);
    expect(Object.isFrozen(createBridge(vi.fn()))).toBe(true);
  });
});
