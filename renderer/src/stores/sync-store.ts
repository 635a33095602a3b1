// The sync status for the header, Instellingen and Conflicten: one `sync:status` poll shared by all.
// Polled every second while syncing, every ten seconds otherwise, not at all while the tab is hidden.
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/contract/index.js';
import type { Transport } from '../transport/transport.js';

export const POLL_SYNCING_MS = 1_000;
export const POLL_IDLE_MS = 10_000;

interface SyncStoreState {
  status: SyncStatus | null;
  /** The last `sync:status` call failed (the status shown may be stale or absent). */
  failure: unknown;
  setStatus(status: SyncStatus): void;
  setFailure(failure: unknown): void;
}

export const initialSyncState = { status: null, failure: null } as const;

export const useSyncStore = create<SyncStoreState>((set) => ({
  ...initialSyncState,
  setStatus: (status) => set({ status, failure: null }),
  setFailure: (failure) => set({ failure }),
}));

/** Asks the core for the status now and stores it; never throws. */
export async function refreshSyncStatus(transport: Transport): Promise<SyncStatus | null> {
  try {
    const status = await transport.call('sync:status', {});
    useSyncStore.getState().setStatus(status);
    return status;
  } catch (err) {
    useSyncStore.getState().setFailure(err);
    return null;
  }
}

/** Keeps the store fresh while mounted (the header mounts it once, after unlock). */
export function useSyncPolling(transport: Transport, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    let stopped = false;

    const clear = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    const schedule = () => {
      clear();
      if (stopped || document.hidden) return;
      const syncing = useSyncStore.getState().status?.state === 'syncing';
      timer = setTimeout(() => void tick(), syncing ? POLL_SYNCING_MS : POLL_IDLE_MS);
    };
    const tick = async () => {
      timer = undefined;
      if (inFlight || stopped) return;
      inFlight = true;
      await refreshSyncStatus(transport);
      inFlight = false;
      schedule();
    };
    const onVisibility = () => {
      if (document.hidden) clear();
      else void tick();
    };
    // A sync started elsewhere (the button, Instellingen): poll fast from now on.
    const unsubscribe = useSyncStore.subscribe((s, prev) => {
      if (s.status?.state === 'syncing' && prev.status?.state !== 'syncing' && timer !== undefined) schedule();
    });
    document.addEventListener('visibilitychange', onVisibility);
    void tick();
    return () => {
      stopped = true;
      clear();
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [transport, enabled]);
}

/**
 * Calls `reload` when a count in the status changes after the first value (a sync brought new
 * conflicts or rejections while a screen shows them).
 */
export function useReloadOnCountChange(pick: (s: SyncStatus) => number, reload: () => void): void {
  const count = useSyncStore((s) => (s.status ? pick(s.status) : null));
  const seen = useRef<number | null>(null);
  const reloadRef = useRef(reload);
  useEffect(() => {
    reloadRef.current = reload;
  });
  useEffect(() => {
    if (count === null) return;
    const before = seen.current;
    seen.current = count;
    if (before !== null && before !== count) reloadRef.current();
  }, [count]);
}
