// The app-side sync client: one round is upload blobs → push the outbox → pull pages until done →
// download missing attachment content. Coded against StoreTransport (HTTP in the app, in-process in
// tests). Also the status the renderer polls, and automatic sync with backoff while offline.
import type { z } from 'zod';
import type { SyncStatus, syncContract } from '../../shared/contract/sync.js';
import { DEFAULT_BUDGET_SETTINGS } from '../repos/budgets.js';
import type { BudgetYearKind } from '../../shared/domain/budget.js';
import type { Role } from '../../shared/domain/dossier.js';
import { LIMITS, type EnrollResponse } from '../../shared/sync/protocol.js';
import { TransportError, type StoreTransport } from '../../shared/sync/transport.js';
import type { LocalDb } from '../open.js';
import { blobSync } from './blobs.js';
import { SyncError, enrollDevice, hasLocalData } from './enroll.js';
import { checkLocalRules } from './local-columns.js';
import { outboxStore } from './outbox.js';
import { pullApplier } from './pull-apply.js';
import { pushAll } from './push.js';
import { recordStore } from './records.js';
import { syncStateStore, type HaltState } from './state.js';
import { tlvNumberTopUp } from './tlv-numbers.js';
import { syncViews } from './views.js';

export type SyncPhase = 'push' | 'upload' | 'pull' | 'download';
export type SyncProgress = { phase: SyncPhase; done: number; total: number };
type EnrollInput = z.output<(typeof syncContract)['sync:enroll']['input']>;

export interface SyncEngineOptions {
  local: LocalDb;
  /** The transport to the linked store (null before enrolment). */
  transport: () => StoreTransport | null;
  now: () => Date;
  log?: (line: string) => void;
}

const MAX_BACKOFF_MS = 5 * 60_000;
const HALT_KEYS: Record<HaltState, string> = { revoked: 'errors.sync_device_revoked', upgrade_required: 'errors.sync_upgrade_required' };

