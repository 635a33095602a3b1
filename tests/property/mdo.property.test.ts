// A model test of the MDO lifecycle: random autosaves, stale saves, finalisations, corrections and
// action status changes against the real core and database. Invariants: one live version per series,
// a vastgesteld row never changes, one outbox row per accepted change, revisions only go up.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mdo } from '../../shared/contract/index.js';
import { inputOf, mdoDossier, mdoInput, READY } from '../helpers/mdo-fixtures.js';
import { tempCore } from '../helpers/temp-core.js';

const step = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), zorgen: fc.string({ maxLength: 30 }), afspraken: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('stale' as const), zorgen: fc.string({ maxLength: 30 }) }),
  fc.constant({ kind: 'finalise' as const }),
  fc.constant({ kind: 'correct' as const }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom('open' as const, 'gedaan' as const, 'vervallen' as const) }),
);

describe('mdo lifecycle (model-based property)', () => {
  it('keeps versions, immutability, outbox and revisions consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        let clock = Date.parse('2026-11-02T10:00:00Z');
        const t = tempCore({ now: () => new Date((clock += 1000)) });
        const db = t.core.local!.sqlite;
        const one = (sql: string, ...a: unknown[]) => db.prepare(sql).pluck().get(...a) as number;
        const hashes = new Map<string, string>();
        const revisions = new Map<string, number>();
        const rowHash = (id: string) => {
          const { superseded_by: _s, ...row } = db.prepare('SELECT * FROM mdos WHERE id = ?').get(id) as Record<string, unknown>;
          return createHash('sha256').update(JSON.stringify(row)).digest('hex');
        };
        try {
          await t.call('setup:complete', { name: 'C', role: 'consulent', associationName: 'S' });
          const d = await mdoDossier(t);
          const consent = [{ parentId: d.parents.find((p) => p.gezag)!.id, besluit: 'instemming' as const, datum: '2026-11-02', wijze: 'schriftelijk' as const }];
          let m: Mdo = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput(READY) });
          let expectedMdoOutbox = 1;
          for (const s of steps) {
            const before = { mdo: one("SELECT count(*) FROM outbox WHERE entity = 'mdo'") };
            const at = new Date(clock + 1000).toISOString();
            if (s.kind === 'save' || s.kind === 'stale') {
              const keep = m.afspraken.slice(0, s.kind === 'save' ? s.afspraken : 0);
              const afspraken = s.kind === 'save' ? [...keep, ...Array.from({ length: s.afspraken - keep.length }, (_, i) => ({ wat: `A${i}`, wie: '', wanneer: '' }))] : m.afspraken;
              const input = { ...inputOf(m), ...READY, zorgen: s.zorgen, afspraken };
              const base = s.kind === 'stale' ? m.revision - 1 : m.revision;
              const env = await t.raw('mdo:save', { id: m.id, baseRevision: base, mdo: input });
              expect(env.ok).toBe(s.kind === 'save' && m.status === 'concept');
              if (env.ok) {
                const next = env.value as Mdo;
                const changed = next.zorgen !== m.zorgen || JSON.stringify(next.afspraken) !== JSON.stringify(m.afspraken);
                expect(next.revision).toBe(m.revision + (changed ? 1 : 0));
                expectedMdoOutbox += changed ? 1 : 0;
                m = next;
              }
            } else if (s.kind === 'finalise') {
              const env = await t.raw('mdo:finalise', { id: m.id, baseRevision: m.revision, presentAttendeeIds: [], consent });
              expect(env.ok).toBe(m.status === 'concept');
              if (env.ok) {
                m = env.value as Mdo;
                expectedMdoOutbox += 1;
                hashes.set(m.id, rowHash(m.id));
              }
            } else if (s.kind === 'correct') {
              const env = await t.raw('mdo:correct', { id: m.id, reason: 'Correctie' });
              expect(env.ok).toBe(m.status === 'vastgesteld');
              if (env.ok) {
                m = env.value as Mdo;
                expectedMdoOutbox += 2;
              }
            } else {
              const actions = await t.call('actions:list', { dossierId: d.id });
              if (actions.length) await t.call('actions:setStatus', { id: actions[s.pick % actions.length]!.id, status: s.status });
            }
            // One outbox row per action row written at this step, and the mdo rows the model expects.
            expect(one("SELECT count(*) FROM outbox WHERE entity = 'dossier_action' AND at = ?", at))
              .toBe(one('SELECT count(*) FROM dossier_actions WHERE updated_at = ?', at));
            expect(one("SELECT count(*) FROM outbox WHERE entity = 'mdo'")).toBe(expectedMdoOutbox);
            if (before.mdo === expectedMdoOutbox) expect(one("SELECT count(*) FROM outbox WHERE entity = 'mdo' AND at = ?", at)).toBe(0);
            expect(one('SELECT count(*) FROM (SELECT series_id FROM mdos WHERE superseded_by IS NULL GROUP BY series_id HAVING count(*) > 1)')).toBe(0);
            for (const [id, h] of hashes) expect(rowHash(id)).toBe(h);
            for (const row of db.prepare('SELECT id, revision FROM mdos').all() as { id: string; revision: number }[]) {
              expect(row.revision).toBeGreaterThanOrEqual(revisions.get(row.id) ?? 0);
              revisions.set(row.id, row.revision);
            }
          }
          const got = await t.call('mdo:get', { id: m.id });
          expect(got.zorgen).toBe(m.zorgen);
          expect(got.versions.at(-1)!.id).toBe(m.id);
        } finally {
          t.dispose();
        }
      }),
      { numRuns: 30 },
    );
  });
});
