// Wraps the renderer's transport: an `app_locked` answer to any call (another window locked, the
// idle lock of a second tab, a core restarted with a PIN) shows the lock screen at once. It also
// knows the calls in flight, so locking can wait for saves that were already under way.
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import { ContractError, type Transport } from '../transport/transport.js';
import { useLock } from './lock-store.js';

export interface LockingTransport extends Transport {
  /** Resolves when every call started before now has ended (or after `maxMs`). */
  settled(maxMs?: number): Promise<void>;
}

export function lockingTransport(inner: Transport): LockingTransport {
  const inflight = new Set<Promise<unknown>>();
  return {
    call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      const p = inner.call(method, input);
      inflight.add(p);
      p.then(
        () => inflight.delete(p),
        (err: unknown) => {
          inflight.delete(p);
          if (err instanceof ContractError && err.code === 'app_locked') useLock.getState().markLocked();
        },
      );
      return p;
    },
    settled(maxMs = 3_000) {
      if (inflight.size === 0) return Promise.resolve();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)));
      return Promise.race([Promise.allSettled([...inflight]).then(() => undefined), limit]).finally(() => clearTimeout(timer));
    },
  };
}
