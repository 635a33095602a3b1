import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dossierInput, tempCore, type TestCore } from '../helpers/temp-core.js';

let t: TestCore;
let schoolId: string;
let clock: number;

beforeEach(async () => {
  clock = Date.parse('2026-11-02T13:32:00Z');
  t = tempCore({ now: () => new Date(clock) });
  await t.call('setup:complete', { name: 'Consulent Test', role: 'consulent', associationName: 'SWV Test' });
  const wg = await t.call('werkgebieden:save', { name: 'Alkmaar Noord' });
  schoolId = (await t.call('schools:save', { name: 'OBS De Regenboog', brin: '12ab', place: 'Alkmaar', werkgebiedId: wg.id })).id;
});
afterEach(() => t.dispose());

describe('dossiers', () => {
  it('creates a dossier with parents and involved people and a created event', async () => {
    const d = await t.call('dossiers:create', dossierInput(schoolId, {
      parents: [{ name: 'Ayşe Öztürk', relation: 'moeder', gezag: true, phone: '06 12345678', email: 'ayse@voorbeeld.nl' }],
      involved: [{ role: 'ib', name: 'Marieke Bos', organisation: 'OBS De Regenboog' }],
    }));
    expect(d.status).toBe('aangemeld');
    expect(d.schoolName).toBe('OBS De Regenboog');
    expect(d.werkgebiedName).toBe('Alkmaar Noord');
    expect(d.parents).toHaveLength(1);
    expect(d.parents[0]!.gezag).toBe(true);
    expect(d.involved[0]!.role).toBe('ib');
    expect(d.timeline.map((e) => e.type)).toEqual(['created']);
    expect(d.timeline[0]!.actorName).toBe('Consulent Test');
  });

  it('rejects an unknown school, a future birth date and an invalid e-mail at the field', async () => {
    const unknown = await t.raw('dossiers:create', dossierInput('0190d6a0-0000-7000-8000-000000000000'));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.fields).toEqual([{ path: 'schoolId', key: 'school_unknown' }]);

    const future = await t.raw('dossiers:create', dossierInput(schoolId, { geboortedatum: '2099-01-01' }));
    expect(!future.ok && future.error.fields).toEqual([{ path: 'geboortedatum', key: 'birthdate_future' }]);
    expect(!future.ok && future.error.message).toMatch(/Controleer de gemarkeerde velden/);

    const email = await t.raw('dossiers:create', dossierInput(schoolId, {
      parents: [{ name: 'Ouder', relation: 'vader', gezag: true, phone: '', email: 'geen-adres' }],
    }));
    expect(!email.ok && email.error.fields).toEqual([{ path: 'parents.0.email', key: 'email_invalid' }]);
  });

  it('autosaves only what changed, bumps the version and coalesces change events of one sitting', async () => {
    const d = await t.call('dossiers:create', dossierInput(schoolId));
    clock += 60_000;
    const { id: _id, timeline: _t, ...rest } = d;
    const base = { ...rest, parents: [], involved: [] };
    const edit = (over: object, v: number) =>
      t.call('dossiers:update', { id: d.id, baseVersion: v, dossier: { ...dossierInput(schoolId), ...pickInput(base), ...over } });
    const v2 = await edit({ notes: 'Eerste aantekening' }, 1);
    expect(v2.version).toBe(2);
    expect(v2.notes).toBe('Eerste aantekening');
    clock += 60_000;
    const v3 = await edit({ notes: 'Eerste aantekening', niveau: 3 }, 2);
    expect(v3.version).toBe(3);
    const same = await edit({ notes: 'Eerste aantekening', niveau: 3 }, 3);
    expect(same.version).toBe(3);
    const changed = v3.timeline.filter((e) => e.type === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.fields.sort()).toEqual(['niveau', 'notes']);
    clock += 20 * 60_000;
    const v4 = await edit({ notes: 'Later', niveau: 3 }, 3);
    expect(v4.timeline.filter((e) => e.type === 'changed')).toHaveLength(2);
  });

  it('refuses a save based on an older version (conflict) and keeps the newer data', async () => {
    const d = await t.call('dossiers:create', dossierInput(schoolId));
    await t.call('dossiers:update', { id: d.id, baseVersion: 1, dossier: dossierInput(schoolId, { notes: 'nieuw' }) });
    const stale = await t.raw('dossiers:update', { id: d.id, baseVersion: 1, dossier: dossierInput(schoolId, { notes: 'oud' }) });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    expect((await t.call('dossiers:get', { id: d.id })).notes).toBe('nieuw');
  });

  it('closes and reopens with events; a closed dossier cannot be edited', async () => {
    const d = await t.call('dossiers:create', dossierInput(schoolId));
    const closed = await t.call('dossiers:close', { id: d.id });
    expect(closed.status).toBe('afgesloten');
    expect(closed.closedAt).not.toBeNull();
    const edit = await t.raw('dossiers:update', { id: d.id, baseVersion: closed.version, dossier: dossierInput(schoolId, { notes: 'x' }) });
    expect(!edit.ok && edit.error.message).toMatch(/afgesloten/);
    const reopened = await t.call('dossiers:reopen', { id: d.id });
    expect(reopened.status).toBe('lopend');
    expect(reopened.closedAt).toBeNull();
    expect(reopened.timeline.map((e) => e.type)).toEqual(['reopened', 'closed', 'created']);
  });

  it('writes an outbox row in the same transaction as each change', async () => {
    const d = await t.call('dossiers:create', dossierInput(schoolId, { parents: [{ name: 'Ouder', relation: 'moeder', gezag: true, phone: '', email: '' }] }));
    await t.call('dossiers:update', { id: d.id, baseVersion: 1, dossier: dossierInput(schoolId, { notes: 'n', parents: d.parents }) });
    const rows = t.core.local!.sqlite.prepare("SELECT entity, entity_id AS id, op, data, base_data AS base FROM outbox WHERE entity = 'dossier' ORDER BY seq").all() as {
      id: string; op: string; data: string; base: string | null;
    }[];
    expect(rows).toHaveLength(2);
    // The full row after the change (synced fields only), and the full row before it as the base.
    const [created, edited] = rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown>, base: r.base === null ? null : JSON.parse(r.base) as Record<string, unknown> }));
    expect(created).toMatchObject({ id: d.id, op: 'upsert', base: null, data: { id: d.id, voornaam: 'Eefje', notes: '', school_id: schoolId } });
    expect(created!.data).not.toHaveProperty('sort_name');
    expect(created!.data).not.toHaveProperty('version');
    expect(edited!.base).toEqual(created!.data);
    const changed = Object.keys(edited!.data).filter((k) => edited!.data[k] !== edited!.base![k]);
    expect(changed.filter((k) => k !== 'updated_at')).toEqual(['notes']);
    expect(edited!.data.notes).toBe('n');
    // Unchanged parents are not rewritten: one parent row for the create, none for the notes edit.
    const parentRows = t.core.local!.sqlite.prepare("SELECT op FROM outbox WHERE entity = 'dossier_parent'").pluck().all();
    expect(parentRows).toEqual(['upsert']);
  });

  it('returns not_found with a Dutch message for an unknown id', async () => {
    const env = await t.raw('dossiers:get', { id: '0190d6a0-0000-7000-8000-000000000000' });
    expect(env).toEqual({ ok: false, error: { code: 'not_found', message: 'Dit bestaat niet (meer).' } });
  });
});

function pickInput(d: Record<string, unknown>) {
  const keys = ['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'groep', 'schoolId', 'consulentId', 'niveau', 'notes'];
  return Object.fromEntries(keys.map((k) => [k, d[k]]));
}
