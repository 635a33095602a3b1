import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToCore } from './core-channel.js';
import { createCoreClient, type CoreChild } from './core-client.js';

function fakeChild() {
  const sent: ToCore[] = [];
  let onMessage: (m: unknown) => void = () => {};
  let onExit: (code: number) => void = () => {};
  const child: CoreChild & { kill: ReturnType<typeof vi.fn> } = {
    postMessage: (m) => sent.push(m),
    onMessage: (l) => (onMessage = l),
    onExit: (l) => (onExit = l),
    kill: vi.fn(() => onExit(1)),
  };
  return { child, sent, message: (m: unknown) => onMessage(m), exit: (c: number) => onExit(c) };
}
const init = { dataDir: '/d', migrationsFolder: '/m' };

afterEach(() => vi.useRealTimers());

describe('core client', () => {
  it('sends init first, then calls; resolves calls from results', async () => {
    const f = fakeChild();
    const client = createCoreClient(f.child, { init });
    const p = client.call('vault:status', {});
    expect(f.sent).toEqual([{ type: 'init', ...init }, { type: 'call', id: 0, method: 'vault:status', input: {} }]);
    f.message({ type: 'result', id: 0, envelope: { ok: true, value: 'x' } });
    expect(await p).toEqual({ ok: true, value: 'x' });
  });

  it('reports ready', () => {
    const f = fakeChild();
    const onReady = vi.fn();
    createCoreClient(f.child, { init, onReady });
    f.message({ type: 'ready', ok: false });
    expect(onReady).toHaveBeenCalledWith(false);
  });

  it('an unexpected exit fails open calls and is reported', async () => {
    const f = fakeChild();
    const onUnexpectedExit = vi.fn();
    const client = createCoreClient(f.child, { init, onUnexpectedExit });
    const p = client.call('dossiers:list', {});
    f.exit(139);
    expect(await p).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(onUnexpectedExit).toHaveBeenCalledWith(139);
    expect(client.exited).toBe(true);
  });

  it('stop() asks for a graceful shutdown and resolves on exit, without reporting a crash', async () => {
    const f = fakeChild();
    const onUnexpectedExit = vi.fn();
    const client = createCoreClient(f.child, { init, onUnexpectedExit });
    const stopped = client.stop();
    expect(f.sent.at(-1)).toEqual({ type: 'shutdown' });
    f.exit(0);
    await stopped;
    expect(f.child.kill).not.toHaveBeenCalled();
    expect(onUnexpectedExit).not.toHaveBeenCalled();
  });

  it('kills the process when a graceful stop takes too long', async () => {
    vi.useFakeTimers();
    const f = fakeChild();
    const client = createCoreClient(f.child, { init, stopTimeoutMs: 1000 });
    const stopped = client.stop();
    vi.advanceTimersByTime(999);
    expect(f.child.kill).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(f.child.kill).toHaveBeenCalledTimes(1);
    await stopped;
  });
});
