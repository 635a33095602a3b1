// @vitest-environment jsdom
// Locking on demand: pending edits start saving first (the same event as closing the window), the
// screens are hidden at once, and the core is told only after the saves already sent have ended.
import { afterEach, describe, expect, it } from 'vitest';
import { deferred, fakeTransport } from '../test/fake-transport.js';
import { useLock } from './lock-store.js';
import { lockingTransport } from './locking-transport.js';
import { lockStatus } from './lock-test-data.js';
import { lockNow } from './use-app-lock.js';
import { ContractError } from '../transport/transport.js';

afterEach(() => useLock.getState().reset());

describe('lockNow', () => {
  it('sends pending saves, hides the screens at once, and locks the core after the saves', async () => {
    const save = deferred<never>();
    const fake = fakeTransport({
      'dossiers:update': () => save.promise,
      'lock:lock': () => lockStatus({ locked: true }),
    });
    const transport = lockingTransport(fake);
    useLock.getState().setStatus(lockStatus());
    // What an autosaving editor does on `beforeunload` (useSaveBeforeUnload).
    const onBeforeUnload = () => void transport.call('dossiers:update', {} as never).catch(() => undefined);
    window.addEventListener('beforeunload', onBeforeUnload);
    const done = lockNow(transport);
    expect(useLock.getState().phase).toBe('locked');
    await Promise.resolve();
    expect(fake.calls.map((c) => c.method)).toEqual(['dossiers:update']);
    save.reject(new ContractError('conflict', 'x'));
    await done;
    expect(fake.calls.map((c) => c.method)).toEqual(['dossiers:update', 'lock:lock']);
    expect(useLock.getState().status?.locked).toBe(true);
    window.removeEventListener('beforeunload', onBeforeUnload);
  });

  it('any call answered with app_locked marks the app locked', async () => {
    const transport = lockingTransport(fakeTransport({
      'dossiers:list': () => {
        throw new ContractError('app_locked', 'vergrendeld');
      },
    }));
    useLock.getState().setStatus(lockStatus());
    await expect(transport.call('dossiers:list', {})).rejects.toThrow('vergrendeld');
    expect(useLock.getState().phase).toBe('locked');
  });
});
