// The renderer half of the app lock, mounted once by the shell while the vault is open: asks the
// core for the lock's state, locks after the idle minutes and on Ctrl+L / Cmd+L, and notices a lock
// made elsewhere when the window comes back into view.
import { useEffect } from 'react';
import { IDLE_MINUTES_DEFAULT } from '../../../shared/contract/index.js';
import { ContractError } from '../transport/transport.js';
import { canLock, useLock } from './lock-store.js';
import type { LockingTransport } from './locking-transport.js';

/** What counts as the user being there. */
const ACTIVITY = ['pointerdown', 'pointermove', 'mousedown', 'mousemove', 'keydown', 'wheel', 'touchstart', 'focusin', 'scroll'] as const;

/** Windows and tabs of the app share their activity, so working in one keeps the others from locking. */
const CHANNEL = 'veldwerk-app-lock';
const SHARE_EVERY_MS = 5_000;

/** Ctrl+L, or Cmd+L on a Mac. */
export const isLockShortcut = (e: KeyboardEvent): boolean =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l';

/** Locks now: starts saving pending edits, hides the screens, then tells the core. */
export async function lockNow(transport: LockingTransport): Promise<void> {
  // Autosaving editors save what is pending when the window closes; locking is the same moment.
  window.dispatchEvent(new Event('beforeunload'));
  useLock.getState().markLocked();
  // Saves already sent must reach the core before it starts refusing them.
  await transport.settled();
  try {
    useLock.getState().setStatus(await transport.call('lock:lock', {}));
  } catch {
    // The lock screen stays; its own `lock:status` call shows what the core says.
  }
}

export function useAppLock(transport: LockingTransport, active: boolean): void {
  const phase = useLock((s) => s.phase);
  const status = useLock((s) => s.status);
  const lockable = active && phase === 'open' && canLock(status);
  const idleMs = (status?.idleMinutes ?? IDLE_MINUTES_DEFAULT) * 60_000;

  useEffect(() => {
    if (!active) {
      useLock.getState().reset();
      return;
    }
    let stale = false;
    const ask = () =>
      transport.call('lock:status', {}).then(
        (s) => !stale && useLock.getState().setStatus(s),
        (err: unknown) => {
          // `app_locked` has already been noted by the transport; anything else: the core still guards.
          if (!stale && !(err instanceof ContractError && err.code === 'app_locked') && useLock.getState().phase === 'unknown') {
            useLock.getState().markOpen();
          }
        },
      );
    void ask();
    // Another window may have locked meanwhile: ask again when this one is looked at.
    const onVisible = () => {
      if (!document.hidden && useLock.getState().phase === 'open') void ask();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      stale = true;
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [transport, active]);

  useEffect(() => {
    if (!lockable) return;
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    const lock = () => {
      channel?.postMessage('locked');
      void lockNow(transport);
    };
    useLock.setState({ requestLock: lock });
    // Idle: remember the last activity, check against a deadline (a timer alone runs late after sleep).
    let last = Date.now();
    let shared = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (channel) {
      channel.onmessage = (e: MessageEvent) => {
        if (e.data === 'active') last = Date.now();
        // Locked in another window: hide this one now rather than at its next call.
        if (e.data === 'locked') useLock.getState().markLocked();
      };
    }
    const check = () => {
      clearTimeout(timer);
      const left = last + idleMs - Date.now();
      if (left <= 0) lock();
      else timer = setTimeout(check, left);
    };
    const onActivity = () => {
      last = Date.now();
      if (channel && last - shared >= SHARE_EVERY_MS) {
        shared = last;
        channel.postMessage('active');
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (!isLockShortcut(e)) return;
      e.preventDefault();
      lock();
    };
    const onVisible = () => {
      if (!document.hidden) check();
    };
    for (const ev of ACTIVITY) window.addEventListener(ev, onActivity, { capture: true, passive: true });
    window.addEventListener('keydown', onKey, { capture: true });
    document.addEventListener('visibilitychange', onVisible);
    timer = setTimeout(check, idleMs);
    return () => {
      clearTimeout(timer);
      channel?.close();
      for (const ev of ACTIVITY) window.removeEventListener(ev, onActivity, { capture: true });
      window.removeEventListener('keydown', onKey, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      useLock.setState({ requestLock: () => {} });
    };
  }, [transport, lockable, idleMs]);
}
