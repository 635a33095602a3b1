// Several store processes over one database (deployment.md): devices push concurrently through
// different servers; versions stay unique and gap-free and every pull, via either server, sees all.
import { afterAll, describe, expect, it } from 'vitest';
import { startStoreServer } from '../../../server/http/server.js';
import { createStore } from '../../../server/core/store.js';
import { freshDatabase, startPostgres } from '../../helpers/postgres.js';
import { caseRow, Device, enrolDevice, newId, seedAssociation } from './store-fixture.js';

const pg = await startPostgres();
afterAll(() => pg?.stop());

describe.skipIf(!pg)('two stores on one PostgreSQL', () => {
  it('hand out unique, gap-free versions under concurrent pushes', async () => {
    const url = await freshDatabase(pg!.url);
    const [storeA, storeB] = await Promise.all([createStore({ databaseUrl: url }), createStore({ databaseUrl: url })]);
    const a = await startStoreServer({ store: storeA, port: 0 });
    const b = await startStoreServer({ store: storeB, port: 0 });
    try {
      const seeded = await seedAssociation(storeA, a.port, 'Multi');
      const user = (await storeA.admin.listUsers(seeded.associationId)).find((u) => u.name === 'Schrijver')!;
      const devices: Device[] = [];
      for (let i = 0; i < 4; i++) {
        const d = await enrolDevice(storeA, i % 2 === 0 ? a.port : b.port, user.id);
        devices.push(d);
      }
      const results = await Promise.all(devices.map(async (d) => {
        const versions: number[] = [];
        for (let batch = 0; batch < 5; batch++) {
          const items = Array.from({ length: 10 }, () => {
            const id = newId('dossier-multi');
            return { entity: 'dossier' as const, id, data: caseRow(seeded, 'dossier', batch % 2 ? 'A' : 'B', id) };
          });
          for (const r of await d.push(items)) {
            expect(r.status).toBe('applied');
            if (r.status === 'applied') versions.push(r.version);
          }
        }
        return versions;
      }));
      const all = results.flat().sort((x, y) => x - y);
      expect(new Set(all).size).toBe(200);
      for (let i = 1; i < all.length; i++) expect(all[i]! - all[i - 1]!).toBe(1);
      for (const d of [devices[0]!, devices[1]!]) {
        const pulled = new Set((await d.pullAll()).map((c) => c.version));
        for (const v of all) expect(pulled.has(v)).toBe(true);
      }
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});
