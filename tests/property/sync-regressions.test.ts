// Minimal cases found by the sync property test (sync.property.test.ts), kept as plain tests.
import { describe, expect, it } from 'vitest';
import { editNotes, sharedDossier, useSyncWorld } from '../integration/sync/harness.js';

const world = useSyncWorld();


describe('sync regressions', () => {
  it.each(['mine', 'merged'] as const)(
    'resolving a conflict "%s" keeps text added to the field after the conflict was recorded',
    async (resolution) => {
      const w = await world();
      const { a, b, d } = await sharedDossier(w, 'Start');
      await editNotes(a, d.id, () => 'Start Anna');
      await editNotes(b, d.id, () => 'Start Bram');
      await a.sync();
      await b.sync(); // conflict: base Start, store "Start Anna", device "Start Bram"
      // Later, Anna adds a sentence at the front: merged cleanly by the store.
      await editNotes(a, d.id, (old) => `Later ${old}`);
      await a.sync();
      await b.sync();
      expect((await b.call('dossiers:get', { id: d.id })).notes).toBe('Later Start Anna');
      const [conflict] = await b.call('sync:conflicts', {});
      expect(conflict).toMatchObject({ storeValue: 'Start Anna', deviceValue: 'Start Bram' });

      await b.call('sync:resolve', { id: conflict!.id, resolution, ...(resolution === 'merged' ? { text: 'Start Anna en Bram' } : {}) });
      await b.sync();
      await a.sync();
      await b.sync();
      const expected = resolution === 'mine' ? 'Later Start Bram' : 'Later Start Anna en Bram';
      // "Later" was never part of the conflict: choosing a version must not silently drop it.
      expect((await a.call('dossiers:get', { id: d.id })).notes).toBe(expected);
      expect((await b.call('dossiers:get', { id: d.id })).notes).toBe(expected);
      expect(b.core.sync!.outcomes().every((o) => o.status !== 'rejected')).toBe(true);
    },
  );
});
