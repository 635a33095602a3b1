// Retention handlers (bewaartermijnen): rules, what is due, the purge and the history of runs.
import { retentionRepo } from '../../db/repos/retention.js';
import { RETENTION_PURGE_ROLES as PURGE_ROLES } from '../../shared/domain/retention.js';
import { retentionPurger } from '../../db/repos/retention-purge.js';
import { recordStore } from '../../db/sync/records.js';
import { syncStateStore } from '../../db/sync/state.js';
import { CoreError } from '../errors.js';
import type { Handler, HandlerContext } from './index.js';

export function retentionHandlers(ctx: HandlerContext) {
  const { local, repos, now } = ctx;
  const records = recordStore(local.sqlite, () => repos.budgets.settings().yearKind);
  const role = () => repos.settings.profile()?.role ?? null;
  const linked = () => syncStateStore(local.sqlite).device() !== null;
  const r = retentionRepo(local.sqlite, {
    now, role, linked, actorName: () => repos.settings.profile()?.name ?? '', purger: retentionPurger(local, records),
  });
  return {
    'retention:settings': () => r.settings(),
    'retention:saveSettings': (s) => {
      // The association's rules: the secretary and the beheerder (privacy officer) set them; on a standalone
      // installation its one user does (as with the other configuration, shared/contract/roles.ts).
      if (!['secretaris', 'beheerder'].includes(role() ?? '') && linked()) throw new CoreError('forbidden');
      return r.saveSettings(s);
    },
    'retention:due': () => r.due(),
    'retention:purge': ({ rule, ids }) => {
      if (!PURGE_ROLES.includes(role() ?? 'school')) throw new CoreError('forbidden');
      const result = r.purge(rule, ids);
      if (!result) throw new CoreError('validation', [{ path: 'ids', key: 'retention_not_due' }]);
      return result;
    },
    'retention:runs': () => ({ runs: r.runs() }),
  } satisfies {
    [K in 'retention:settings' | 'retention:saveSettings' | 'retention:due' | 'retention:purge' | 'retention:runs']: Handler<K>;
  };
}
