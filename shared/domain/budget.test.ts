import { describe, expect, it } from 'vitest';
import { attributedCents, budgetYearFromKey, budgetYearOf, proposalEffect, spentCents, werkgebiedBudget, type BudgetArrangement } from './budget.js';

const arr = (o: Partial<BudgetArrangement>): BudgetArrangement => ({
  status: 'lopend', route: 1, targets: ['kind'], startDate: '2026-08-01', endDate: '2027-07-31', totalCents: 100_000, ...o,
});

describe('budget', () => {
  it('finds the budget year', () => {
    expect(budgetYearOf('2026-07-31', 'schooljaar')).toEqual({ key: '2025-2026', start: '2025-08-01', end: '2026-07-31' });
    expect(budgetYearOf('2026-08-01', 'schooljaar')).toEqual({ key: '2026-2027', start: '2026-08-01', end: '2027-07-31' });
    expect(budgetYearOf('2026-08-01', 'kalenderjaar')).toEqual({ key: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(budgetYearFromKey('2026-2027').start).toBe('2026-08-01');
    expect(budgetYearFromKey('2026').end).toBe('2026-12-31');
  });

  it('splits a period over 31 July / 1 August pro rata by days, exactly', () => {
    // 2027-07-01 … 2027-08-31: 31 days in 2026-2027, 31 in 2027-2028.
    const a = arr({ startDate: '2027-07-01', endDate: '2027-08-31', totalCents: 10_001 });
    const y1 = attributedCents(a, budgetYearOf('2027-07-01', 'schooljaar'));
    const y2 = attributedCents(a, budgetYearOf('2027-08-01', 'schooljaar'));
    expect(y1).toBe(5001);
    expect(y1 + y2).toBe(10_001);
  });

  it('counts the leap day', () => {
    // 2028 is a leap year: schooljaar 2027-2028 has 366 days.
    const a = arr({ startDate: '2027-08-01', endDate: '2028-07-31', totalCents: 366_00 });
    const y = budgetYearOf('2027-08-01', 'schooljaar');
    expect(spentCents(a, y, '2028-02-29')).toBe(213_00); // 1 Aug … 29 Feb = 213 days
    expect(spentCents(a, y, '2030-01-01')).toBe(366_00);
    expect(spentCents(a, y, '2027-07-31')).toBe(0);
  });

  it('uses actuals when entered and ignores non-committed statuses', () => {
    const y = budgetYearOf('2026-08-01', 'schooljaar');
    expect(spentCents(arr({ actuals: { '2026-2027': 123 } }), y, '2026-09-01')).toBe(123);
    expect(spentCents(arr({ status: 'ingediend' }), y, '2027-09-01')).toBe(0);
  });

  it('sums a werkgebied with KPIs in basis points', () => {
    const y = budgetYearOf('2026-08-01', 'schooljaar');
    const b = werkgebiedBudget({
      allocatedCents: 1_000_000,
      budgetYear: y,
      today: '2027-07-31',
      arrangements: [
        arr({ route: 3, targets: ['team'], totalCents: 100_000 }),
        arr({ targets: ['kind', 'leerkracht'], totalCents: 300_000 }),
        arr({ targets: ['groep'], totalCents: 600_000 }),
        arr({ status: 'concept', totalCents: 999_999 }),
        arr({ status: 'afgewezen', totalCents: 999_999 }),
      ],
    });
    expect(b.committedCents).toBe(1_000_000);
    expect(b.spentCents).toBe(1_000_000);
    expect(b.remainingCents).toBe(0);
    expect(b.kpis.route3Share).toBe(1000);
    expect(b.kpis.individualGroupShare).toBe(6000);
    expect(b.kpis.teacherTeamShare).toBe(6667);
    expect([b.kpis.route3Ok, b.kpis.individualGroupOk, b.kpis.teacherTeamOk]).toEqual([true, true, true]);
    expect(werkgebiedBudget({ allocatedCents: 5, arrangements: [], budgetYear: y, today: '2026-09-01' }).kpis.route3Share).toBeNull();
  });

  it('shows the effect of a proposal', () => {
    const e = proposalEffect({ allocatedCents: 1000, committedCents: 800, remainingCents: 200 }, 300, 250);
    expect(e.after).toEqual({ allocatedCents: 1000, committedCents: 1100, remainingCents: -100 });
    expect(e.warnings).toEqual(['overspend', 'over_cap']);
    expect(proposalEffect({ allocatedCents: 1000, committedCents: 0, remainingCents: 1000 }, 300, null).warnings).toEqual([]);
  });
});
