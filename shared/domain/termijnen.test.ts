import { describe, expect, it } from 'vitest';
import { termijnen, type TermijnInput } from './termijnen.js';

const empty: TermijnInput = { arrangements: [], mdos: [], tlvs: [], actions: [] };
const action = (wanneer: string, id = 'a1') => ({ id, dossierId: 'd1', wanneer, status: 'open' as const });
const tlv = (o: Partial<TermijnInput['tlvs'][number]>) => ({
  id: 't1', dossierId: 'd1', kind: 'eerste_aanvraag' as const, status: 'toegekend' as const, periodEnd: '2027-07-31',
  completeAt: null, submittedAt: null, followUpStarted: false, ...o,
});

describe('termijnen', () => {
  it('counts calendar days across the school-year boundary', () => {
    const r = termijnen({ ...empty, actions: [action('2026-08-01')] }, '2026-07-31');
    expect(r).toEqual([{ kind: 'action_due', dossierId: 'd1', refId: 'a1', due: '2026-08-01', daysLeft: 1, severity: 'soon' }]);
    expect(termijnen({ ...empty, actions: [action('2026-07-31')] }, '2026-08-01')[0]?.severity).toBe('overdue');
  });

  it('a DST day is one calendar day (spring and autumn)', () => {
    expect(termijnen({ ...empty, actions: [action('2026-03-30')] }, '2026-03-28')[0]?.daysLeft).toBe(2);
    expect(termijnen({ ...empty, actions: [action('2026-10-26')] }, '2026-10-24')[0]?.daysLeft).toBe(2);
  });

  it('counts the leap day', () => {
    expect(termijnen({ ...empty, actions: [action('2028-03-01')] }, '2028-02-28')[0]?.daysLeft).toBe(2);
  });

  it('shows afspraken from 14 days ahead and ignores done ones', () => {
    expect(termijnen({ ...empty, actions: [action('2026-09-16')] }, '2026-09-01')).toEqual([]);
    expect(termijnen({ ...empty, actions: [{ ...action('2026-08-01'), status: 'gedaan' }] }, '2026-09-01')).toEqual([]);
  });

  it('warns for herbeoordeling from 1 March and for a TLV ending within 3 months', () => {
    expect(termijnen({ ...empty, tlvs: [tlv({})] }, '2027-02-28')).toEqual([]);
    const march = termijnen({ ...empty, tlvs: [tlv({})] }, '2027-03-01');
    expect(march.map((t) => [t.kind, t.due, t.daysLeft, t.severity])).toEqual([['tlv_herbeoordeling', '2027-04-15', 45, 'later']]);
    const may = termijnen({ ...empty, tlvs: [tlv({})] }, '2027-05-01');
    expect(may.map((t) => [t.kind, t.severity])).toEqual([['tlv_herbeoordeling', 'overdue'], ['tlv_ending', 'later']]);
    expect(termijnen({ ...empty, tlvs: [tlv({ followUpStarted: true })] }, '2027-05-01')).toEqual([]);
  });

  it('zorgplicht: a complete application waiting more than 6 weeks is overdue', () => {
    const t = tlv({ status: 'ingediend', completeAt: '2026-07-01T08:00:00.000Z' });
    expect(termijnen({ ...empty, tlvs: [t] }, '2026-08-12')[0]).toMatchObject({ kind: 'tlv_decision', due: '2026-08-12', daysLeft: 0, severity: 'soon' });
    expect(termijnen({ ...empty, tlvs: [t] }, '2026-08-13')[0]?.severity).toBe('overdue');
    expect(termijnen({ ...empty, tlvs: [t], decisionWeeks: 8 }, '2026-08-13')[0]?.due).toBe('2026-08-26');
  });

  it('evaluations of arrangements and MDOs, sorted by due date', () => {
    const r = termijnen({
      ...empty,
      arrangements: [
        { id: 'r1', dossierId: 'd1', status: 'lopend', evaluationDates: ['2026-10-01', '2026-12-15'] },
        { id: 'r2', dossierId: 'd2', status: 'geevalueerd', evaluationDates: ['2026-09-10'] },
      ],
      mdos: [
        { id: 'm1', dossierId: 'd1', status: 'vastgesteld', evaluatiedatum: '2026-09-20', done: false },
        { id: 'm2', dossierId: 'd1', status: 'vastgesteld', evaluatiedatum: '2026-09-20', done: true },
      ],
    }, '2026-09-15');
    expect(r.map((t) => [t.kind, t.refId, t.due])).toEqual([['mdo_evaluation', 'm1', '2026-09-20'], ['arr_evaluation', 'r1', '2026-10-01']]);
    // Past interim moments drop out; the final one stays when overdue.
    const late = termijnen({ ...empty, arrangements: [{ id: 'r1', dossierId: 'd1', status: 'lopend', evaluationDates: ['2026-10-01', '2026-12-15'] }] }, '2027-01-05');
    expect(late.map((t) => [t.due, t.severity])).toEqual([['2026-12-15', 'overdue']]);
  });
});
