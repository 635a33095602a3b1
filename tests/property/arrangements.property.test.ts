// Random status moves (plus evaluations and verlengingen) against the real core and database: a stored
// status is always reachable by legal moves, refused moves change nothing, and every accepted change
// writes exactly one outbox row for the arrangement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARR_STATUSES, canTransition, type ArrStatus } from '../../shared/domain/arrangement.js';
import { tempCore } from '../helpers/temp-core.js';
import { arrInput, arrSetup } from '../integration/arrangements.fixtures.js';

const step = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ARR_STATUSES).map((to) => ({ kind: 'move' as const, to })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'evaluate' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'extend' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'stale' as const }) },
);

describe('arrangement status moves (property)', () => {
  it('never stores an illegal status; one outbox row per accepted change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const t = tempCore();
        try {
          const s = await arrSetup(t);
          const a = await t.call('arrangements:create', { arrangement: arrInput({ werkgebiedId: s.werkgebiedId, schoolId: s.schoolId, dossierId: s.dossier.id }) });
          const sqlite = t.core.local!.sqlite;
          const outbox = () => sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'arrangement' AND entity_id = ?").pluck().get(a.id) as number;
          const stored = () => sqlite.prepare('SELECT status, revision FROM arrangements WHERE id = ?').get(a.id) as { status: ArrStatus; revision: number };
          let model: ArrStatus = 'concept';
          let rev = 1;
          let rows = 1;
          for (const st of steps) {
            const to: ArrStatus = st.kind === 'move' ? st.to : st.kind === 'evaluate' ? 'geevalueerd' : st.kind === 'extend' ? 'verlengd' : 'ingediend';
            const legal = st.kind !== 'stale' && canTransition(model, to).ok;
            const env = st.kind === 'evaluate'
              ? await t.raw('arrangements:evaluate', { id: a.id, baseRevision: rev, evaluation: { goals: [], effectLeerkrachtTeam: '', visieKind: '', vervolgstap: 'Door', actuals: [] } })
              : st.kind === 'extend'
                ? await t.raw('arrangements:extend', { id: a.id, baseRevision: rev, note: '' })
                : await t.raw('arrangements:transition', { id: a.id, baseRevision: st.kind === 'stale' ? rev - 1 : rev, to, note: '' });
            expect(env.ok).toBe(legal);
            if (!env.ok) expect(env.error.code).toBe(st.kind === 'stale' ? 'conflict' : 'validation');
            if (legal) {
              model = to;
              rev += 1;
              rows += 1;
            }
            const now = stored();
            expect(now).toEqual({ status: model, revision: rev });
            expect(outbox()).toBe(rows);
          }
        } finally {
          t.dispose();
        }
      }),
      { numRuns: 40 },
    );
  });
});
