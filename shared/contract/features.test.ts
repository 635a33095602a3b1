// Smoke tests of the arrangement/TLV/termijnen contracts and their i18n keys.
import { describe, expect, it } from 'vitest';
import { ARR_STATUSES, canTransition } from '../domain/arrangement.js';
import { completeness } from '../domain/tlv.js';
import { TERMIJN_KINDS } from '../domain/termijnen.js';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import { arrangementInputSchema, arrangementsContract } from './arrangements.js';
import { termijnenContract } from './termijnen.js';
import { tlvContract, tlvInputSchema } from './tlv.js';

const ID = '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b';
const arrangement = {
  title: ' Extra handen groep 5 ', dossierId: ID, werkgebiedId: ID, schoolId: ID, route: 1, targets: ['kind', 'leerkracht'],
  pupilScope: 'een_leerling', pupils: [], pupilCount: 1, ondersteuningsvraag: '', toelichting: '', mdoId: null,
  goals: [{ wat: 'Leest AVI M5', resultaat: 'Toets', wanneer: '2027-01-31' }],
  inzet: [{ type: 'extra_handen', typeOther: '', provider: 'X', unit: 'uur', hoursPerWeekCenti: 250, weeks: 10, rateCents: 6533 }],
  startDate: '2026-09-01', endDate: '2027-07-31', evaluationDates: ['2027-01-31'],
};

describe('arrangement and TLV contracts', () => {
  it('accepts a valid arrangement and trims text', () => {
    const r = arrangementInputSchema.safeParse(arrangement);
    expect(r.success).toBe(true);
    expect(r.data?.title).toBe('Extra handen groep 5');
  });

  it('rejects bad periods, fractions of cents and route-2 scope elsewhere', () => {
    const fields = arrangementInputSchema.safeParse({ ...arrangement, targets: [], inzet: [{ ...arrangement.inzet[0], rateCents: 65.5 }] });
    expect(fields.error?.issues.map((i) => i.message)).toEqual(['arr_target_required', 'amount_invalid']);
    // Cross-field rules run once the fields themselves are valid (zod refines on the object).
    const cross = arrangementInputSchema.safeParse({ ...arrangement, endDate: '2026-08-01', pupilScope: 'groep_werkgebied' });
    expect(cross.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['endDate', 'period_end_before_start'], ['pupilScope', 'arr_scope_route2'],
    ]);
  });

  it('requires exactly two advice slots on a TLV', () => {
    const advice = { name: '', discipline: '', date: '', advice: '', attachmentId: null };
    const tlv = {
      type: 'so', kind: 'eerste_aanvraag', receivingSchool: '', category: '', periodStart: '', periodEnd: '', documents: [],
      parentsView: '', consent: { besluit: 'nog_niet_gevraagd', datum: '', byName: '' }, childView: '',
      advices: [advice, advice], previousTlvNumber: '', toelichting: '',
    };
    expect(tlvInputSchema.safeParse(tlv).success).toBe(true);
    expect(tlvInputSchema.safeParse({ ...tlv, advices: [advice] }).success).toBe(false);
  });

  it('has method names in domain:action form', () => {
    const names = Object.keys({ ...arrangementsContract, ...tlvContract, ...termijnenContract });
    expect(names).toHaveLength(23);
    for (const n of names) expect(n).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('every key the rules produce exists in nl and en', () => {
    const keys = new Set<string>();
    for (const a of ARR_STATUSES) for (const b of ARR_STATUSES) { const r = canTransition(a, b); if (!r.ok) keys.add(r.key); }
    const empty = { requiredDocuments: ['recent_verslag'], documents: [], advices: [], parentsView: '', consent: { besluit: 'nog_niet_gevraagd' as const, datum: '' }, childView: '' };
    for (const i of completeness(empty)) keys.add(i.key);
    for (const k of ['tlv_advice_name', 'tlv_advice_same_expert', 'attachment_type', 'period_over_one_year']) keys.add(k);
    for (const k of keys) {
      expect(nl.validation).toHaveProperty(k);
      expect(en.validation).toHaveProperty(k);
    }
    for (const k of TERMIJN_KINDS) expect(nl.enums.termijn).toHaveProperty(k);
  });
});
