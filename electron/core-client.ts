// The main process's handle on the core's utilityProcess: sends `init`, correlates calls with
// results, and stops the process gracefully on quit. The process itself is passed in as a small
// adapter, so this runs under plain Node in tests.
import type { Envelope } from '../shared/contract/index.js';
import { createCorrelator, readyMessageSchema, type InitMessage, type ToCore } from './core-channel.js';

export interface CoreChild {
  postMessage(msg: ToCore): void;
  onMessage(listener: (msg: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface CoreClientOptions {
  init: Omit<InitMessage, 'type'>;
  /** The core answered `init`: false means it could not open the database with the OS key. */
  onReady?: (ok: boolean) => void;
  /** The process ended without being asked to. */
  onUnexpectedExit?: (code: number) => void;
  /** How long a graceful stop may take before the process is killed. */
  stopTimeoutMs?: number;
}

export interface CoreClient {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  stop(): Promise<void>;
  readonly exited: boolean;
}

export function createCoreClient(child: CoreChild, opts: CoreClientOptions): CoreClient {
  const correlator = createCorrelator((msg) => child.postMessage(msg));
  let exited = false;
  let stopping: Promise<void> | null = null;
  const exitWaiters: (() => void)[] = [];

  child.onMessage((raw) => {
    if (correlator.receive(raw)) return;
    const ready = readyMessageSchema.safeParse(raw);
    if (ready.success) opts.onReady?.(ready.data.ok);
  });
  child.onExit((code) => {
    exited = true;
    correlator.closed();
    for (const wake of exitWaiters.splice(0)) wake();
    if (!stopping) opts.onUnexpectedExit?.(code);
  });
  // Messages are delivered in order, so calls sent after this wait for the database to open.
  child.postMessage({ type: 'init', ...opts.init });

  return {
    call: (method, input) => correlator.request(method, input),
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (exited) return resolve();
        exitWaiters.push(resolve);
        const timer = setTimeout(() => child.kill(), opts.stopTimeoutMs ?? 5000);
        exitWaiters.push(() => clearTimeout(timer));
        try {
          child.postMessage({ type: 'shutdown' });
        } catch {
          child.kill();
        }
      });
      return stopping;
    },
    get exited() {
      return exited;
    },
  };
}
