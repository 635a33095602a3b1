// One handler map per domain, joined into the map the core dispatches to.
import type { LockMethod, Method, Output, ParsedInput } from '../../shared/contract/index.js';
import type { LocalDb } from '../../db/open.js';
import { createSyncEngine, type SyncEngine } from '../../db/sync/engine.js';
import { httpTransport } from '../../db/sync/http-transport.js';
import type { StoreTransport } from '../../shared/sync/transport.js';
import { appHandlers } from './app.js';
import { arrangementHandlers } from './arrangements.js';
import { auditHandlers } from './audit.js';
import { beheerHandlers } from './beheer.js';
import { commissionHandlers } from './commission.js';
import { commissionPdfHandlers } from './commission-pdf.js';
import { dossierHandlers } from './dossiers.js';
import { exportHandlers } from './export.js';
import { kindgesprekHandlers } from './kindgesprek.js';
import { mdoHandlers } from './mdo.js';
import { createRepos, type Repos } from './repos.js';
import { retentionHandlers } from './retention.js';
import { syncHandlers } from './sync.js';
import { tlvHandlers } from './tlv.js';

// The vault and the app lock are answered by the core itself (core.ts, core/lock.ts).
type DataMethod = Exclude<Method, 'vault:status' | 'vault:create' | 'vault:unlock' | LockMethod>;
export type Handler<M extends Method> = (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in DataMethod]: Handler<M> };

export interface HandlerDeps {
  now: () => Date;
  /** Folder with the fonts embedded in PDFs; resources/fonts of the source checkout when not given. */
  fontsDir?: string;
  /** The sync client of this database, and how to reach a store (the HTTP transport in the app). */
  sync?: SyncEngine;
  connect?: (storeUrl: string, token: string | null) => StoreTransport;
}
export interface HandlerContext extends HandlerDeps {
  local: LocalDb;
  repos: Repos;
  sync: SyncEngine;
  connect: (storeUrl: string, token: string | null) => StoreTransport;
}

export function createHandlers(local: LocalDb, deps: HandlerDeps): Handlers {
  const ctx: HandlerContext = {
    ...deps, local, repos: createRepos(local, deps.now),
    // Benchmarks make handlers without a store: a sync client that is never linked.
    sync: deps.sync ?? createSyncEngine({ local, now: deps.now, transport: () => null }),
    connect: deps.connect ?? httpTransport,
  };
  return {
    ...appHandlers(ctx), ...beheerHandlers(ctx), ...dossierHandlers(ctx), ...mdoHandlers(ctx), ...kindgesprekHandlers(ctx),
    ...arrangementHandlers(ctx), ...tlvHandlers(ctx), ...syncHandlers(ctx), ...commissionHandlers(ctx), ...commissionPdfHandlers(ctx), ...auditHandlers(ctx),
    ...retentionHandlers(ctx),
    ...exportHandlers(ctx),
  };
}
