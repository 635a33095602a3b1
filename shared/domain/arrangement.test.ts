import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARR_STATUSES, TERMINAL_STATUSES, TRANSITIONS, canTransition, periodErrors, periodWarnings, type ArrStatus } from './arrangement.js';

function reachable(): Set<ArrStatus> {
  const seen = new Set<ArrStatus>(['concept']);
  const todo: ArrStatus[] = ['concept'];
  while (todo.length) for (const n of TRANSITIONS[todo.pop()!]) if (!seen.has(n)) { seen.add(n); todo.push(n); }
  return seen;
}

describe('arrangement status machine', () => {
  it('explains illegal moves in Dutch keys', () => {
    expect(canTransition('concept', 'ingediend')).toEqual({ ok: true });
    expect(canTransition('aangehouden', 'ingediend')).toEqual({ ok: true });
    expect(canTransition('afgewezen', 'toegekend')).toEqual({ ok: false, key: 'arr_transition_rejected_final' });
    expect(canTransition('concept', 'toegekend')).toEqual({ ok: false, key: 'arr_transition_submit_first' });
    expect(canTransition('lopend', 'afgesloten')).toEqual({ ok: false, key: 'arr_transition_evaluate_first' });
    expect(canTransition('ingediend', 'lopend')).toEqual({ ok: false, key: 'arr_transition_grant_first' });
    expect(canTransition('toegekend', 'geevalueerd')).toEqual({ ok: false, key: 'arr_transition_start_first' });
    expect(canTransition('verlengd', 'lopend')).toEqual({ ok: false, key: 'arr_transition_closed_final' });
    expect(canTransition('ingediend', 'concept')).toEqual({ ok: false, key: 'arr_transition_no_back_to_concept' });
    expect(canTransition('lopend', 'lopend')).toEqual({ ok: false, key: 'arr_transition_same' });
  });

  it('every refusal has a key and every allowed move is in TRANSITIONS', () => {
    for (const from of ARR_STATUSES) for (const to of ARR_STATUSES) {
      const r = canTransition(from, to);
      expect(r.ok).toBe(TRANSITIONS[from].includes(to));
      if (!r.ok) expect(r.key).toMatch(/^arr_transition_[a-z_]+$/);
    }
  });

  it('property: random event sequences stay within reachable states; terminals stay put', () => {
    const all = reachable();
    fc.assert(fc.property(fc.array(fc.constantFrom(...ARR_STATUSES), { maxLength: 40 }), (events) => {
      let s: ArrStatus = 'concept';
      for (const e of events) {
        const wasTerminal = TERMINAL_STATUSES.includes(s);
        if (canTransition(s, e).ok) s = e;
        expect(all.has(s)).toBe(true);
        if (wasTerminal) expect(TERMINAL_STATUSES.includes(s)).toBe(true);
      }
    }));
    for (const t of ['afgewezen', 'afgesloten', 'verlengd'] as const) expect(TRANSITIONS[t]).toEqual([]);
  });

  it('warns for periods over one year and rejects end before start', () => {
    expect(periodWarnings('2026-08-01', '2027-08-01')).toEqual([]);
    expect(periodWarnings('2026-08-01', '2027-08-02')).toEqual(['period_over_one_year']);
    expect(periodWarnings('2024-02-29', '2025-03-01')).toEqual(['period_over_one_year']); // +1y of 29 Feb = 28 Feb
    expect(periodErrors('2026-09-01', '2026-08-31')).toEqual(['period_end_before_start']);
    expect(periodErrors('2026-09-01', '2026-09-01')).toEqual([]);
  });
});
