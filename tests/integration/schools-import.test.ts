import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpAs } from '../helpers/roles.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';

let t: TestCore;
beforeEach(async () => {
  t = tempCore();
  await setUpAs(t, 'beheerder');
});
afterEach(() => t.dispose());

const GOOD_SEMICOLON = '\uFEFFnaam;brin;plaats;werkgebied\r\nOBS De Regenboog;12ab;Alkmaar;Alkmaar Noord\r\n"CBS ""Het"" Kompas; locatie 2";34CD;Schagen;Schagen\r\n';
const GOOD_COMMA = 'naam,brin,plaats,werkgebied\nIKC De Duinroos,56EF,Bergen,Bergen\n';

describe('schools CSV import', () => {
  it('previews without writing, then imports a ; file with BOM and quotes', async () => {
    const preview = await t.call('schools:import', { csv: GOOD_SEMICOLON, apply: false });
    expect(preview).toMatchObject({ rows: 2, created: 2, updated: 0, applied: false, newWerkgebieden: ['Alkmaar Noord', 'Schagen'] });
    expect(await t.call('schools:list', {})).toEqual([]);
    expect(await t.call('werkgebieden:list', {})).toEqual([]);
    const done = await t.call('schools:import', { csv: GOOD_SEMICOLON, apply: true });
    expect(done.applied).toBe(true);
    const schools = await t.call('schools:list', {});
    expect(schools.map((s) => [s.name, s.brin, s.werkgebiedName])).toEqual([
      ['CBS "Het" Kompas; locatie 2', '34CD', 'Schagen'],
      ['OBS De Regenboog', '12AB', 'Alkmaar Noord'],
    ]);
  });

  it('imports a , file without BOM and updates a school whose BRIN exists', async () => {
    await t.call('schools:import', { csv: GOOD_COMMA, apply: true });
    const again = await t.call('schools:import', { csv: 'naam,brin,plaats,werkgebied\nIKC Duinroos (nieuw),56ef,Bergen NH,Bergen\n', apply: true });
    expect(again).toMatchObject({ created: 0, updated: 1, newWerkgebieden: [] });
    expect((await t.call('schools:list', {}))[0]).toMatchObject({ name: 'IKC Duinroos (nieuw)', place: 'Bergen NH' });
  });

  it('reports every bad line and imports nothing', async () => {
    const bad = [
      'naam;brin;plaats;werkgebied',
      'OBS Goed;12AB;Alkmaar;Noord',
      ';34CD;Heiloo;Noord', // no name
      'OBS Fout;1234;Heiloo;Noord', // bad BRIN
      'OBS Dubbel;12ab;Heiloo;Noord', // duplicate BRIN in file
      'OBS Kort;56EF;Heiloo', // too few columns
      'OBS Zonder;78GH;Heiloo;', // no werkgebied
    ].join('\n');
    const env = await t.raw('schools:import', { csv: bad, apply: true });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    expect(env.error.message).toBe('Het bestand bevat fouten. Er is niets geïmporteerd.');
    expect(env.error.lines).toEqual([
      { line: 3, path: 'name', key: 'required' },
      { line: 4, path: 'brin', key: 'brin_invalid' },
      { line: 5, path: 'brin', key: 'brin_duplicate_in_file' },
      { line: 6, path: '', key: 'csv_columns' },
      { line: 7, path: 'werkgebied', key: 'werkgebied_required' },
    ]);
    expect(await t.call('schools:list', {})).toEqual([]);
  });

  it('rejects a file without the needed header, an empty file and an unclosed quote', async () => {
    const header = await t.raw('schools:import', { csv: 'school;code\nA;12AB\n', apply: false });
    expect(!header.ok && header.error.lines).toEqual([{ line: 1, path: '', key: 'csv_header' }]);
    const empty = await t.raw('schools:import', { csv: '', apply: false });
    expect(!empty.ok && empty.error.lines).toEqual([{ line: 1, path: '', key: 'csv_empty' }]);
    const quote = await t.raw('schools:import', { csv: 'naam;brin;plaats;werkgebied\n"OBS Open;12AB;A;B\n', apply: false });
    expect(!quote.ok && quote.error.lines?.[0]).toEqual({ line: 2, path: '', key: 'csv_quote' });
  });

  it('rolls back the whole import when a row conflicts with the database', async () => {
    const wg = await t.call('werkgebieden:save', { name: 'Noord' });
    await t.call('schools:save', { name: 'Bestaand', brin: '99ZZ', place: '', werkgebiedId: wg.id });
    // BRIN 99ZZ exists: the row updates it, which is allowed; a BRIN format clash is caught earlier.
    const env = await t.raw('schools:import', { csv: 'naam;brin;plaats;werkgebied\nNieuw;11AA;X;Zuid\nBestaand 2;99zz;Y;Noord\n', apply: true });
    expect(env.ok).toBe(true);
    expect((await t.call('schools:list', {})).map((s) => s.brin).sort()).toEqual(['11AA', '99ZZ']);
  });
});

describe('beheer validation', () => {
  it('validates the BRIN code and werkgebied of a school, and unique werkgebied names', async () => {
    const wg = await t.call('werkgebieden:save', { name: 'Bergen' });
    const bad = await t.raw('schools:save', { name: 'X', brin: '1A2B', place: '', werkgebiedId: wg.id });
    expect(!bad.ok && bad.error.fields).toEqual([{ path: 'brin', key: 'brin_invalid' }]);
    await t.call('schools:save', { name: 'X', brin: '12AB', place: '', werkgebiedId: wg.id });
    const taken = await t.raw('schools:save', { name: 'Y', brin: '12ab', place: '', werkgebiedId: wg.id });
    expect(!taken.ok && taken.error.fields).toEqual([{ path: 'brin', key: 'brin_taken' }]);
    const dup = await t.raw('werkgebieden:save', { name: 'bergen' });
    expect(!dup.ok && dup.error.fields).toEqual([{ path: 'name', key: 'name_taken' }]);
  });
});
