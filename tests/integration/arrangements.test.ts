import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractErrorData } from '../../shared/contract/index.js';
import { message } from '../../shared/i18n/index.js';
import { mdoInput } from '../helpers/mdo-fixtures.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';
import { arrInput, arrSetup, LINE } from './arrangements.fixtures.js';

let t: TestCore;
let ids: { werkgebiedId: string; schoolId: string; dossierId: string };
let clock: number;
const count = (sql: string, ...args: unknown[]) => t.core.local!.sqlite.prepare(sql).pluck().get(...args) as number;
const error = async (m: Parameters<TestCore['raw']>[0], input: unknown): Promise<ContractErrorData> => {
  const env = await t.raw(m, input);
  if (env.ok) throw new Error('expected an error');
  return env.error;
};

beforeEach(async () => {
  clock = Date.parse('2026-10-01T10:00:00Z');
  t = tempCore({ now: () => new Date(clock) });
  const s = await arrSetup(t);
  ids = { werkgebiedId: s.werkgebiedId, schoolId: s.schoolId, dossierId: s.dossier.id };
});
afterEach(() => t.dispose());

describe('arrangements: create, cost, autosave', () => {
  it('creates from a dossier with the cost to the cent and one outbox row', async () => {
    const a = await t.call('arrangements:create', { arrangement: arrInput(ids, { inzet: [{ ...LINE }, { ...LINE, unit: 'vast', rateCents: 12_345, hoursPerWeekCenti: 0, weeks: 0 }] }) });
    expect(a.inzet.map((l) => l.costCents)).toEqual([498_750, 12_345]);
    expect(a.totalCents).toBe(511_095);
    expect(a).toMatchObject({ status: 'concept', revision: 1, budgetYear: '2026-2027', dossierName: 'Eefje Öztürk', schoolName: 'OBS De Regenboog' });
    expect(a.perYear).toEqual([{ yearKey: '2026-2027', cents: 511_095 }]);
    expect(count("SELECT total_cents FROM arrangements WHERE id = ?", a.id)).toBe(511_095);
    expect(count("SELECT count(*) FROM outbox WHERE entity = 'arrangement' AND entity_id = ?", a.id)).toBe(1);
  });

  it('creates from an MDO of the dossier with goals from its cruciale doelen and afspraken', async () => {
    const m = await t.call('mdo:create', {
      dossierId: ids.dossierId,
      mdo: mdoInput({ crucialeDoelen: 'Leest AVI E4 vloeiend', afspraken: [{ wat: 'Dagelijks 15 min lezen', wie: 'Leerkracht', wanneer: '2026-12-01' }] }),
    });
    const a = await t.call('arrangements:create', { arrangement: arrInput({ ...ids, schoolId: null }), fromMdoId: m.id });
    expect(a.mdoId).toBe(m.id);
    expect(a.schoolId).toBe(ids.schoolId); // the main dossier's school
    expect(a.goals.map(({ wat, wanneer }) => ({ wat, wanneer }))).toEqual([
      { wat: 'Leest AVI E4 vloeiend', wanneer: '' }, { wat: 'Dagelijks 15 min lezen', wanneer: '2026-12-01' },
    ]);
    // An MDO of another dossier is refused.
    const other = await error('arrangements:create', { arrangement: arrInput({ ...ids, dossierId: null }), fromMdoId: m.id });
    expect(other.code).toBe('validation');
  });

  it('autosaves a concept and answers a stale revision with conflict', async () => {
    const a = await t.call('arrangements:create', { arrangement: arrInput(ids) });
    const s = await t.call('arrangements:save', { id: a.id, baseRevision: 1, arrangement: arrInput(ids, { inzet: [{ ...LINE, weeks: 40 }] }) });
    expect(s.revision).toBe(2);
    expect(s.totalCents).toBe(525_000);
    expect((await error('arrangements:save', { id: a.id, baseRevision: 1, arrangement: arrInput(ids) })).code).toBe('conflict');
    expect(count("SELECT count(*) FROM outbox WHERE entity = 'arrangement' AND entity_id = ?", a.id)).toBe(2);
    // The same form saved again (lines sent without their ids): no new revision, no outbox row.
    const same = await t.call('arrangements:save', { id: a.id, baseRevision: 2, arrangement: arrInput(ids, { inzet: [{ ...LINE, weeks: 40 }] }) });
    expect(same.revision).toBe(2);
    expect(count("SELECT count(*) FROM outbox WHERE entity = 'arrangement' AND entity_id = ?", a.id)).toBe(2);
  });

  it('warns about a period over one year', async () => {
    const a = await t.call('arrangements:create', { arrangement: arrInput(ids, { endDate: '2027-09-02' }) });
    expect(a.warnings).toContain('period_over_one_year');
    expect(a.perYear.map((p) => p.yearKey)).toEqual(['2026-2027', '2027-2028']);
    expect(a.perYear.reduce((s, p) => s + p.cents, 0)).toBe(a.totalCents);
  });
});

