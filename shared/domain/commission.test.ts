import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commissionCheck, decisionClock, formatTlvNumber, needsCommission, nextSeries, numberPatternError, numberSeries, schoolYearOf,
  agendaTimes, bezwaarDeadline, type SubjectFacts,
} from './commission.js';

const RULES = { requireParentsView: true, requireConsent: true, requireChildView: true, oppMaxAgeMonths: 12 };
const advice = (name: string) => ({ name, discipline: 'Orthopedagoog', date: '2026-09-01', advice: 'SO', attachmentId: `a-${name}` });

function tlv(over: Partial<Extract<SubjectFacts, { type: 'tlv' }>['tlv']> = {}): SubjectFacts {
  const keys = ['onderwijskundig_rapport', 'opp', 'ondersteuningshistorie', 'recent_verslag'];
  return {
    type: 'tlv',
    tlv: {
      requiredDocuments: keys,
      documents: keys.map((key) => ({ key, attachmentIds: [`f-${key}`], date: '2026-06-01' })),
      advices: [advice('A'), advice('B')],
      parentsView: 'Eens', consent: { besluit: 'instemming', datum: '2026-09-01' }, childView: 'Graag',
      ...over,
    },
  };
}
const arrangement = (over: Partial<Extract<SubjectFacts, { type: 'arrangement' }>['arrangement']> = {}): SubjectFacts => ({
  type: 'arrangement',
  arrangement: {
    ondersteuningsvraag: 'Hoe leert zij lezen?', goalCount: 1, inzetCount: 1, consent: [{ besluit: 'instemming' }], parentsView: 'Eens',
    childView: 'Ja', ...over,
  },
});
const keys = (m: { key: string }[]) => m.map((x) => x.key);

describe('commissionCheck', () => {
  it('finds a complete TLV complete, and each optional rule can be switched off', () => {
    expect(commissionCheck(tlv(), RULES, '2026-10-01')).toEqual([]);
    const empty = tlv({ parentsView: '', childView: '', consent: { besluit: 'nog_niet_gevraagd', datum: '' } });
    expect(keys(commissionCheck(empty, RULES, '2026-10-01'))).toEqual(expect.arrayContaining(['tlv_parents_view', 'tlv_consent', 'tlv_child_view']));
    const off = { ...RULES, requireParentsView: false, requireConsent: false, requireChildView: false };
    expect(commissionCheck(empty, off, '2026-10-01')).toEqual([]);
  });

  it('never lets the association switch off the two deskundigenadviezen or the documents', () => {
    const off = { requireParentsView: false, requireConsent: false, requireChildView: false, oppMaxAgeMonths: 0 };
    const bad = tlv({ advices: [advice('A')], documents: [] });
    expect(commissionCheck(bad, off, '2026-10-01').length).toBeGreaterThan(0);
  });

  it('judges the OPP age on the day of the check: missing date, in the future, too old, exactly the limit', () => {
    const withOpp = (date: string) => tlv({
      documents: ['onderwijskundig_rapport', 'opp', 'ondersteuningshistorie', 'recent_verslag'].map((key) => ({ key, attachmentIds: ['f'], date: key === 'opp' ? date : '2026-01-01' })),
    });
    expect(commissionCheck(withOpp(''), RULES, '2026-10-01')).toContainEqual({ path: 'documents.opp.date', key: 'commission_opp_date' });
    expect(commissionCheck(withOpp('2026-10-02'), RULES, '2026-10-01')).toContainEqual({ path: 'documents.opp.date', key: 'commission_opp_future' });
    expect(commissionCheck(withOpp('2025-09-30'), RULES, '2026-10-01')).toContainEqual({ path: 'documents.opp.date', key: 'commission_opp_too_old' });
    expect(commissionCheck(withOpp('2025-10-01'), RULES, '2026-10-01')).toEqual([]);
    expect(commissionCheck(withOpp('2020-01-01'), { ...RULES, oppMaxAgeMonths: 0 }, '2026-10-01')).toEqual([]);
  });

  it('checks arrangements on question, goals, inzet and the optional consent and views', () => {
    expect(commissionCheck(arrangement(), RULES, '2026-10-01')).toEqual([]);
    const bare = arrangement({ ondersteuningsvraag: ' ', goalCount: 0, inzetCount: 0, consent: [{ besluit: 'geen_instemming' }], parentsView: '', childView: '' });
    expect(keys(commissionCheck(bare, RULES, '2026-10-01'))).toEqual([
      'commission_arr_question', 'commission_arr_goals', 'commission_arr_inzet', 'commission_arr_consent', 'commission_arr_parents_view',
      'commission_arr_child_view',
    ]);
    const off = { ...RULES, requireParentsView: false, requireConsent: false, requireChildView: false };
    expect(keys(commissionCheck(bare, off, '2026-10-01'))).toEqual(['commission_arr_question', 'commission_arr_goals', 'commission_arr_inzet']);
  });
});

