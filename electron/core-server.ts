// The core's side of the channel, as a plain function of its dependencies so tests can drive it
// without a utilityProcess: `core-process.ts` only wires it to `process.parentPort`.
import type { Envelope } from '../shared/contract/index.js';
import { errorEnvelope, toCoreSchema, type FromCore, type InitMessage } from './core-channel.js';

export interface CoreLike {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  close(): void;
}

export interface CoreServerDeps {
  createCore: (opts: { dataDir: string; migrationsFolder: string; dataKey?: Buffer }) => CoreLike;
  post: (msg: FromCore) => void;
  exit: (code: number) => void;
  /** Method names and error kinds only, never inputs. */
  log?: (line: string) => void;
}

export interface CoreServer {
  receive(raw: unknown): void;
  /** Resolves once a shutdown has finished (tests). */
  readonly stopped: Promise<void>;
}

function kindOf(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

export function createCoreServer(deps: CoreServerDeps): CoreServer {
  const log = deps.log ?? (() => {});
  let core: CoreLike | null = null;
  let initialised = false;
  let stopping = false;
  const inFlight = new Set<Promise<void>>();
  let markStopped: () => void = () => {};
  const stopped = new Promise<void>((r) => (markStopped = r));

  const init = (msg: InitMessage) => {
    if (initialised) return log('[core-process] ignored second init');
    initialised = true;
    try {
      core = deps.createCore({
        dataDir: msg.dataDir,
        migrationsFolder: msg.migrationsFolder,
        ...(msg.dataKeyHex ? { dataKey: Buffer.from(msg.dataKeyHex, 'hex') } : {}),
      });
      deps.post({ type: 'ready', ok: true });
    } catch (err) {
      log(`[core-process] init failed: ${kindOf(err)}`);
      deps.post({ type: 'ready', ok: false });
    }
  };

  const call = (id: number, method: string, input: unknown) => {
    const current = core;
    if (!current || stopping) return deps.post({ type: 'result', id, envelope: errorEnvelope('internal') });
    const job = current
      .call(method, input)
      .catch((err: unknown) => {
        log(`[core-process] ${method} threw: ${kindOf(err)}`);
        return errorEnvelope('internal');
      })
      .then((envelope) => deps.post({ type: 'result', id, envelope }))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };

  // Let running calls (a save, an import) finish so their transactions commit, then close the database.
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([...inFlight]);
    try {
      core?.close();
    } catch (err) {
      log(`[core-process] close failed: ${kindOf(err)}`);
    }
    core = null;
    markStopped();
    deps.exit(0);
  };

  return {
    receive(raw) {
      const parsed = toCoreSchema.safeParse(raw);
      if (!parsed.success) return log('[core-process] ignored malformed message');
      const msg = parsed.data;
      if (msg.type === 'init') init(msg);
      else if (msg.type === 'call') call(msg.id, msg.method, msg.input);
      else void shutdown();
    },
    stopped,
  };
}
