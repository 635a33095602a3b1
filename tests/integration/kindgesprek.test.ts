import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KG_TOPICS } from '../../shared/domain/mdo.js';
import { mdoDossier } from '../helpers/mdo-fixtures.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';

let t: TestCore;
let clock: number;

beforeEach(async () => {
  // 23:30 UTC on 1 November is already 2 November in Amsterdam.
  clock = Date.parse('2026-11-01T23:30:00Z');
  t = tempCore({ now: () => new Date((clock += 1000)) });
  await t.call('setup:complete', { name: 'Consulent Test', role: 'consulent', associationName: 'SWV Test' });
});
afterEach(() => t.dispose());

const input = (k: { datum: string; leeftijd: 'g1_4' | 'g5_8' | 'vo' }, over: object = {}) => ({
  datum: k.datum, leeftijd: k.leeftijd, topics: [{ topic: 'trots' as const, smiley: 5, nu: 6, doel: 8, woorden: 'Mijn tekening!' }],
  observaties: 'Ontspannen', delenMetOuders: true, delenMetSchool: false, delenToelichting: '', samenvatting: 'Wil meer tekenen.', ...over,
});

describe('kindgesprek', () => {
  it('creates with the age band of the groep, today in Amsterdam and one entry per topic', async () => {
    for (const [groep, band] of [['g2', 'g1_4'], ['g7', 'g5_8'], ['l2', 'vo']] as const) {
      const d = await mdoDossier(t, { groep });
      const k = await t.call('kindgesprek:create', { dossierId: d.id });
      expect(k).toMatchObject({ leeftijd: band, datum: '2026-11-02', status: 'concept', revision: 1, samenvatting: '' });
      expect(k.topics.map((x) => x.topic)).toEqual([...KG_TOPICS]);
      expect(k.topics.every((x) => x.smiley === null && x.woorden === '')).toBe(true);
    }
  });

  it('saves, refuses a stale revision, finishes onto the timeline and is then immutable', async () => {
    const d = await mdoDossier(t);
    const k = await t.call('kindgesprek:create', { dossierId: d.id });
    const s = await t.call('kindgesprek:save', { id: k.id, baseRevision: 1, kindgesprek: input(k) });
    expect(s.revision).toBe(2);
    expect(s.topics.find((x) => x.topic === 'trots')).toEqual({ topic: 'trots', smiley: 5, nu: 6, doel: 8, woorden: 'Mijn tekening!' });
    expect(s.topics).toHaveLength(KG_TOPICS.length);
    expect(s.delenMetOuders).toBe(true);
    expect((await t.call('kindgesprek:save', { id: k.id, baseRevision: 2, kindgesprek: input(k) })).revision).toBe(2);
    const stale = await t.raw('kindgesprek:save', { id: k.id, baseRevision: 1, kindgesprek: input(k, { samenvatting: 'oud' }) });
    expect(!stale.ok && stale.error.code).toBe('conflict');

    const f = await t.call('kindgesprek:finish', { id: k.id, baseRevision: 2 });
    expect(f.status).toBe('afgerond');
    expect(f.afgerondAt).not.toBeNull();
    const after = await t.raw('kindgesprek:save', { id: k.id, baseRevision: f.revision, kindgesprek: input(k, { samenvatting: 'later' }) });
    expect(!after.ok && after.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/afgerond/) });
    const timeline = (await t.call('dossiers:get', { id: d.id })).timeline;
    expect(timeline.find((e) => e.type === 'kindgesprek_finished')).toMatchObject({ refId: k.id, fields: [] });
    expect(await t.call('kindgesprek:list', { dossierId: d.id })).toEqual([
      { id: k.id, datum: '2026-11-02', status: 'afgerond', samenvatting: 'Wil meer tekenen.', updatedAt: f.updatedAt },
    ]);
    const outbox = t.core.local!.sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'kindgesprek'").pluck().get();
    expect(outbox).toBe(3);
  });

  it('rejects out-of-range scales at the boundary', async () => {
    const d = await mdoDossier(t);
    const k = await t.call('kindgesprek:create', { dossierId: d.id });
    const env = await t.raw('kindgesprek:save', {
      id: k.id, baseRevision: 1, kindgesprek: input(k, { topics: [{ topic: 'trots', smiley: 6, nu: null, doel: 11, woorden: '' }] }),
    });
    expect(!env.ok && env.error.fields).toEqual([
      { path: 'kindgesprek.topics.0.smiley', key: 'invalid' }, { path: 'kindgesprek.topics.0.doel', key: 'invalid' },
    ]);
  });
});
