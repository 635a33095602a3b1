// A model test of autosave: random sequences of edits, stale saves, closes and reopens against the real
// core and database. The database must always equal the model; nothing a user saved may get lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierInput } from '../../shared/contract/index.js';
import { setUpAs } from '../helpers/roles.js';
import { dossierInput, tempCore } from '../helpers/temp-core.js';

const edit = fc.record({
  notes: fc.string({ maxLength: 40 }),
  niveau: fc.constantFrom(0, 1, 2, 3, 4),
  voornaam: fc.constantFrom('Eefje', 'Zoë', 'Daan'),
  parents: fc.array(fc.record({ name: fc.constantFrom('Ouder A', 'Ouder B'), gezag: fc.boolean() }), { maxLength: 2 }),
});
const action = fc.oneof(
  edit.map((e) => ({ kind: 'save' as const, e })),
  edit.map((e) => ({ kind: 'stale' as const, e })),
  fc.constant({ kind: 'close' as const }),
  fc.constant({ kind: 'reopen' as const }),
);

describe('autosave (model-based property)', () => {
  it('keeps the database equal to the last accepted save, through conflicts and closing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const t = tempCore();
        try {
          await setUpAs(t, 'consulent');
          const wg = await t.call('werkgebieden:save', { name: 'W' });
          const school = await t.call('schools:save', { name: 'S', brin: '12AB', place: '', werkgebiedId: wg.id });
          let d = await t.call('dossiers:create', dossierInput(school.id));
          const model: { input: DossierInput; version: number; closed: boolean } = { input: dossierInput(school.id), version: d.version, closed: false };
          for (const a of actions) {
            if (a.kind === 'close' || a.kind === 'reopen') {
              d = await t.call(a.kind === 'close' ? 'dossiers:close' : 'dossiers:reopen', { id: d.id });
              if (model.closed !== (a.kind === 'close')) model.version++;
              model.closed = a.kind === 'close';
              continue;
            }
            const input: DossierInput = {
              ...model.input,
              notes: a.e.notes.trim(),
              niveau: a.e.niveau as 0,
              voornaam: a.e.voornaam,
              parents: a.e.parents.map((p) => ({ ...p, relation: 'ouder', phone: '', email: '' })),
            };
            const base = a.kind === 'stale' ? model.version - 1 : model.version;
            const env = await t.raw('dossiers:update', { id: d.id, baseVersion: base, dossier: input });
            if (model.closed || a.kind === 'stale') {
              expect(env.ok).toBe(false);
              continue;
            }
            expect(env.ok).toBe(true);
            const changed = JSON.stringify({ ...model.input, status: undefined }) !== JSON.stringify({ ...input, status: undefined });
            if (changed) model.version++;
            model.input = input;
          }
          const final = await t.call('dossiers:get', { id: d.id });
          expect(final.version).toBe(model.version);
          expect(final.status === 'afgesloten').toBe(model.closed);
          expect(final.notes).toBe(model.input.notes);
          expect(final.niveau).toBe(model.input.niveau);
          expect(final.voornaam).toBe(model.input.voornaam);
          expect(final.parents.map((p) => [p.name, p.gezag])).toEqual(model.input.parents.map((p) => [p.name, p.gezag]));
          const outbox = t.core.local!.sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'dossier'").pluck().get();
          expect(outbox).toBe(model.version);
        } finally {
          t.dispose();
        }
      }),
      { numRuns: 40 },
    );
  });
});
