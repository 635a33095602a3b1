// The app lock as the renderer sees it. The core decides (it refuses data while locked); this store
// only follows, so the screens can be unmounted the moment the lock is known.
import { create } from 'zustand';
import type { LockStatus } from '../../../shared/contract/index.js';
import { useDossierList } from '../stores/dossier-list-store.js';

export type LockPhase = 'unknown' | 'open' | 'locked';

interface LockState {
  /** `unknown` until `lock:status` answered (or failed: then `open`, the core still guards). */
  phase: LockPhase;
  status: LockStatus | null;
  setStatus(status: LockStatus): void;
  /** The core said `app_locked`, or the user locked: hide everything now. */
  markLocked(): void;
  /** No lock information (an older core, a failed call): the core's gate still holds. */
  markOpen(): void;
  reset(): void;
  /** Locks on demand (header button, Ctrl+L); set by `useAppLock` while the app is shown. */
  requestLock(): void;
}

// The dossier list keeps its search text across screens; it may be a pupil's name.
const forgetPersonalState = () => useDossierList.getState().reset();

export const useLock = create<LockState>((set) => ({
  phase: 'unknown',
  status: null,
  setStatus: (status) => {
    if (status.locked) forgetPersonalState();
    set({ status, phase: status.locked ? 'locked' : 'open' });
  },
  markLocked: () => {
    forgetPersonalState();
    set((s) => ({ phase: 'locked', status: s.status ? { ...s.status, locked: true } : null }));
  },
  markOpen: () => set({ phase: 'open' }),
  reset: () => set({ phase: 'unknown', status: null }),
  requestLock: () => {},
}));

/** True when something could unlock a lock now (no PIN under the OS keyring: nothing could). */
export function canLock(status: LockStatus | null): boolean {
  return status === null || status.hasPin || status.hasPassphrase;
}
