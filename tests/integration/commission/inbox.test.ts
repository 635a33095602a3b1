import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message } from '../../../shared/i18n/index.js';
import { mdoInput } from '../../helpers/mdo-fixtures.js';
import { LINE, arrInput } from '../arrangements.fixtures.js';
import { meetingWith, refused, submittedArrangement, submittedTlv, tlvInputOf, withoutConsentRule, world, type World } from './fixtures.js';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(() => w.t.dispose());

describe('commission settings', () => {
  it('has defaults (afzender = the association) and stores changes association-wide', async () => {
    const s = await w.t.call('commission:settings', {});
    expect(s).toMatchObject({
      rules: { requireParentsView: true, requireConsent: true, requireChildView: true, oppMaxAgeMonths: 12 },
      arrangementRoutes: [1, 2], arrangementThresholdCents: null, tlvNumberPattern: 'TLV-{jaar}-{nummer:4}', defaultItemMinutes: 15,
      bezwaar: { instantie: 'Bezwaarcommissie van het samenwerkingsverband', adres: '', weeks: 6 }, afzender: 'SWV Test',
    });
    expect(s.memberRoles.map((r) => [r.key, r.voting])).toEqual([['voorzitter', true], ['orthopedagoog', true], ['jeugdarts', true], ['consulent', true], ['secretaris', false]]);
    await w.t.call('commission:saveSettings', { ...s, defaultItemMinutes: 20 });
    expect((await w.t.call('commission:settings', {})).defaultItemMinutes).toBe(20);
    const bad = await refused(w.t, 'commission:saveSettings', { ...s, tlvNumberPattern: 'TLV-{jaar}' });
    expect(bad.fields).toEqual([{ path: 'tlvNumberPattern', key: 'tlv_pattern_needs_number' }]);
    const sqlite = w.t.core.local!.sqlite;
    expect(sqlite.prepare("SELECT count(*) FROM association_settings WHERE key = 'commission'").pluck().get()).toBe(1);
    expect(sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'association_setting'").pluck().get()).toBeGreaterThan(0);
    // Another device's change arrives by sync straight into the table: used at once.
    sqlite.prepare("UPDATE association_settings SET value = json_set(value, '$.defaultItemMinutes', 25) WHERE key = 'commission'").run();
    expect((await w.t.call('commission:settings', {})).defaultItemMinutes).toBe(25);
  });

  it('keeps budget settings in association_settings (synced)', async () => {
    const b = await w.t.call('budgets:settings', {});
    await w.t.call('budgets:saveSettings', { ...b, decisionWeeks: 8 });
    const sqlite = w.t.core.local!.sqlite;
    expect(JSON.parse(sqlite.prepare("SELECT value FROM association_settings WHERE key = 'budgets'").pluck().get() as string)).toMatchObject({ decisionWeeks: 8 });
    expect(sqlite.prepare("SELECT count(*) FROM settings WHERE key = 'budgets'").pluck().get()).toBe(0);
    expect((await w.t.call('budgets:settings', {})).decisionWeeks).toBe(8);
  });
});

describe('commission inbox', () => {
  it('lists submitted TLVs and the arrangements the routes/threshold send, with their clock and kind', async () => {
    const concept = await w.t.call('tlv:create', { dossierId: w.ids.dossierId });
    const tlv = await submittedTlv(w);
    const arr = await submittedArrangement(w);
    const route3 = await submittedArrangement(w, { route: 3, targets: ['team'], title: 'Innovatie' });
    const inbox = await w.t.call('commission:inbox', {});
    expect(inbox.map((r) => r.subjectId).sort()).toEqual([tlv.id, arr.id].sort());
    expect(inbox.find((r) => r.subjectId === concept.id)).toBeUndefined();
    const row = inbox.find((r) => r.subjectId === tlv.id)!;
    expect(row).toMatchObject({
      subjectType: 'tlv', dossierId: w.ids.dossierId, title: 'Eefje Öztürk', schoolName: 'OBS De Regenboog', kind: 'eerste_aanvraag',
      status: 'ingediend', missing: [], clock: { due: '2026-11-17', daysLeft: 42, state: 'op_tijd' }, meetingId: null, meetingDatum: null,
    });
    expect(row.werkgebiedName).toMatch(/^Werkgebied/);
    expect(inbox.find((r) => r.subjectId === arr.id)).toMatchObject({ subjectType: 'arrangement', kind: 'arrangement', title: 'Eefje Öztürk' });
    // An amount rule brings the route 3 arrangement in too (LINE costs € 4.987,50).
    const s = await w.t.call('commission:settings', {});
    await w.t.call('commission:saveSettings', { ...s, arrangementThresholdCents: 400_000 });
    expect((await w.t.call('commission:inbox', {})).map((r) => r.subjectId)).toContain(route3.id);
    await w.t.call('commission:saveSettings', { ...s, arrangementRoutes: [2], arrangementThresholdCents: 1_000_000 });
    expect((await w.t.call('commission:inbox', {})).map((r) => r.subjectId)).toEqual([tlv.id]);
  });

  it('applies the association rules: a rule switched off leaves the missing list, an OPP too old is missing', async () => {
    const old = await submittedTlv(w, { oppDate: '2025-06-01' });
    const arr = await submittedArrangement(w, { childView: '' });
    let inbox = await w.t.call('commission:inbox', {});
    expect(inbox.find((r) => r.subjectId === old.id)!.missing).toEqual([{ path: 'documents.opp.date', key: 'commission_opp_too_old' }]);
    expect(inbox.find((r) => r.subjectId === arr.id)!.missing.map((m) => m.key)).toEqual(['commission_arr_consent', 'commission_arr_child_view']);
    const s = await w.t.call('commission:settings', {});
    await w.t.call('commission:saveSettings', { ...s, rules: { ...s.rules, requireChildView: false, oppMaxAgeMonths: 24 } });
    inbox = await w.t.call('commission:inbox', {});
    expect(inbox.find((r) => r.subjectId === old.id)!.missing).toEqual([]);
    expect(inbox.find((r) => r.subjectId === arr.id)!.missing.map((m) => m.key)).toEqual(['commission_arr_consent']);
  });

  it('runs the clock from the Amsterdam day of completion (arrangements: last submission) and sorts the oldest first', async () => {
    w.at('2026-10-20T22:30:00Z'); // 21 October in Amsterdam
    const late = await submittedTlv(w);
    w.at('2026-10-01T10:00:00Z');
    const early = await submittedArrangement(w);
    w.at('2026-10-10T10:00:00Z');
    const mid = await submittedTlv(w);
    w.at('2026-11-09T10:00:00Z');
    const inbox = await w.t.call('commission:inbox', {});
    expect(inbox.map((r) => [r.subjectId, r.clock?.due, r.clock?.state])).toEqual([
      [early.id, '2026-11-12', 'bijna'], [mid.id, '2026-11-21', 'op_tijd'], [late.id, '2026-12-02', 'op_tijd'],
    ]);
    // Weeks from the budget settings.
    const b = await w.t.call('budgets:settings', {});
    await w.t.call('budgets:saveSettings', { ...b, decisionWeeks: 8 });
    expect((await w.t.call('commission:inbox', {}))[0]!.clock).toMatchObject({ due: '2026-11-26', daysLeft: 17 });
    // On the agenda of a planned meeting: shown with its date.
    await withoutConsentRule(w);
    const m = await meetingWith(w, [{ type: 'tlv', id: mid.id }]);
    expect((await w.t.call('commission:inbox', {})).find((r) => r.subjectId === mid.id)).toMatchObject({ meetingId: m.id, meetingDatum: '2026-11-03' });
  });
});

describe('sending back', () => {
  it('sends a TLV back with what is missing; the consultant edits, completes and resubmits', async () => {
    const tlv = await submittedTlv(w, { oppDate: '2025-06-01' });
    const m = await meetingWith(w, []);
    const s = await w.t.call('commission:settings', {});
    await w.t.call('commission:saveSettings', { ...s, rules: { ...s.rules, oppMaxAgeMonths: 24 } });
    const on = await w.t.call('commission:addItem', { meetingId: m.id, baseRevision: m.revision, subjectType: 'tlv', subjectId: tlv.id });
    await w.t.call('commission:saveSettings', s);
    expect(await w.t.call('commission:sendBack', { subjectType: 'tlv', subjectId: tlv.id, note: 'Graag een recent OPP.' }))
      .toEqual({ subjectId: tlv.id, status: 'aanvullen' });
    const back = await w.t.call('tlv:get', { id: tlv.id });
    expect(back.status).toBe('aanvullen');
    expect(back.sendBack).toMatchObject({ byName: 'Consulent Test', note: 'Graag een recent OPP.', missing: [{ path: 'documents.opp.date', key: 'commission_opp_too_old' }] });
    expect((await w.t.call('commission:inbox', {})).map((r) => r.subjectId)).not.toContain(tlv.id);
    // Off the agenda, with the meeting's revision bumped.
    const after = await w.t.call('commission:meeting', { id: m.id });
    expect(after.items).toEqual([]);
    expect(after.revision).toBeGreaterThan(on.revision);
    const events = w.t.core.local!.sqlite.prepare("SELECT count(*) FROM dossier_events WHERE type = 'commission_sent_back' AND ref_id = ?").pluck().get(tlv.id);
    expect(events).toBe(1);
    // Sent back twice: no longer in the inbox.
    const again = await refused(w.t, 'commission:sendBack', { subjectType: 'tlv', subjectId: tlv.id, note: '' });
    expect(again).toMatchObject({ code: 'conflict', message: message('errors.commission_not_in_inbox') });
    const documents = back.documents.map((d) => (d.key === 'opp' ? { ...d, date: '2026-09-15' } : d));
    const edited = await w.t.call('tlv:save', { id: tlv.id, baseRevision: back.revision, tlv: { ...tlvInputOf(back), documents } });
    expect(edited.status).toBe('aanvullen');
    const complete = await w.t.call('tlv:markComplete', { id: tlv.id, baseRevision: edited.revision });
    const resubmitted = await w.t.call('tlv:submit', { id: tlv.id, baseRevision: complete.revision });
    expect(resubmitted.status).toBe('ingediend');
    expect((await w.t.call('commission:inbox', {})).find((r) => r.subjectId === tlv.id)!.missing).toEqual([]);
  });

  it('sends an arrangement back; it can be edited and submitted again', async () => {
    const arr = await submittedArrangement(w, { parentsView: '' });
    await w.t.call('commission:sendBack', { subjectType: 'arrangement', subjectId: arr.id, note: 'Zienswijze ouders ontbreekt.' });
    const back = await w.t.call('arrangements:get', { id: arr.id });
    expect(back).toMatchObject({ status: 'aanvullen', sendBack: { note: 'Zienswijze ouders ontbreekt.' }, commissionDecision: null });
    expect(back.sendBack!.missing.map((x) => x.key)).toEqual(['commission_arr_consent', 'commission_arr_parents_view']);
    expect(back.history.at(-1)).toMatchObject({ from: 'ingediend', to: 'aanvullen' });
    const { id: _i, status: _s, revision: _r, ...rest } = back;
    const saved = await w.t.call('arrangements:save', { id: arr.id, baseRevision: back.revision, arrangement: { ...arrInput(w.ids), ...pick(rest), parentsView: 'Eens.' } });
    expect(saved).toMatchObject({ status: 'aanvullen', parentsView: 'Eens.' });
    const again = await w.t.call('arrangements:transition', { id: arr.id, baseRevision: saved.revision, to: 'ingediend', note: '' });
    expect(again.status).toBe('ingediend');
  });

  it('refuses a case that is not waiting, and fills the views from the MDO on create', async () => {
    const concept = await w.t.call('tlv:create', { dossierId: w.ids.dossierId });
    expect(await refused(w.t, 'commission:sendBack', { subjectType: 'tlv', subjectId: concept.id, note: '' })).toMatchObject({ code: 'conflict' });
    expect((await refused(w.t, 'commission:sendBack', { subjectType: 'arrangement', subjectId: concept.id, note: '' })).code).toBe('not_found');
    const mdo = await w.t.call('mdo:create', { dossierId: w.ids.dossierId, mdo: mdoInput({ visieOuders: 'Wij willen rust.', stemVanHetKind: 'Ik wil een eigen plek.' }) });
    const a = await w.t.call('arrangements:create', { arrangement: arrInput(w.ids, { inzet: [{ ...LINE }] }), fromMdoId: mdo.id });
    expect(a).toMatchObject({ parentsView: 'Wij willen rust.', childView: 'Ik wil een eigen plek.' });
    const own = await w.t.call('arrangements:create', { arrangement: arrInput(w.ids, { parentsView: 'Eigen tekst' }), fromMdoId: mdo.id });
    expect(own.parentsView).toBe('Eigen tekst');
  });
});

/** The input fields of a stored arrangement. */
function pick(a: Record<string, unknown>) {
  const keys = Object.keys(arrInput({ werkgebiedId: '', schoolId: null, dossierId: null }));
  return Object.fromEntries(keys.map((k) => [k, a[k]])) as ReturnType<typeof arrInput>;
}
