// Retention purge on a real encrypted database: after the purge no row in ANY local table mentions the
// dossier (or TLV) id or the marker text, the search index finds nothing, attachment bytes are gone.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../../core/core.js';
import { openDatabase } from '../../../db/open.js';
import { mdoInput } from '../../helpers/mdo-fixtures.js';
import { MIGRATIONS, dossierInput, tempCore, tempDir, type TestCore } from '../../helpers/temp-core.js';
import { arrInput, arrSetup } from '../arrangements.fixtures.js';

const MARKER = 'zqvretentiemarker';
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF`).toString('base64');

let clock = new Date('2026-11-22T10:00:00Z');
let t: TestCore;
let dir: string;
beforeEach(() => {
  clock = new Date('2026-11-22T10:00:00Z');
  dir = tempDir().dir;
  t = tempCore({ dir, now: () => clock });
});
afterEach(() => {
  t.core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A dossier with everything below it: parents, notes, MDO, kindgesprek, TLV and arrangement with files. */
async function fullDossier() {
  const s = await arrSetup(t);
  const id = s.dossier.id;
  await t.call('dossiers:update', {
    id, baseVersion: s.dossier.version,
    dossier: { ...pick(s.dossier), notes: `Notitie ${MARKER}`, involved: [{ role: 'ib', name: `IB ${MARKER}`, organisation: '' }] },
  } as never);
  await t.call('mdo:create', { dossierId: id, mdo: mdoInput({ zorgen: `Zorg ${MARKER}` }) });
  await t.call('kindgesprek:create', { dossierId: id });
  const tlv = await t.call('tlv:create', { dossierId: id });
  await t.call('attachments:add', { ownerType: 'tlv', ownerId: tlv.id, name: 'verslag.pdf', base64: pdf(`TLV ${MARKER}`) });
  const arr = await t.call('arrangements:create', { arrangement: arrInput({ ...s, dossierId: id }, { toelichting: `Arr ${MARKER}` }) });
  await t.call('attachments:add', { ownerType: 'arrangement', ownerId: arr.id, name: 'plan.pdf', base64: pdf(`Arr ${MARKER}`) });
  return { ...s, id, tlvId: tlv.id, arrId: arr.id };
}

function pick(d: Record<string, unknown>) {
  const keys = ['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'groep', 'schoolId', 'consulentId', 'niveau', 'notes', 'parents', 'involved'];
  return Object.fromEntries(keys.map((k) => [k, d[k]]));
}

/** Every table, every row: which tables still mention one of `needles` (text columns and blobs). */
function mentions(needles: string[]): string[] {
  t.core.close();
  const db = openDatabase({ file: join(t.dir, DB_FILE), key: t.key, migrationsFolder: MIGRATIONS });
  try {
    const tables = db.sqlite.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    const hits = new Set<string>();
    for (const table of tables) {
      for (const row of db.sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const v of Object.values(row)) {
          const text = Buffer.isBuffer(v) ? v.toString('latin1') : String(v);
          if (needles.some((n) => text.toLowerCase().includes(n.toLowerCase()))) hits.add(table);
        }
      }
    }
    return [...hits].sort();
  } finally {
    db.close();
  }
}

describe('retention purge, local', () => {
  it('destroys a closed dossier whose term passed, everywhere in the local database', async () => {
    const d = await fullDossier();
    // The TLV was refused long ago: its own term (7 years) does not keep the dossier.
    await t.call('tlv:create', { dossierId: d.id });
    const other = await t.call('dossiers:create', dossierInput(d.schoolId, { voornaam: 'Blijft' }));
    await t.call('dossiers:close', { id: d.id });
    expect((await t.call('retention:due', {})).items).toEqual([]); // closed today: within its term, TLVs in process
    // Decide both TLVs as refused on a date 8 years back (the commission's decision, as stored).
    const closedSql = `UPDATE tlv_applications SET status = 'afgewezen', decision = '{"datum":"2018-01-10"}' WHERE dossier_id = ?`;
    await setSql(closedSql, d.id);

    clock = new Date('2028-11-22T10:00:00Z');
    const due = await t.call('retention:due', {});
    expect(due).toMatchObject({ today: '2028-11-22', named: true, canPurge: true });
    expect(due.items).toEqual([{ rule: 'dossier_closed', id: d.id, dossierId: d.id, label: 'Eefje Öztürk', since: '2028-11-22' }]);
    expect((await t.call('dossiers:list', { query: MARKER })).total).toBe(1);

    expect(await t.call('retention:purge', { rule: 'dossier_closed', ids: [d.id] })).toEqual({ rule: 'dossier_closed', date: '2028-11-22', count: 1 });
    expect((await t.call('dossiers:list', { query: MARKER })).total).toBe(0);
    expect((await t.call('dossiers:list', {})).rows.map((r) => r.id)).toEqual([other.id]);
    expect((await t.raw('attachments:get', { id: d.arrId })).ok).toBe(false);
    const runs = await t.call('retention:runs', {});
    expect(runs.runs).toMatchObject([{ rule: 'dossier_closed', date: '2028-11-22', count: 1, byName: 'Consulent Test' }]);
    // The audit log keeps ids of what was opened and changed, never content: it is hash-chained proof
    // with its own retention (docs/retention.md), and its events still waiting in the outbox must reach
    // the store (dropping one would break the chain there). Everything else holds neither ids nor text.
    const waiting = t.core.local!.sqlite.prepare<[string], string>('SELECT DISTINCT entity FROM outbox WHERE instr(data, ?) > 0').pluck().all(d.id);
    expect(waiting).toEqual(['audit_event']);
    expect(mentions([d.id, d.tlvId, d.arrId, MARKER]).filter((x) => x !== 'audit_log' && x !== 'outbox')).toEqual([]);
    expect(mentions([MARKER])).toEqual([]);
  });

  it('destroys only the TLV whose term passed; the open dossier stays', async () => {
    const d = await fullDossier();
    await setSql(`UPDATE tlv_applications SET status = 'toegekend', period_end = '2019-07-31' WHERE id = ?`, d.tlvId);
    clock = new Date('2026-07-31T10:00:00Z');
    expect((await t.call('retention:due', {})).items).toEqual([
      { rule: 'tlv', id: d.tlvId, dossierId: d.id, label: 'Eefje Öztürk', since: '2026-07-31' },
    ]);
    // The dossier itself is not due under the dossier rule: refused as a whole.
    const wrong = await t.raw('retention:purge', { rule: 'dossier_closed', ids: [d.id] });
    expect(wrong.ok ? null : wrong.error.code).toBe('validation');
    expect(await t.call('retention:purge', { rule: 'tlv', ids: [d.tlvId] })).toEqual({ rule: 'tlv', date: '2026-07-31', count: 1 });
    expect((await t.call('dossiers:get', { id: d.id })).id).toBe(d.id);
    expect((await t.call('retention:due', {})).items).toEqual([]);
    // The TLV's file is gone; the arrangement's file (same marker) stays with the dossier.
    expect(mentions([d.tlvId, `TLV ${MARKER}`]).filter((x) => x !== 'audit_log' && x !== 'outbox')).toEqual([]);
    expect(mentions([`TLV ${MARKER}`])).toEqual([]);
    expect(mentions([`Arr ${MARKER}`])).toContain('attachments');
  });

  it('keeps the rules in the synced association settings; a school user may not purge', async () => {
    await arrSetup(t);
    expect(await t.call('retention:settings', {})).toEqual({ dossierClosedYears: 2, tlvYears: 7 });
    const save = await t.raw('retention:saveSettings', { dossierClosedYears: 3, tlvYears: 3 });
    // A standalone consultant configures their own installation only when the role table allows it.
    if (save.ok) expect(await t.call('retention:settings', {})).toEqual({ dossierClosedYears: 3, tlvYears: 3 });
    else expect(save.error.code).toBe('forbidden');
    const bad = await t.raw('retention:saveSettings', { dossierClosedYears: 2, tlvYears: 5 });
    expect(bad.ok).toBe(false);
  });
});

async function setSql(sql: string, id: string): Promise<void> {
  // Test-only: bring a record into a state that takes years in real life, on the open core's file.
  t.core.close();
  const db = openDatabase({ file: join(t.dir, DB_FILE), key: t.key, migrationsFolder: MIGRATIONS });
  db.sqlite.prepare(sql).run(id);
  db.close();
  t = tempCore({ dir, key: t.key, now: () => clock });
}