describe('needsCommission', () => {
  it('sends a route or an amount at or over the threshold', () => {
    const s = { arrangementRoutes: [2] as const, arrangementThresholdCents: 500_000 };
    expect(needsCommission({ route: 2, totalCents: 0 }, s)).toBe(true);
    expect(needsCommission({ route: 1, totalCents: 499_999 }, s)).toBe(false);
    expect(needsCommission({ route: 1, totalCents: 500_000 }, s)).toBe(true);
    expect(needsCommission({ route: 3, totalCents: 10 ** 9 }, { arrangementRoutes: [], arrangementThresholdCents: null })).toBe(false);
  });
});

describe('decisionClock', () => {
  it('is null without a complete day and counts weeks × 7 from it, with bijna from 7 days and verlopen after the due date', () => {
    expect(decisionClock(null, 6, '2026-10-01')).toBeNull();
    expect(decisionClock('2026-10-06', 6, '2026-10-06')).toEqual({ due: '2026-11-17', daysLeft: 42, state: 'op_tijd' });
    expect(decisionClock('2026-10-06', 6, '2026-11-09')).toMatchObject({ daysLeft: 8, state: 'op_tijd' });
    expect(decisionClock('2026-10-06', 6, '2026-11-10')).toMatchObject({ daysLeft: 7, state: 'bijna' });
    expect(decisionClock('2026-10-06', 6, '2026-11-17')).toMatchObject({ daysLeft: 0, state: 'bijna' });
    expect(decisionClock('2026-10-06', 6, '2026-11-18')).toMatchObject({ daysLeft: -1, state: 'verlopen' });
  });
});

describe('TLV numbers', () => {
  it('validates patterns', () => {
    expect(numberPatternError('TLV-{jaar}-{nummer:4}')).toBeNull();
    expect(numberPatternError('{schooljaar}/{nummer}')).toBeNull();
    expect(numberPatternError('')).toBe('tlv_pattern_length');
    expect(numberPatternError('x'.repeat(61))).toBe('tlv_pattern_length');
    expect(numberPatternError('TLV#{nummer}')).toBe('tlv_pattern_chars');
    expect(numberPatternError('{maand}-{nummer}')).toBe('tlv_pattern_unknown_token');
    expect(numberPatternError('TLV-{jaar}')).toBe('tlv_pattern_needs_number');
    expect(numberPatternError('{nummer}-{nummer}')).toBe('tlv_pattern_needs_number');
    expect(numberPatternError('{jaar}-{schooljaar}-{nummer}')).toBe('tlv_pattern_two_years');
  });

  it('picks the series from the pattern and the date, and knows the next one', () => {
    expect(numberSeries('TLV-{jaar}-{nummer:4}', '2026-12-31')).toBe('2026');
    expect(numberSeries('{schooljaar}-{nummer}', '2026-07-31')).toBe('2025-2026');
    expect(numberSeries('{schooljaar}-{nummer}', '2026-08-01')).toBe('2026-2027');
    expect(numberSeries('CVT-{nummer:5}', '2026-08-01')).toBe('doorlopend');
    expect(schoolYearOf('2027-01-15')).toBe('2026-2027');
    expect(nextSeries('2026')).toBe('2027');
    expect(nextSeries('2026-2027')).toBe('2027-2028');
    expect(nextSeries('doorlopend')).toBeNull();
  });

  it('formats with padding and the year tokens', () => {
    expect(formatTlvNumber('TLV-{jaar}-{nummer:4}', '2026-11-03', 1)).toBe('TLV-2026-0001');
    expect(formatTlvNumber('TLV-{jaar}-{nummer:4}', '2026-11-03', 12345)).toBe('TLV-2026-12345');
    expect(formatTlvNumber('{schooljaar}/{nummer}', '2026-11-03', 7)).toBe('2026-2027/7');
  });

  it('gives distinct strings to distinct numbers of one series (any valid pattern)', () => {
    const literal = fc.stringMatching(/^[A-Za-z0-9 ./_-]{0,6}$/);
    const pattern = fc.tuple(literal, fc.constantFrom('{jaar}', '{schooljaar}', ''), literal, fc.constantFrom('{nummer}', '{nummer:1}', '{nummer:4}', '{nummer:9}'), literal)
      .map(([a, y, b, n, c]) => `${a}${y}${b}${n}${c}`)
      .filter((p) => numberPatternError(p) === null);
    const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(pattern, date, fc.uniqueArray(fc.integer({ min: 1, max: 10 ** 9 }), { minLength: 2, maxLength: 20 }), (p, d, ns) => {
      // Two dates of the same series format the same series part, so only the number tells them apart.
      const strings = ns.map((n) => formatTlvNumber(p, d, n));
      return new Set(strings).size === ns.length;
    }));
  });
});

describe('agenda and letters', () => {
  it('times items from the start, and dates the bezwaar deadline', () => {
    expect(agendaTimes('09:30', [15, 20, 45])).toEqual(['09:30', '09:45', '10:05']);
    expect(agendaTimes('23:50', [15, 5])).toEqual(['23:50', '00:05']);
    expect(bezwaarDeadline('2026-11-03', 6)).toBe('2026-12-15');
  });
});
