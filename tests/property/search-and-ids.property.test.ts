import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, UUID_RE } from '../../shared/ids.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';

let t: TestCore;
beforeAll(async () => {
  t = tempCore();
  await t.call('setup:loadDemo', { dossiers: 50 });
});
afterAll(() => t.dispose());

describe('search input (property)', () => {
  it('never fails, whatever a user types', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (q) => {
        const env = await t.raw('dossiers:list', { query: q });
        expect(env.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('UUIDv7 (property)', () => {
  it('is well-formed and strictly increasing for ids made in order, even within one millisecond', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 200 }), (steps) => {
        let now = 1_750_000_000_000;
        const ids = steps.map((s) => uuidv7((now += s)));
        for (const id of ids) expect(id).toMatch(UUID_RE);
        for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
      }),
    );
  });
});
