import { describe, expect, it } from 'vitest';
import { RETENTION_PURGE_MAX } from '../../../../shared/contract/index.js';
import { purgeInRuns } from './purge-in-runs.js';

describe('purgeInRuns', () => {
  it('sends at most the contract\'s maximum per run, reports progress and sums the count', async () => {
    const ids = Array.from({ length: RETENTION_PURGE_MAX * 2 + 3 }, (_, i) => `id-${i}`);
    const sent: number[] = [];
    const progress: number[] = [];
    const result = await purgeInRuns(async (rule, part) => {
      sent.push(part.length);
      return { rule, date: '2026-11-22', count: part.length };
    }, 'tlv', ids, (done) => progress.push(done.count));
    expect(sent).toEqual([RETENTION_PURGE_MAX, RETENTION_PURGE_MAX, 3]);
    expect(progress).toEqual([RETENTION_PURGE_MAX, RETENTION_PURGE_MAX * 2, ids.length]);
    expect(result).toEqual({ rule: 'tlv', date: '2026-11-22', count: ids.length });
  });

  it('stops at the first failure; what was done before is reported', async () => {
    const progress: number[] = [];
    const ids = Array.from({ length: RETENTION_PURGE_MAX + 1 }, (_, i) => `id-${i}`);
    await expect(purgeInRuns(async (rule, part) => {
      if (part.length === 1) throw new Error('offline');
      return { rule, date: '2026-11-22', count: part.length };
    }, 'tlv', ids, (done) => progress.push(done.count))).rejects.toThrow('offline');
    expect(progress).toEqual([RETENTION_PURGE_MAX]);
  });
});
