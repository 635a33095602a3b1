// Several store processes over one database (deployment.md): two real `server/main.ts` processes on
// one PostgreSQL; devices push concurrently through both, alternately; versions stay unique and
// gap-free, no mutation is lost, and every pull, via either process, sees all. (The admin side
// seeds and enrols through a third, in-process store on the same database, like the CLI would.)
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../server/core/store.js';
import { freshDatabase, startPostgres } from '../../helpers/postgres.js';
import { startStoreProcess } from '../../helpers/store-process.js';
import { caseRow, Device, enrolDevice, newId, seedAssociation } from './store-fixture.js';

const pg = await startPostgres();
afterAll(() => pg?.stop());

describe.skipIf(!pg)('two stores on one PostgreSQL', () => {
  it('hand out unique, gap-free versions under concurrent pushes', async () => {
    const url = await freshDatabase(pg!.url);
    const storeA = await createStore({ databaseUrl: url });
    const [a, b] = await Promise.all([startStoreProcess({ databaseUrl: url }), startStoreProcess({ databaseUrl: url })]);
    try {
      const seeded = await seedAssociation(storeA, a.port, 'Multi');
      const user = (await storeA.admin.listUsers(seeded.associationId)).find((u) => u.name === 'Schrijver')!;
      const devices: Device[] = [];
      for (let i = 0; i < 4; i++) {
        const d = await enrolDevice(storeA, i % 2 === 0 ? a.port : b.port, user.id);
        devices.push(d);
      }
      const results = await Promise.all(devices.map(async (d, n) => {
        const versions: number[] = [];
        for (let batch = 0; batch < 5; batch++) {
          // Like a round-robin load balancer: each batch goes to the other process.
          d.port = (batch + n) % 2 === 0 ? a.port : b.port;
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
      await Promise.all([a.stop(), b.stop()]);
      await storeA.close();
    }
  }, 60_000);
});
