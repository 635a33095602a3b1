import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/contract/index.js';
import { inputOf, mdoDossier, mdoInput, READY } from '../helpers/mdo-fixtures.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';

let t: TestCore;
let d: Dossier;
let clock: number;
const tick = () => (clock += 60_000);
const gezagParent = () => d.parents.find((p) => p.gezag)!;
const instemming = () => ({ parentId: gezagParent().id, besluit: 'instemming' as const, datum: '2026-11-02', wijze: 'mondeling_mdo' as const });
const count = (sql: string, ...args: unknown[]) => t.core.local!.sqlite.prepare(sql).pluck().get(...args) as number;

beforeEach(async () => {
  clock = Date.parse('2026-11-02T13:32:00Z');
  t = tempCore({ now: () => new Date(clock) });
  await t.call('setup:complete', { name: 'Consulent Test', role: 'consulent', associationName: 'SWV Test' });
  d = await mdoDossier(t);
});
afterEach(() => t.dispose());

describe('mdo: prepare and autosave', () => {
  it('creates, saves only real changes, and reads back with one mdo_created event', async () => {
    const m = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput({ afspraken: [{ wat: 'Observatie in de klas', wie: 'IB', wanneer: '2026-12-01' }] }) });
    expect(m).toMatchObject({ version: 1, revision: 1, status: 'concept', correctieReden: '', consent: [], supersededBy: null });
    expect(m.afspraken[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(m.attendees[0]!.present).toBe(false);
    expect(m.versions).toEqual([{ id: m.id, version: 1, status: 'concept', vastgesteldAt: null, correctieReden: '' }]);
    tick();
    const s1 = await t.call('mdo:save', { id: m.id, baseRevision: 1, mdo: inputOf({ ...m, zorgen: 'Veel onrust' }) });
    expect(s1.revision).toBe(2);
    expect(s1.zorgen).toBe('Veel onrust');
    expect(s1.updatedAt).toBe(new Date(clock).toISOString());
    expect(s1.afspraken[0]!.id).toBe(m.afspraken[0]!.id);
    const same = await t.call('mdo:save', { id: m.id, baseRevision: 2, mdo: inputOf(s1) });
    expect(same.revision).toBe(2);
    const got = await t.call('mdo:get', { id: m.id });
    expect(got.zorgen).toBe('Veel onrust');
    expect(count("SELECT count(*) FROM outbox WHERE entity = 'mdo' AND entity_id = ?", m.id)).toBe(2);
    const dossier = await t.call('dossiers:get', { id: d.id });
    const events = dossier.timeline.filter((e) => e.type.startsWith('mdo'));
    expect(events).toEqual([expect.objectContaining({ type: 'mdo_created', refId: m.id, fields: [] })]);
    expect(dossier.timeline.find((e) => e.type === 'created')!.refId).toBeNull();
  });

  it('refuses an autosave on a stale revision and keeps the newer text', async () => {
    const m = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput() });
    await t.call('mdo:save', { id: m.id, baseRevision: 1, mdo: mdoInput({ zorgen: 'nieuw' }) });
    const stale = await t.raw('mdo:save', { id: m.id, baseRevision: 1, mdo: mdoInput({ zorgen: 'oud' }) });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    expect((await t.call('mdo:get', { id: m.id })).zorgen).toBe('nieuw');
  });

  it('refuses linking a kindgesprek of another dossier, accepts one of its own', async () => {
    const other = await mdoDossier(t);
    const foreign = await t.call('kindgesprek:create', { dossierId: other.id });
    const env = await t.raw('mdo:create', { dossierId: d.id, mdo: mdoInput({ kindgesprekId: foreign.id }) });
    expect(!env.ok && env.error).toMatchObject({ code: 'validation', fields: [{ path: 'kindgesprekId', key: 'kindgesprek_unknown' }] });
    const own = await t.call('kindgesprek:create', { dossierId: d.id });
    const m = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput({ kindgesprekId: own.id }) });
    const save = await t.raw('mdo:save', { id: m.id, baseRevision: 1, mdo: mdoInput({ kindgesprekId: foreign.id }) });
    expect(!save.ok && save.error.fields).toEqual([{ path: 'kindgesprekId', key: 'kindgesprek_unknown' }]);
  });
});

