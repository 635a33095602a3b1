import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, dossierVerdict, dueTlvs, initialsOf, tlvDueDate, type DossierFacts, type TlvFacts } from './retention.js';

const s = DEFAULT_RETENTION; // 2 years, TLV 7 years
const closed = (closedAt: string, tlvs: TlvFacts[] = []): DossierFacts => ({ id: 'd', status: 'afgesloten', closedAt, tlvs });
const tlv = (status: string, periodEnd: string, decisionDate: string | null = null): TlvFacts => ({ id: 't', status, periodEnd, decisionDate });

describe('dossier rule', () => {
  it('is due on the exact anniversary, not the day before', () => {
    // 10:00Z is 12:00 in Amsterdam on 15 March.
    const d = closed('2023-03-15T10:00:00.000Z');
    expect(dossierVerdict(d, s, '2025-03-14')).toEqual({ due: false, reason: 'within_term', until: '2025-03-15' });
    expect(dossierVerdict(d, s, '2025-03-15')).toEqual({ due: true, rule: 'dossier_closed', since: '2025-03-15' });
  });

  it('counts from the Amsterdam day of closing (23:30Z is already the next day)', () => {
    const d = closed('2023-06-30T22:30:00.000Z');
    expect(dossierVerdict(d, s, '2025-06-30').due).toBe(false);
    expect(dossierVerdict(d, s, '2025-07-01').due).toBe(true);
  });

  it('closed on a leap day: due on 28 February of the non-leap year', () => {
    const d = closed('2024-02-29T12:00:00.000Z');
    expect(dossierVerdict(d, s, '2026-02-27').due).toBe(false);
    expect(dossierVerdict(d, s, '2026-02-28')).toEqual({ due: true, rule: 'dossier_closed', since: '2026-02-28' });
    expect(dossierVerdict(d, { ...s, dossierClosedYears: 4 }, '2028-02-28').due).toBe(false);
    expect(dossierVerdict(d, { ...s, dossierClosedYears: 4 }, '2028-02-29').due).toBe(true);
  });

  it('an open or reopened dossier is never due', () => {
    expect(dossierVerdict({ id: 'd', status: 'lopend', closedAt: null, tlvs: [] }, s, '2099-01-01')).toEqual({ due: false, reason: 'open', until: null });
    // Reopened: status lopend even though a closing date was once set.
    expect(dossierVerdict({ id: 'd', status: 'lopend', closedAt: '2000-01-01T12:00:00Z', tlvs: [] }, s, '2099-01-01').due).toBe(false);
  });

  it('waits for a TLV still within its own term, then becomes due on that TLV\'s date', () => {
    const d = closed('2020-01-10T12:00:00Z', [tlv('toegekend', '2021-07-31')]);
    expect(dossierVerdict(d, s, '2024-01-10')).toEqual({ due: false, reason: 'tlv_kept', until: '2028-07-31' });
    expect(dossierVerdict(d, s, '2028-07-31')).toEqual({ due: true, rule: 'dossier_closed', since: '2028-07-31' });
  });

  it('a TLV still in process keeps the dossier', () => {
    const d = closed('2020-01-10T12:00:00Z', [tlv('ingediend', '2021-07-31')]);
    expect(dossierVerdict(d, s, '2030-01-01')).toEqual({ due: false, reason: 'tlv_kept', until: null });
  });
});

describe('TLV rule (independent of the dossier)', () => {
  it('granted: years after the period end; refused: after the decision; in process: never', () => {
    expect(tlvDueDate(tlv('toegekend', '2020-07-31'), { ...s, tlvYears: 3 })).toBe('2023-07-31');
    expect(tlvDueDate(tlv('afgewezen', '2021-07-31', '2019-11-05'), s)).toBe('2026-11-05');
    expect(tlvDueDate(tlv('concept', '2020-07-31'), s)).toBeNull();
  });

  it('is due in an open dossier, on the exact anniversary', () => {
    const d: DossierFacts = { id: 'd', status: 'lopend', closedAt: null, tlvs: [tlv('toegekend', '2018-07-31'), { ...tlv('toegekend', '2030-07-31'), id: 'u' }] };
    expect(dueTlvs(d, s, '2025-07-30')).toEqual([]);
    expect(dueTlvs(d, s, '2025-07-31')).toEqual([{ id: 't', since: '2025-07-31' }]);
  });

  it('a TLV ending on a leap day is due on 28 February', () => {
    expect(tlvDueDate(tlv('toegekend', '2024-02-29'), { ...s, tlvYears: 3 })).toBe('2027-02-28');
  });
});

it('initials leave out empty parts', () => {
  expect(initialsOf('Jan', 'de', 'Vries')).toBe('J.d.V.');
  expect(initialsOf('Aïcha', '', 'El Amrani')).toBe('A.E.');
});