describe('arrangements: status moves', () => {
  it('walks every legal move with history and timeline events, and refuses illegal ones in Dutch', async () => {
    const a = await t.call('arrangements:create', { arrangement: arrInput(ids) });
    const illegal = await error('arrangements:transition', { id: a.id, baseRevision: 1, to: 'toegekend', note: '' });
    expect(illegal).toMatchObject({ code: 'validation', message: message('validation.arr_transition_submit_first'), fields: [{ path: 'to', key: 'arr_transition_submit_first' }] });
    let cur = a;
    for (const to of ['ingediend', 'aangehouden', 'ingediend', 'toegekend', 'lopend'] as const) {
      cur = await t.call('arrangements:transition', { id: a.id, baseRevision: cur.revision, to, note: `naar ${to}` });
      expect(cur.status).toBe(to);
    }
    expect(cur.history.map((h) => [h.from, h.to, h.byName])).toEqual([
      ['concept', 'ingediend', 'Consulent Test'], ['ingediend', 'aangehouden', 'Consulent Test'], ['aangehouden', 'ingediend', 'Consulent Test'],
      ['ingediend', 'toegekend', 'Consulent Test'], ['toegekend', 'lopend', 'Consulent Test'],
    ]);
    expect(cur.decision).toEqual({ decidedAt: '2026-10-01', note: 'naar toegekend' });
    const back = await error('arrangements:transition', { id: a.id, baseRevision: cur.revision, to: 'concept', note: '' });
    expect(back.message).toBe(message('validation.arr_transition_no_back_to_concept'));
    const edit = await error('arrangements:save', { id: a.id, baseRevision: cur.revision, arrangement: arrInput(ids) });
    expect(edit).toMatchObject({ code: 'conflict', message: message('errors.arr_not_concept') });
    expect((await error('arrangements:transition', { id: a.id, baseRevision: cur.revision, to: 'afgesloten', note: '' })).fields?.[0]?.key)
      .toBe('arr_transition_evaluate_first');
    const ev = await t.call('arrangements:evaluate', {
      id: a.id, baseRevision: cur.revision,
      evaluation: { goals: [], effectLeerkrachtTeam: '', visieKind: 'Gaat beter', vervolgstap: 'Afsluiten', actuals: [{ yearKey: '2026-2027', cents: 400_000 }] },
    });
    expect(ev.status).toBe('geevalueerd');
    expect(ev.evaluation).toMatchObject({ vervolgstap: 'Afsluiten', byName: 'Consulent Test' });
    const closed = await t.call('arrangements:transition', { id: a.id, baseRevision: ev.revision, to: 'afgesloten', note: '' });
    expect((await error('arrangements:transition', { id: a.id, baseRevision: closed.revision, to: 'lopend', note: '' })).fields?.[0]?.key)
      .toBe('arr_transition_closed_final');
    const events = t.core.local!.sqlite.prepare('SELECT type FROM dossier_events WHERE ref_id = ? ORDER BY at, rowid').pluck().all(a.id);
    expect(events).toEqual(['arrangement_submitted', 'arrangement_decided', 'arrangement_submitted', 'arrangement_decided', 'arrangement_evaluated']);
  });

  it('rejects as final', async () => {
    const a = await t.call('arrangements:create', { arrangement: arrInput(ids) });
    const s = await t.call('arrangements:transition', { id: a.id, baseRevision: 1, to: 'ingediend', note: '' });
    const r = await t.call('arrangements:transition', { id: a.id, baseRevision: s.revision, to: 'afgewezen', note: 'Past niet' });
    expect((await error('arrangements:transition', { id: a.id, baseRevision: r.revision, to: 'ingediend', note: '' })).fields?.[0]?.key)
      .toBe('arr_transition_rejected_final');
  });

  it('extends an evaluated arrangement into a linked concept after the old period', async () => {
    const a = await t.call('arrangements:create', { arrangement: arrInput(ids, { goals: [{ wat: 'Leest vloeiend', resultaat: '', wanneer: '' }] }) });
    let cur = a;
    for (const to of ['ingediend', 'toegekend', 'lopend'] as const) cur = await t.call('arrangements:transition', { id: a.id, baseRevision: cur.revision, to, note: '' });
    expect((await error('arrangements:extend', { id: a.id, baseRevision: cur.revision, note: '' })).code).toBe('validation');
    cur = await t.call('arrangements:evaluate', {
      id: a.id, baseRevision: cur.revision,
      evaluation: { goals: [{ goalId: a.goals[0]!.id, result: 'deels', toelichting: '' }], effectLeerkrachtTeam: '', visieKind: '', vervolgstap: 'Verlengen', actuals: [] },
    });
    const next = await t.call('arrangements:extend', { id: a.id, baseRevision: cur.revision, note: 'Nog een jaar' });
    expect(next).toMatchObject({ status: 'concept', followUpOf: a.id, startDate: '2027-07-01', totalCents: a.totalCents, targets: ['kind'] });
    expect(next.goals.map((g) => g.wat)).toEqual(['Leest vloeiend']);
    const old = await t.call('arrangements:get', { id: a.id });
    expect(old).toMatchObject({ status: 'verlengd', followedBy: next.id });
  });
});