describe('mdo: vaststellen', () => {
  async function blockedBy(over: object, consent: object[], present: string[] = []) {
    const m = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput(over) });
    const env = await t.raw('mdo:finalise', { id: m.id, baseRevision: 1, presentAttendeeIds: present, consent });
    expect(env.ok).toBe(false);
    return !env.ok ? env.error : null;
  }

  it('is blocked without an evaluatiedatum', async () => {
    const e = await blockedBy({ ...READY, evaluatiedatum: '' }, [instemming()]);
    expect(e).toMatchObject({ code: 'validation', fields: [{ path: 'evaluatiedatum', key: 'mdo_evaluatiedatum_required' }] });
    expect(e!.message).toMatch(/Controleer/);
  });

  it('is blocked without any record of the child input, and without the weging of a recorded view', async () => {
    expect((await blockedBy({ ...READY, stemVanHetKind: '' }, [instemming()]))!.fields)
      .toEqual([{ path: 'stemVanHetKind', key: 'mdo_child_input_required' }]);
    expect((await blockedBy({ ...READY, wegingKindvisie: '' }, [instemming()]))!.fields)
      .toEqual([{ path: 'wegingKindvisie', key: 'mdo_weging_required' }]);
  });

  it('needs consent per parent with gezag, with date and way; refuses parents without gezag and unknown attendees', async () => {
    const p = gezagParent().id;
    expect((await blockedBy(READY, []))!.fields).toEqual([{ path: `consent.${p}`, key: 'consent_required' }]);
    expect((await blockedBy(READY, [{ ...instemming(), datum: '', wijze: null }]))!.fields).toEqual([
      { path: `consent.${p}.datum`, key: 'consent_date_required' },
      { path: `consent.${p}.wijze`, key: 'consent_way_required' },
    ]);
    const noGezag = d.parents.find((x) => !x.gezag)!.id;
    expect((await blockedBy(READY, [instemming(), { ...instemming(), parentId: noGezag }]))!.fields)
      .toEqual([{ path: `consent.${noGezag}`, key: 'consent_unknown_parent' }]);
    expect((await blockedBy(READY, [instemming()], ['0190d6a0-0000-7000-8000-000000000000']))!.fields)
      .toEqual([{ path: 'presentAttendeeIds.0', key: 'attendee_unknown' }]);
  });

  it('reports all reasons at once', async () => {
    const e = await blockedBy({ evaluatiedatum: '', stemVanHetKind: '' }, []);
    expect(e!.fields!.map((f) => f.key)).toEqual(['mdo_evaluatiedatum_required', 'mdo_child_input_required', 'consent_required']);
  });

  it('finalises: actions, presence, consent with name, timeline events with refId; then immutable', async () => {
    const m = await t.call('mdo:create', {
      dossierId: d.id,
      mdo: mdoInput({ ...READY, afspraken: [{ wat: 'Observatie', wie: 'IB', wanneer: '2026-12-01' }, { wat: 'Gesprek ouders', wie: '', wanneer: '' }] }),
    });
    tick();
    const f = await t.call('mdo:finalise', { id: m.id, baseRevision: 1, presentAttendeeIds: [m.attendees[0]!.id], consent: [instemming()] });
    expect(f).toMatchObject({ status: 'vastgesteld', vastgesteldByName: 'Consulent Test', vastgesteldAt: new Date(clock).toISOString() });
    expect(f.attendees[0]!.present).toBe(true);
    expect(f.consent).toEqual([{ ...instemming(), parentName: 'Ayşe Öztürk', recordedAt: new Date(clock).toISOString() }]);
    const actions = await t.call('actions:list', { dossierId: d.id });
    expect(actions.map((a) => [a.wat, a.status, a.mdoId, a.mdoDatum])).toEqual([
      ['Observatie', 'open', m.id, '2026-11-02'], ['Gesprek ouders', 'open', m.id, '2026-11-02'],
    ]);
    const timeline = (await t.call('dossiers:get', { id: d.id })).timeline;
    expect(timeline.filter((e) => e.refId === m.id).map((e) => [e.type, e.fields]).sort())
      .toEqual([['consent', ['instemming']], ['mdo_created', []], ['mdo_finalised', []]]);

    const save = await t.raw('mdo:save', { id: m.id, baseRevision: f.revision, mdo: mdoInput({ ...READY, zorgen: 'x' }) });
    expect(!save.ok && save.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/vastgesteld/) });
    const again = await t.raw('mdo:finalise', { id: m.id, baseRevision: f.revision, presentAttendeeIds: [], consent: [instemming()] });
    expect(!again.ok && again.error.code).toBe('conflict');
    expect((await t.call('mdo:get', { id: m.id })).zorgen).toBe('');
  });

  it('changes an action status after finalisation, with an outbox row', async () => {
    const m = await t.call('mdo:create', { dossierId: d.id, mdo: mdoInput({ ...READY, afspraken: [{ wat: 'Observatie', wie: 'IB', wanneer: '' }] }) });
    await t.call('mdo:finalise', { id: m.id, baseRevision: 1, presentAttendeeIds: [], consent: [instemming()] });
    const [a] = await t.call('actions:list', { dossierId: d.id });
    const before = count("SELECT count(*) FROM outbox WHERE entity = 'dossier_action'");
    const done = await t.call('actions:setStatus', { id: a!.id, status: 'gedaan' });
    expect(done.status).toBe('gedaan');
    expect(count("SELECT count(*) FROM outbox WHERE entity = 'dossier_action'")).toBe(before + 1);
    expect((await t.call('actions:list', { dossierId: d.id }))[0]!.status).toBe('gedaan');
  });
});
