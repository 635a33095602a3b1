// sync:* — enrolment, status, conflicts, rejections and history, over the sync engine (db/sync/).
import { SyncError } from '../../db/sync/enroll.js';
import { CoreError } from '../errors.js';
import type { Handler, HandlerContext } from './index.js';

/** Runs `fn`, turning a SyncError into a contract error with its Dutch message. */
async function mapped<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SyncError) throw new CoreError(err.code, undefined, undefined, `errors.${err.key}`);
    throw err;
  }
}

export function syncHandlers(ctx: HandlerContext) {
  const { sync, repos, now } = ctx;
  return {
    'sync:status': () => sync.status(),
    'sync:enroll': (input) =>
      mapped(async () => {
        const status = await sync.enroll(input, ctx.connect(input.storeUrl, null), (r) => {
          // The store's user becomes this device's user: no separate setup step.
          repos.settings.createUser(r.user.id, r.user.name, r.user.role, now().toISOString());
          repos.settings.setProfile(r.user.id, r.association.name);
        });
        sync.kick();
        return status;
      }),
    'sync:now': () => {
      sync.kick();
      return sync.status();
    },
    'sync:conflicts': () => sync.conflicts(),
    'sync:resolve': ({ id, resolution, text }) =>
      mapped(() => {
        sync.resolve(id, resolution, text);
        return { ok: true as const };
      }),
    'sync:rejections': () => sync.rejections(),
    'sync:dismissRejections': ({ seqs }) => {
      sync.dismissRejections(seqs);
      return { ok: true as const };
    },
    'sync:history': ({ entity, id }) => sync.history(entity, id),
  } satisfies {
    [K in 'sync:status' | 'sync:enroll' | 'sync:now' | 'sync:conflicts' | 'sync:resolve' | 'sync:rejections' | 'sync:dismissRejections'
      | 'sync:history']: Handler<K>;
  };
}
