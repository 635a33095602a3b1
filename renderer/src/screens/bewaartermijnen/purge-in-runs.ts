// A selection is destroyed in runs of at most RETENTION_PURGE_MAX: each run is one transaction in the
// core and one run record; progress is reported after each.
import { RETENTION_PURGE_MAX, type Output } from '../../../../shared/contract/index.js';
import type { RetentionRule } from '../../../../shared/domain/retention.js';

type Result = Output<'retention:purge'>;

export async function purgeInRuns(
  purge: (rule: RetentionRule, ids: string[]) => Promise<Result>,
  rule: RetentionRule,
  ids: readonly string[],
  onRun: (done: Result, part: string[]) => void,
): Promise<Result | null> {
  let done: Result | null = null;
  let count = 0;
  for (let i = 0; i < ids.length; i += RETENTION_PURGE_MAX) {
    const part = ids.slice(i, i + RETENTION_PURGE_MAX);
    const r = await purge(rule, part);
    count += r.count;
    done = { ...r, count };
    onRun(done, part);
  }
  return done;
}
