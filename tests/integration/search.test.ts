import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierInput, tempCore, type TestCore } from '../helpers/temp-core.js';

let t: TestCore;
let schools: { a: string; b: string };
beforeAll(async () => {
  t = tempCore();
  await t.call('setup:complete', { name: 'Consulent Zoek', role: 'consulent', associationName: 'SWV' });
  const wg = await t.call('werkgebieden:save', { name: 'Schagen' });
  const wg2 = await t.call('werkgebieden:save', { name: 'Den Helder' });
  schools = {
    a: (await t.call('schools:save', { name: 'CBS Het Kompas', brin: '11AA', place: 'Schagen', werkgebiedId: wg.id })).id,
    b: (await t.call('schools:save', { name: 'OBS De Vuurtoren', brin: '22BB', place: 'Den Helder', werkgebiedId: wg2.id })).id,
  };
  const me = (await t.call('setup:status', {})).profile!.userId;
  await t.call('dossiers:create', dossierInput(schools.a, { voornaam: 'Eefje', achternaam: 'Öztürk', consulentId: me }));
  await t.call('dossiers:create', dossierInput(schools.a, { voornaam: 'Zoë', tussenvoegsel: 'de', achternaam: 'Vries', niveau: 3 }));
  await t.call('dossiers:create', dossierInput(schools.b, { voornaam: 'Daan', achternaam: 'Çelik', notes: 'Werkt graag met een koptelefoon.' }));
  await t.call('dossiers:create', dossierInput(schools.b, { voornaam: 'Łukasz', achternaam: 'Yılmaz', notes: 'Overleg met Søren.' }));
});
afterAll(() => t.dispose());

const names = async (input: Parameters<TestCore['call']>[1] & object) =>
  (await t.call('dossiers:list', input as never)).rows.map((r) => r.name);

describe('dossier search (FTS5) and filters', () => {
  it('is insensitive to case and diacritics', async () => {
    expect(await names({ query: 'ozturk' })).toEqual(['Eefje Öztürk']);
    expect(await names({ query: 'eefje' })).toEqual(['Eefje Öztürk']);
    expect(await names({ query: 'EEFJE' })).toEqual(['Eefje Öztürk']);
    expect(await names({ query: 'zoe' })).toEqual(['Zoë de Vries']);
    expect(await names({ query: 'celik' })).toEqual(['Daan Çelik']);
  });
  it('folds letters that are not letter + diacritic the way users type them (ı, ł, ø)', async () => {
    expect(await names({ query: 'yilmaz' })).toEqual(['Łukasz Yılmaz']);
    expect(await names({ query: 'lukasz' })).toEqual(['Łukasz Yılmaz']);
    expect(await names({ query: 'Yılmaz' })).toEqual(['Łukasz Yılmaz']);
    expect(await names({ query: 'soren' })).toEqual(['Łukasz Yılmaz']);
  });
  it('matches prefixes while typing, over name, school and notes, all words required', async () => {
    expect(await names({ query: 'ozt' })).toEqual(['Eefje Öztürk']);
    expect(await names({ query: 'kompas' })).toEqual(['Eefje Öztürk', 'Zoë de Vries']);
    expect(await names({ query: 'koptel' })).toEqual(['Daan Çelik']);
    expect(await names({ query: 'kompas zoe' })).toEqual(['Zoë de Vries']);
    expect(await names({ query: 'nobody' })).toEqual([]);
  });
  it('survives FTS syntax in the input', async () => {
    for (const q of ['"', 'AND OR NOT', 'ozt*"', 'a:b', '(', '^', 'NEAR(a b)']) {
      const env = await t.raw('dossiers:list', { query: q });
      expect(env.ok, q).toBe(true);
    }
  });
  it('follows a school rename in the search index', async () => {
    await t.call('schools:save', { id: schools.b, name: 'OBS Het Baken', brin: '22BB', place: 'Den Helder', werkgebiedId: (await t.call('schools:list', {})).find((s) => s.id === schools.b)!.werkgebiedId });
    expect(await names({ query: 'baken' })).toEqual(['Daan Çelik', 'Łukasz Yılmaz']);
    expect(await names({ query: 'vuurtoren' })).toEqual([]);
  });
  it('filters by werkgebied, school, status, niveau and mine; sorts and pages', async () => {
    const wgs = await t.call('werkgebieden:list', {});
    const schagen = wgs.find((w) => w.name === 'Schagen')!;
    expect((await names({ werkgebiedId: schagen.id })).sort()).toEqual(['Eefje Öztürk', 'Zoë de Vries']);
    expect(await names({ schoolId: schools.b })).toEqual(['Daan Çelik', 'Łukasz Yılmaz']);
    expect(await names({ niveau: 3 })).toEqual(['Zoë de Vries']);
    expect(await names({ mine: true })).toEqual(['Eefje Öztürk']);
    expect(await names({ status: 'afgesloten' })).toEqual([]);
    // Dutch order: by achternaam without tussenvoegsel, diacritics folded.
    // Yılmaz sorts as "yilmaz", between Vries and the end: not after every z-name.
    expect(await names({ sort: 'name' })).toEqual(['Daan Çelik', 'Eefje Öztürk', 'Zoë de Vries', 'Łukasz Yılmaz']);
    expect(await names({ sort: 'name', dir: 'desc' })).toEqual(['Łukasz Yılmaz', 'Zoë de Vries', 'Eefje Öztürk', 'Daan Çelik']);
    const page = await t.call('dossiers:list', { sort: 'name', offset: 1, limit: 1 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.name)).toEqual(['Eefje Öztürk']);
  });
});

describe('special letters', () => {
  it('fold the same way for sorting and for search (shared/domain/dossier.ts)', async () => {
    const { foldText, foldSpecialLetters } = await import('../../shared/domain/dossier.js');
    expect(foldText('Yılmaz Łukasz')).toBe('yilmaz lukasz');
    expect(foldSpecialLetters('Søren Æbelø Straße')).toBe('Soren AEbelo Strasse');
  });
});
