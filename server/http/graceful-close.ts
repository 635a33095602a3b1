// Graceful shutdown for a node:http(s) server, used by the store and by the app's web host: stop
// accepting, let running requests finish (up to a grace period), then cut what is left.
import type { Server } from 'node:http';

export interface RequestTracker {
  /** Call for every request; its reply's 'close' (handed to the OS, or the client left) ends it. */
  track(res: { once(event: 'close', fn: () => void): unknown }): void;
  readonly closing: boolean;
  /** Resolves once the server is closed; runs `after` (close the database) last. Idempotent. */
  close(after: () => void | Promise<void>): Promise<void>;
}

export function requestTracker(server: Server, graceMs: number): RequestTracker {
  let inFlight = 0;
  let closing: Promise<void> | null = null;
  let idle: (() => void) | null = null;
  return {
    track(res) {
      inFlight++;
      res.once('close', () => {
        inFlight--;
        if (closing) server.closeIdleConnections();
        if (inFlight === 0) idle?.();
      });
    },
    get closing() {
      return closing !== null;
    },
    close(after) {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) {
          await new Promise<void>((resolve) => {
            idle = resolve;
            setTimeout(resolve, graceMs).unref();
          });
        }
        server.closeAllConnections();
        await stopped;
        await after();
      })();
      return closing;
    },
  };
}
