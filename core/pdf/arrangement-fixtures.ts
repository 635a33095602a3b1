// Synthetic arrangements for the arrangementvoorstel PDF (no real children). Costs are computed
// with the domain's lineCostCents so the fixture holds what the core would store.
import { lineCostCents, totalCents } from '../../shared/domain/money.js';
import type { Arrangement, Output } from '../../shared/contract/index.js';
import { id } from './fixtures.js';

type Line = Omit<Arrangement['inzet'][number], 'costCents'>;

/** 2,5 h × 38 weeks × € 52,50 = € 4.987,50, plus a fixed € 250,00: € 5.237,50. */
export const INZET: Line[] = [
  {
    id: id(700), type: 'inclusie_ondersteuner', typeOther: '', provider: 'Stichting Samen Leren', unit: 'uur',
    hoursPerWeekCenti: 250, weeks: 38, rateCents: 5250,
  },
  {
    id: id(701), type: 'materialen', typeOther: '', provider: 'Rekenrijk Uitgevers', unit: 'vast',
    hoursPerWeekCenti: 0, weeks: 0, rateCents: 25_000,
  },
];

export function withCosts(lines: Line[]): Pick<Arrangement, 'inzet' | 'totalCents'> {
  return { inzet: lines.map((l) => ({ ...l, costCents: lineCostCents(l) })), totalCents: totalCents(lines) };
}

export const GOALS: Arrangement['goals'] = [
  {
    id: id(710), wat: 'Doel-A: Noëlle werkt 20 minuten zelfstandig aan een rekentaak.',
    resultaat: 'Ze rondt drie van de vier taken af zonder hulp te vragen, gemeten in week 10.', wanneer: '2027-02-15',
  },
  {
    id: id(711), wat: 'Doel-B: De leerkracht differentieert de instructie bij breuken.',
    resultaat: 'Verlengde instructie staat wekelijks in de planning en wordt gegeven.', wanneer: '2027-04-01',
  },
  { id: id(712), wat: 'Doel-C: Noëlle vraagt zelf om een pauze als het te druk wordt.', resultaat: '', wanneer: '' },
];

export function makeArrangement(over: Partial<Arrangement> = {}): Arrangement {
  return {
    id: id(800),
    title: 'Rekenondersteuning en rustige werkplek',
    dossierId: id(1),
    werkgebiedId: id(3),
    schoolId: id(2),
    route: 1,
    targets: ['kind', 'leerkracht'],
    pupilScope: 'een_leerling',
    pupils: [],
    pupilCount: 1,
    ondersteuningsvraag: 'Hoe kan Noëlle bij rekenen zelfstandiger werken, en hoe ondersteunt de leerkracht haar daarbij?',
    goals: GOALS,
    ...withCosts(INZET),
    startDate: '2026-12-01',
    endDate: '2027-07-15',
    evaluationDates: ['2027-02-15', '2027-06-30'],
    mdoId: id(100),
    toelichting: 'De inzet sluit aan op de afspraken uit het MDO.',
    parentsView: 'Ouders willen dat Noëlle meer zelf durft te doen.',
    childView: 'Ik wil sommen maken zonder dat het te druk is.',
    status: 'concept',
    revision: 5,
    budgetYear: '2026-2027',
    perYear: [{ yearKey: '2026-2027', cents: 523_750 }],
    warnings: [],
    history: [],
    evaluation: null,
    decision: null,
    commissionDecision: null,
    sendBack: null,
    consent: [
      { parentId: id(10), parentName: 'Ayşe Yılmaz', besluit: 'instemming', datum: '2026-11-12', wijze: 'mondeling_mdo', recordedAt: '2026-11-12T15:40:00Z' },
      { parentId: id(11), parentName: 'Jörg Şahin', besluit: 'nog_niet_gevraagd', datum: '', wijze: null, recordedAt: '2026-11-14T09:00:00Z' },
    ],
    followUpOf: null,
    followedBy: null,
    dossierName: 'Noëlle Yılmaz',
    werkgebiedName: 'Werkgebied Kust',
    schoolName: 'Openbare Basisschool De Zeester',
    createdAt: '2026-11-15T08:00:00Z',
    updatedAt: '2026-11-18T08:00:00Z',
    ...over,
  };
}

/** A lopend → geëvalueerd arrangement: toegekend first, then evaluated per goal. */
export function makeEvaluatedArrangement(): Arrangement {
  return makeArrangement({
    status: 'geevalueerd',
    history: [
      { from: 'concept', to: 'ingediend', at: '2026-11-20T09:00:00Z', byName: 'Mariëlle Jansen', reason: '' },
      { from: 'ingediend', to: 'toegekend', at: '2026-11-27T09:00:00Z', byName: 'Karel de Vries', reason: 'Past binnen het budget.' },
      { from: 'toegekend', to: 'lopend', at: '2026-12-01T09:00:00Z', byName: 'Mariëlle Jansen', reason: '' },
      { from: 'lopend', to: 'geevalueerd', at: '2027-07-01T09:00:00Z', byName: 'Mariëlle Jansen', reason: '' },
    ],
    decision: { decidedAt: '2026-11-27', note: 'Toegekend onder voorwaarde van een tussenevaluatie in februari.' },
    evaluation: {
      goals: [
        { goalId: id(710), result: 'behaald', toelichting: 'Toelichting-A: vier van de vier taken zelfstandig.' },
        { goalId: id(711), result: 'deels', toelichting: 'Toelichting-B: niet elke week ingepland.' },
        { goalId: id(712), result: 'niet', toelichting: 'Toelichting-C: vraagt nog geen pauze.' },
      ],
      effectLeerkrachtTeam: 'De leerkracht plant verlengde instructie nu zelf in.',
      visieKind: 'Noëlle zegt dat rekenen leuker is met de koptelefoon.',
      vervolgstap: 'Afsluiten; de school zet de aanpak zelf voort.',
      actuals: [{ yearKey: '2026-2027', cents: 498_000 }],
      at: '2027-07-01T09:00:00Z',
      byName: 'Mariëlle Jansen',
    },
  });
}

export function makeBudgetEffect(over: Partial<Output<'arrangements:budgetEffect'>> = {}): Output<'arrangements:budgetEffect'> {
  return {
    yearKey: '2026-2027',
    before: { allocatedCents: 5_000_000, committedCents: 4_800_000, remainingCents: 200_000 },
    after: { allocatedCents: 5_000_000, committedCents: 5_323_750, remainingCents: -323_750 },
    warnings: ['overspend', 'over_cap'],
    ...over,
  };
}