describe('arrangements: list', () => {
  it('filters in SQL and totals count and amount', async () => {
    await t.call('arrangements:create', { arrangement: arrInput(ids) });
    await t.call('arrangements:create', { arrangement: arrInput(ids, { route: 2, targets: ['leerkracht', 'team'], title: 'Team lezen' }) });
    await t.call('arrangements:create', { arrangement: arrInput({ ...ids, dossierId: null, schoolId: null }, { route: 3, inzet: [{ ...LINE, unit: 'vast', rateCents: 100_000 }] }) });
    const all = await t.call('arrangements:list', { werkgebiedId: ids.werkgebiedId });
    expect(all.totals).toEqual({ count: 3, totalCents: 498_750 * 2 + 100_000 });
    const team = await t.call('arrangements:list', { target: 'team' });
    expect(team.rows.map((r) => r.title)).toEqual(['Team lezen']);
    const school = await t.call('arrangements:list', { schoolId: ids.schoolId, sort: 'title', dir: 'asc' });
    expect(school.rows.map((r) => r.title)).toEqual(['Ondersteuning lezen', 'Team lezen']);
    expect((await t.call('arrangements:list', { route: 3 })).totals).toEqual({ count: 1, totalCents: 100_000 });
    expect((await t.call('arrangements:list', { status: ['ingediend'] })).totals).toEqual({ count: 0, totalCents: 0 });
    const page = await t.call('arrangements:list', { sort: 'totalCents', dir: 'asc', limit: 1, offset: 0 });
    expect(page.rows.map((r) => r.totalCents)).toEqual([100_000]);
    expect(page.totals.count).toBe(3);
  });
});

describe('arrangements: pdf', () => {
  it('renders a PDF without the pupil name in the filename', async () => {
    const a = await t.call('arrangements:create', { arrangement: arrInput(ids) });
    const pdf = await t.call('arrangements:pdf', { id: a.id });
    expect(pdf.filename).toBe('Arrangement-2026-09-01.pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.pages).toBeGreaterThan(0);
  });
});
