import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, type TestCore } from '../helpers/temp-core.js';
import { arrInput, arrSetup, LINE } from './arrangements.fixtures.js';

let t: TestCore;
let ids: { werkgebiedId: string; schoolId: string; dossierId: string };

// Today = 2027-01-31 in Amsterdam (late evening UTC of the 30th is still the 30th; this is midday).
beforeEach(async () => {
  t = tempCore({ now: () => new Date('2027-01-31T11:00:00Z') });
  const s = await arrSetup(t);
  ids = { werkgebiedId: s.werkgebiedId, schoolId: s.schoolId, dossierId: s.dossier.id };
});
afterEach(() => t.dispose());

async function committed(over: Parameters<typeof arrInput>[1], to: 'toegekend' | 'lopend' = 'lopend') {
  const a = await t.call('arrangements:create', { arrangement: arrInput(ids, over) });
  let cur = a;
  for (const s of ['ingediend', 'toegekend', ...(to === 'lopend' ? ['lopend'] as const : [])] as const) {
    cur = await t.call('arrangements:transition', { id: a.id, baseRevision: cur.revision, to: s, note: '' });
  }
  return cur;
}

describe('budgets', () => {
  it('stores settings with defaults', async () => {
    const s = await t.call('budgets:settings', {});
    expect(s).toMatchObject({ yearKind: 'schooljaar', capCents: null, decisionWeeks: 6 });
    const saved = await t.call('budgets:saveSettings', { ...s, capCents: 400_000 });
    expect((await t.call('budgets:settings', {})).capCents).toBe(saved.capCents);
  });

  it('allocates, and computes committed, spent, remaining and KPIs for a fixed today', async () => {
    const alloc = await t.call('budgets:setAllocation', { werkgebiedId: ids.werkgebiedId, year: '2026-2027', allocatedCents: 10_000_000 });
    expect(alloc).toEqual({ werkgebiedId: ids.werkgebiedId, year: '2026-2027', allocatedCents: 10_000_000 });
    // 1 Sep 2026 – 31 Aug 2027 (365 days): 334 days in 2026-2027; by 31 Jan 153 days have passed.
    await committed({ startDate: '2026-09-01', endDate: '2027-08-31', inzet: [{ ...LINE, unit: 'vast', rateCents: 365_000 }] });
    await committed({ route: 3, targets: ['team'], startDate: '2026-08-01', endDate: '2027-07-31', inzet: [{ ...LINE, unit: 'vast', rateCents: 100_000 }] }, 'toegekend');
    await t.call('arrangements:create', { arrangement: arrInput(ids) }); // a concept commits nothing
    const list = await t.call('budgets:list', { year: '2026-2027' });
    expect(list.year).toEqual({ key: '2026-2027', start: '2026-08-01', end: '2027-07-31' });
    const line = list.werkgebieden.find((w) => w.werkgebiedId === ids.werkgebiedId)!;
    expect(line).toMatchObject({ allocatedCents: 10_000_000, committedCents: 334_000 + 100_000, remainingCents: 10_000_000 - 434_000 });
    // 153 days of 365 × 365.000 = 153.000; route 3: 184 of 365 days × 100.000 = 50.411 (half-up).
    expect(line.spentCents).toBe(153_000 + 50_411);
    expect(line.kpis).toMatchObject({ route3Share: 2304, individualGroupShare: 7696, teacherTeamShare: 5000, route3Ok: true, individualGroupOk: true, teacherTeamOk: true });
    expect(list.association.committedCents).toBe(434_000);
    // The preview's committed amount (kept per year with every write) agrees with the full computation.
    const effect = await t.call('arrangements:budgetEffect', { werkgebiedId: ids.werkgebiedId, amountCents: 0, startDate: '2026-09-01' });
    expect(effect.before).toEqual({ allocatedCents: 10_000_000, committedCents: line.committedCents, remainingCents: line.remainingCents });
    // Switching to calendar years re-attributes every arrangement: 2026 holds Sep–Dec of the first (122/365 days).
    await t.call('budgets:saveSettings', { ...(await t.call('budgets:settings', {})), yearKind: 'kalenderjaar' });
    const cal = await t.call('arrangements:budgetEffect', { werkgebiedId: ids.werkgebiedId, amountCents: 0, startDate: '2026-09-01' });
    expect(cal.yearKey).toBe('2026');
    expect(cal.before.committedCents).toBe(122_000 + 41_918);
    expect((await t.call('budgets:list', { year: '2026' })).association.committedCents).toBe(cal.before.committedCents);

    // The settings are the association's: a change made on another device arrives by sync (written as the
    // pull does, straight into association_settings) and is used at once, per-year amounts included.
    const settings = await t.call('budgets:settings', {});
    t.core.local!.sqlite.prepare("UPDATE association_settings SET value = ? WHERE key = 'budgets'")
      .run(JSON.stringify({ ...settings, yearKind: 'schooljaar', capCents: 123_400 }));
    expect(await t.call('budgets:settings', {})).toMatchObject({ yearKind: 'schooljaar', capCents: 123_400 });
    const back = await t.call('arrangements:budgetEffect', { werkgebiedId: ids.werkgebiedId, amountCents: 0, startDate: '2026-09-01' });
    expect(back.yearKey).toBe('2026-2027');
    expect(back.before.committedCents).toBe(line.committedCents);
  });

  it('shows what a proposal does: overspend and over the cap', async () => {
    await t.call('budgets:setAllocation', { werkgebiedId: ids.werkgebiedId, year: '2026-2027', allocatedCents: 500_000 });
    await t.call('budgets:saveSettings', { ...(await t.call('budgets:settings', {})), capCents: 300_000 });
    const ok = await t.call('arrangements:budgetEffect', { werkgebiedId: ids.werkgebiedId, amountCents: 200_000, startDate: '2026-09-01' });
    expect(ok).toEqual({
      yearKey: '2026-2027', warnings: [],
      before: { allocatedCents: 500_000, committedCents: 0, remainingCents: 500_000 },
      after: { allocatedCents: 500_000, committedCents: 200_000, remainingCents: 300_000 },
    });
    const over = await t.call('arrangements:budgetEffect', { werkgebiedId: ids.werkgebiedId, amountCents: 600_000, startDate: '2026-09-01' });
    expect(over.warnings).toEqual(['overspend', 'over_cap']);
    // The arrangement itself carries the warnings while undecided.
    const a = await t.call('arrangements:create', { arrangement: arrInput(ids, { inzet: [{ ...LINE, unit: 'vast', rateCents: 600_000 }] }) });
    expect(a.warnings).toEqual(['overspend', 'over_cap']);
  });
});