export function createSyncEngine(opts: SyncEngineOptions) {
  checkLocalRules();
  const { local, now } = opts;
  const log = opts.log ?? (() => {});
  const sqlite = local.sqlite;
  const state = syncStateStore(sqlite);
  const outbox = outboxStore(sqlite);
  const yearKind = (): BudgetYearKind => {
    // Synced for the whole association since issue 6 (association_settings), no longer a device setting.
    const raw = sqlite.prepare<[], string>(`SELECT value FROM association_settings WHERE key = 'budgets'`).pluck().get();
    return raw ? ((JSON.parse(raw) as { yearKind?: BudgetYearKind }).yearKind ?? DEFAULT_BUDGET_SETTINGS.yearKind) : DEFAULT_BUDGET_SETTINGS.yearKind;
  };
  const records = recordStore(sqlite, yearKind);
  const applier = pullApplier({ local, records, outbox, state, now, log });
  const blobs = blobSync(sqlite, now);
  const tlvNumbers = tlvNumberTopUp({ sqlite, state, now, log });
  const userName = sqlite.prepare<[string], string>('SELECT name FROM users WHERE id = ?').pluck();
  const views = syncViews(local, {
    now, actorId: () => state.device()?.userId ?? null, actorName: () => userName.get(state.device()?.userId ?? '') ?? '',
    deviceId: () => state.device()?.deviceId ?? null,
  });
  const counts = {
    conflicts: sqlite.prepare<[string], number>(`SELECT count(*) FROM sync_conflicts WHERE status = 'open' AND device_id = ?`).pluck(),
    rejected: sqlite.prepare<[], number>(`SELECT count(*) FROM sync_log WHERE status = 'rejected' AND seen = 0`).pluck(),
  };

  let runtime: { state: 'idle' | 'offline' | 'error'; errorKey: string | null } = { state: 'idle', errorKey: null };
  let running: Promise<{ pushed: number; pulled: number }> | null = null;
  let progress: SyncProgress | null = null;

  function status(): SyncStatus {
    const device = state.device();
    const halt = device ? state.halt() : null;
    return {
      state: !device ? 'not_enrolled' : halt ?? (running ? 'syncing' : runtime.state),
      storeUrl: device?.storeUrl ?? null,
      associationName: device?.associationName ?? null,
      deviceName: device?.deviceName ?? null,
      insecure: device?.insecure ?? false,
      progress: running ? progress : null,
      lastSyncAt: state.lastSyncAt(),
      pending: outbox.count(),
      openConflicts: counts.conflicts.get(device?.deviceId ?? '') ?? 0,
      rejected: counts.rejected.get() ?? 0,
      errorKey: halt ? (state.haltKey() ?? HALT_KEYS[halt]) : runtime.errorKey,
    };
  }

  /** Turns a failure into the state the user sees; revoked and upgrade_required stop automatic sync. */
  function record(err: unknown): void {
    if (err instanceof TransportError) {
      const c = err.code;
      if (c === 'offline' || c === 'unavailable') runtime = { state: 'offline', errorKey: 'errors.sync_offline' };
      else if (c === 'unauthorized' || c === 'device_revoked') {
        state.setHalt('revoked', `errors.sync_${c}`);
      } else if (c === 'upgrade_required') state.setHalt('upgrade_required', 'errors.sync_upgrade_required');
      else {
        const key = c === 'too_large' || c === 'hash_mismatch' || c === 'rate_limited' ? `errors.sync_${c}` : 'errors.sync_store_error';
        runtime = { state: 'error', errorKey: key };
      }
      log(`[sync] round failed: ${c}`);
      return;
    }
    runtime = { state: 'error', errorKey: err instanceof SyncError ? `errors.${err.key}` : 'errors.sync_store_error' };
    log(`[sync] round failed: ${err instanceof Error ? err.name : typeof err}`);
  }

  async function round(onProgress?: (p: SyncProgress) => void): Promise<{ pushed: number; pulled: number }> {
    const report = (phase: SyncPhase) => (done: number, total: number) => {
      progress = { phase, done, total };
      onProgress?.(progress);
    };
    const device = state.device();
    if (!device) throw new SyncError('sync_not_enrolled');
    const halt = state.halt();
    if (halt) throw new SyncError((state.haltKey() ?? HALT_KEYS[halt]).replace('errors.', ''));
    const t = opts.transport();
    if (!t) throw new SyncError('sync_not_enrolled');
    try {
      await blobs.upload(t, report('upload'));
      const pushed = await pushAll({ outbox, applier, now }, t, report('push'));
      let pulled = 0;
      let role: Role | null = null;
      for (let restarts = 0; ; ) {
        const page = await t.pull({ cursor: state.cursor(), limit: LIMITS.pullPage });
        role = page.scope.role;
        if (applier.applyPage(page) === 'restart') {
          // The user's scope changed: local copies outside it were purged; pull everything again from 0.
          if (++restarts > 3) throw new SyncError('sync_store_error');
          log('[sync] scope changed: purged and pulling from 0');
          continue;
        }
        pulled += page.changes.length;
        report('pull')(page.cursor, Math.max(page.head, page.cursor));
        if (!page.more) break;
      }
      // After the pull: the user's role and the association's numbering pattern are the store's latest.
      if (role) await tlvNumbers.topUp(t, role);
      await blobs.download(t, report('download'));
      state.setLastSyncAt(now().toISOString());
      runtime = { state: 'idle', errorKey: null };
      log(`[sync] round done: pushed ${pushed}, pulled ${pulled}`);
      return { pushed, pulled };
    } catch (err) {
      record(err);
      throw err;
    }
  }

  /** One full round; waits for a running one first, so the caller always gets a round that started after its call. */
  async function syncOnce(onProgress?: (p: SyncProgress) => void): Promise<{ pushed: number; pulled: number }> {
    while (running) await running.catch(() => undefined);
    running = round(onProgress).finally(() => {
      running = null;
      progress = null;
    });
    return running;
  }

  // Automatic sync: every interval, backing off while offline, stopped when revoked or outdated.
  let timer: NodeJS.Timeout | null = null;
  let interval = 0;
  let failures = 0;
  let stopped = true;
  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };
  async function tick(): Promise<void> {
    timer = null;
    if (stopped || !state.device() || state.halt()) return;
    try {
      await syncOnce();
      failures = 0;
    } catch {
      failures = runtime.state === 'offline' ? failures + 1 : 0;
    }
    if (stopped || state.halt()) return;
    schedule(failures ? Math.min(interval * 2 ** failures, MAX_BACKOFF_MS) : interval);
  }

  return {
    status,
    syncOnce,
    /** Starts a round in the background if none runs (sync:now, after enrolment). */
    kick(): void {
      if (running || !state.device() || state.halt()) return;
      if (!stopped) {
        failures = 0;
        // Start the round now, not on a timer: the status returned to `sync:now` then already says
        // 'syncing', so the header shows progress and polls fast instead of looking idle for 10 s.
        if (timer) clearTimeout(timer);
        void tick();
      } else void syncOnce().catch(() => undefined);
    },
    start(intervalMs: number): void {
      if (intervalMs <= 0) return;
      interval = intervalMs;
      stopped = false;
      schedule(0);
    },
    /** Stops automatic sync and waits for a running round. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      while (running) await running.catch(() => undefined);
    },
    isRunning: () => running !== null,
    async enroll(input: EnrollInput, transport: StoreTransport, onEnrolled?: (r: EnrollResponse) => void): Promise<SyncStatus> {
      // A revoked device may be linked again with a new code for the same user: its data is that user's.
      const previous = state.device();
      const relink = previous !== null && state.halt() === 'revoked';
      if (previous && !relink) throw new SyncError('sync_already_enrolled', 'conflict');
      if (!relink && hasLocalData(sqlite)) throw new SyncError('sync_local_data_present', 'conflict');
      const { device, response } = await enrollDevice(sqlite, input, transport, relink);
      if (relink && (device.userId !== previous.userId || device.associationId !== previous.associationId)) {
        throw new SyncError('sync_local_data_present', 'conflict');
      }
      sqlite.transaction(() => {
        if (!relink && state.device()) throw new SyncError('sync_already_enrolled', 'conflict');
        state.setDevice(device);
        state.setHalt(null);
        if (relink) return; // same user and association: keep the cursor and the pending changes
        state.setCursor(0);
        onEnrolled?.(response);
      })();
      runtime = { state: 'idle', errorKey: null };
      log('[sync] device enrolled');
      return status();
    },
    conflicts: views.conflicts,
    resolve: views.resolve,
    rejections: views.rejections,
    dismissRejections: views.dismissRejections,
    history: views.history,
    /** Every settled seq with its outcome (tests: every captured seq ends in exactly one). */
    outcomes: views.outcomes,
    /** For tests and tools: apply pages or push results without a transport. */
    internals: { applier, outbox, state, records, blobs },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
