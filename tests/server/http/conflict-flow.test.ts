// The conflict flow of docs/sync-protocol.md §8 over HTTP: two devices edit the same narrative
// field, the second gets a conflict record, resolves it with two normal mutations, both devices agree.
import { afterAll, describe, expect, it } from 'vitest';
import { backends, caseRow, enrolDevice, seedAssociation, serve, stopBackends } from './store-fixture.js';

const BACKENDS = await backends();
afterAll(() => stopBackends());

describe.each(BACKENDS)('conflict flow on $name', (backend) => {
  it('conflict → resolution as a normal mutation plus a conflict status update', async () => {
    const { store, server } = await serve(backend);
    try {
      const s = await seedAssociation(store, server.port, 'Conflict');
      const writer = (await store.admin.listUsers(s.associationId)).find((u) => u.name === 'Schrijver')!;
      const one = await enrolDevice(store, server.port, writer.id);
      const two = await enrolDevice(store, server.port, writer.id);
      const id = s.ids.A.dossier!;
      const base = caseRow(s, 'dossier', 'A', id);
      const [first] = await one.push([{ entity: 'dossier', id, data: { ...base, notes: 'Ouders willen een gesprek.' }, base }]);
      expect(first?.status).toBe('applied');
      const [second] = await two.push([{ entity: 'dossier', id, data: { ...base, notes: 'School vraagt een observatie.' }, base }]);
      expect(second?.status).toBe('conflict');
      if (second?.status !== 'conflict') return;
      expect(second.conflictIds).toHaveLength(1);
      expect(second.current.data.notes).toBe('Ouders willen een gesprek.');

      const conflict = (await two.pullAll()).filter((c) => c.entity === 'conflict' && c.id === second.conflictIds[0]).at(-1)!;
      expect(conflict.data).toMatchObject({ entity: 'dossier', entity_id: id, field: 'notes', status: 'open', device_value: 'School vraagt een observatie.' });
      const chosen = 'Ouders willen een gesprek. School vraagt een observatie.';
      const results = await two.push([
        { entity: 'dossier', id, data: { ...second.current.data, notes: chosen }, base: second.current.data },
        {
          entity: 'conflict', id: conflict.id, base: conflict.data,
          data: { ...conflict.data!, status: 'resolved', resolution: 'merged', resolved_by: writer.id, resolved_at: new Date().toISOString() },
        },
      ]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const seen = await one.pullAll();
      expect(seen.filter((c) => c.entity === 'dossier' && c.id === id).at(-1)?.data?.notes).toBe(chosen);
      expect(seen.filter((c) => c.entity === 'conflict' && c.id === conflict.id).at(-1)?.data?.status).toBe('resolved');
    } finally {
      await server.close();
    }
  }, 60_000);
});
