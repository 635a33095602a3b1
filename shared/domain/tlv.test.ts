import { describe, expect, it } from 'vitest';
import { REQUIRED_DOCUMENTS, completeness, decisionDue, defaultPeriodEnd, herbeoordelingDeadline, type TlvFacts } from './tlv.js';

const advice = (name: string) => ({ name, discipline: 'orthopedagoog', date: '2026-09-01', advice: 'SO past', attachmentId: 'a' });
const full = (): TlvFacts => ({
  requiredDocuments: REQUIRED_DOCUMENTS,
  documents: REQUIRED_DOCUMENTS.map((key) => ({ key, attachmentIds: ['x'], date: '2026-09-01' })),
  advices: [advice('A. de Vries'), advice('B. Jansen')],
  parentsView: 'Eens',
  consent: { besluit: 'instemming', datum: '2026-09-02' },
  childView: 'Ik wil naar de nieuwe school',
});

describe('tlv', () => {
  it('defaults the period to the next 31 July', () => {
    expect(defaultPeriodEnd('2026-07-31')).toBe('2026-07-31');
    expect(defaultPeriodEnd('2026-08-01')).toBe('2027-07-31');
    expect(defaultPeriodEnd('2027-01-10')).toBe('2027-07-31');
    expect(herbeoordelingDeadline('2027-07-31')).toBe('2027-04-15');
  });

  it('runs the decision clock on Amsterdam calendar days', () => {
    expect(decisionDue('2026-07-01', 6)).toBe('2026-08-12');
    expect(decisionDue('2026-06-30T22:30:00.000Z', 6)).toBe('2026-08-12'); // 00:30 on 1 July in Amsterdam
    expect(decisionDue('2026-03-20', 1)).toBe('2026-03-27');
  });

  it('a complete file has no missing items', () => {
    expect(completeness(full())).toEqual([]);
  });

  it('lists what is missing, including both deskundigenadviezen', () => {
    const t = { ...full(), advices: [advice('A. de Vries')], childView: ' ' };
    expect(completeness(t)).toEqual([
      { path: 'advices.1', key: 'tlv_advice_missing' },
      { path: 'childView', key: 'tlv_child_view' },
    ]);
    const u: TlvFacts = {
      ...full(),
      advices: [{ ...advice(''), attachmentId: null, date: '' }, advice('X')],
      documents: [{ key: 'opp', attachmentIds: ['x'], date: '' }, { key: 'recent_verslag', attachmentIds: ['y'], date: '' }],
      consent: { besluit: 'nog_niet_gevraagd', datum: '' },
      parentsView: '',
    };
    expect(completeness(u).map((i) => i.path)).toEqual([
      'advices.0.name', 'advices.0.date', 'advices.0.attachmentId',
      'documents.onderwijskundig_rapport', 'documents.ondersteuningshistorie', 'documents.recent_verslag.date',
      'parentsView', 'consent',
    ]);
    expect(completeness({ ...full(), advices: [advice('Jan'), advice(' jan ')] })).toEqual([
      { path: 'advices.1.name', key: 'tlv_advice_same_expert' },
    ]);
  });
});
