// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Arrangement } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { fakeTransport, type FakeHandlers } from '../../test/fake-transport.js';
import { id, OTHER_SCHOOL_ID, SCHOOL_ID, schools, WG_ID } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { ArrangementScreen } from './arr-screen.js';

const A = nl.arrangements;
const ARR_ID = id(700);

export function makeArrangement(patch: Partial<Arrangement> = {}): Arrangement {
  return {
    id: ARR_ID, title: 'Rust in de klas', dossierId: id(100), werkgebiedId: WG_ID, schoolId: SCHOOL_ID, route: 1, targets: ['kind'],
    pupilScope: 'een_leerling', pupils: [], pupilCount: 1, ondersteuningsvraag: '', goals: [], inzet: [],
    startDate: '2026-09-01', endDate: '2027-02-28', evaluationDates: [], mdoId: null, toelichting: '',
    status: 'concept', revision: 1, totalCents: 0, budgetYear: '2026-2027', perYear: [], warnings: [], history: [],
    evaluation: null, decision: null, commissionDecision: null, sendBack: null, parentsView: '', childView: '', consent: [], followUpOf: null, followedBy: null, dossierName: 'Sanne de Vries',
    werkgebiedName: 'Alkmaar-Noord', schoolName: 'De Regenboog', createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z',
    ...patch,
  };
}

const effect = (remainingAfter: number, warnings: ('overspend' | 'over_cap')[] = []) => ({
  yearKey: '2026-2027',
  before: { allocatedCents: 1_000_000, committedCents: 0, remainingCents: 1_000_000 },
  after: { allocatedCents: 1_000_000, committedCents: 1_000_000 - remainingAfter, remainingCents: remainingAfter },
  warnings,
});

function setup(a: Arrangement, extra: FakeHandlers = {}) {
  const fake = fakeTransport({
    'arrangements:get': () => a,
    'arrangements:save': (input) => ({ ...a, revision: input.baseRevision + 1 }),
    'arrangements:budgetEffect': () => effect(500_000),
    ...extra,
  });
  renderWith(<ArrangementScreen id={a.id} autosaveDelayMs={60_000} budgetDelayMs={10} />, fake);
  return fake;
}

describe('arrangement editor', () => {
  it('parses Dutch hours, weeks and rate and shows the line cost and the total', async () => {
    const user = userEvent.setup();
    setup(makeArrangement());
    await user.click(await screen.findByRole('button', { name: A.inzet_add }));
    await user.type(screen.getByLabelText(A.inzet_hours, { exact: false }), '2,5');
    await user.type(screen.getByLabelText(A.inzet_weeks), '38');
    await user.type(screen.getByLabelText(A.inzet_rate, { exact: false }), '52,50');
    // 2,5 × 38 × € 52,50 = € 4.987,50 (Intl puts a no-break space after the euro sign).
    expect(screen.getByTestId('line-cost-0').textContent?.replace(/\u00a0/g, ' ')).toBe('Kosten van deze regel: € 4.987,50');
    expect(screen.getByTestId('arr-total').textContent?.replace(/\u00a0/g, ' ')).toBe('Totaal: € 4.987,50');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Rust in de klas');
  });

  it('records a group across schools: its size and the participating schools, without names', async () => {
    const user = userEvent.setup();
    const linked = { dossierId: id(100), schoolId: SCHOOL_ID, label: '' };
    const a = makeArrangement({ route: 2, pupils: [linked] });
    const fake = fakeTransport({
      'arrangements:get': () => a,
      'arrangements:save': (input) => ({ ...a, ...input.arrangement, revision: input.baseRevision + 1 }) as Arrangement,
      'arrangements:budgetEffect': () => effect(500_000),
      'schools:list': () => schools,
    });
    renderWith(<ArrangementScreen id={a.id} autosaveDelayMs={10} budgetDelayMs={10} />, fake);
    await user.click(await screen.findByRole('radio', { name: nl.enums.pupil_scope.groep_werkgebied }));
    const count = screen.getByLabelText(A.pupil_count);
    await user.clear(count);
    await user.type(count, '12');
    const other = schools.find((s) => s.id === OTHER_SCHOOL_ID)!;
    await user.click(screen.getByRole('checkbox', { name: `${other.name} (${other.brin})` }));
    await waitFor(() => {
      const last = fake.inputsOf('arrangements:save').at(-1)?.arrangement;
      expect(last?.pupilScope).toBe('groep_werkgebied');
      expect(last?.pupilCount).toBe(12);
      // The dossier it was made for stays; the other school joins as a counted group, without a name.
      expect(last?.pupils).toEqual([linked, { dossierId: null, schoolId: OTHER_SCHOOL_ID, label: '' }]);
    });
  });

  it('asks the core for the budget effect and shows the overspend warning in words', async () => {
    const fake = setup(makeArrangement({ inzet: [] }), { 'arrangements:budgetEffect': () => effect(-12_345, ['overspend']) });
    expect(await screen.findByText(nl.enums.budget_warning.overspend)).toBeInTheDocument();
    expect(fake.inputsOf('arrangements:budgetEffect')[0]).toMatchObject({ werkgebiedId: WG_ID, amountCents: 0, excludeId: ARR_ID });
  });

  it('offers only the legal next actions for the status', async () => {
    setup(makeArrangement({ status: 'ingediend' }));
    await screen.findByRole('heading', { name: A.actions_title });
    for (const name of [A.action_toegekend, A.action_afgewezen, A.action_aangehouden]) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
    for (const name of [A.action_ingediend, A.action_lopend, A.action_geevalueerd, A.action_afgesloten, A.action_verlengd]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    // Not a concept: the form is read-only.
    expect(screen.getByLabelText(A.title_label, { exact: false })).toBeDisabled();
  });

  it('sent back by the commission: the banner, an editable form with the views of parents and child, and "Indienen" again', async () => {
    const user = userEvent.setup();
    const a = makeArrangement({
      status: 'aanvullen',
      sendBack: { at: '2026-10-05T09:30:00.000Z', byName: 'Petra Secretaris', note: 'Vraag de ouders om hun zienswijze.', missing: [{ path: 'parentsView', key: 'commission_arr_parents_view' }] },
    });
    const fake = fakeTransport({
      'arrangements:get': () => a,
      'arrangements:save': (input) => ({ ...a, ...input.arrangement, revision: input.baseRevision + 1 }) as Arrangement,
      'arrangements:budgetEffect': () => effect(500_000),
    });
    renderWith(<ArrangementScreen id={a.id} autosaveDelayMs={10} budgetDelayMs={10} />, fake);
    const banner = await screen.findByRole('region', { name: nl.commission.sent_back_title });
    expect(banner).toHaveTextContent('Vraag de ouders om hun zienswijze.');
    expect(banner).toHaveTextContent(nl.validation.commission_arr_parents_view);
    await user.type(screen.getByLabelText(A.parents_view), 'Ouders steunen de aanvraag.');
    await user.type(screen.getByLabelText(A.child_view), 'Ik wil graag hulp bij rekenen.');
    await waitFor(() => expect(fake.inputsOf('arrangements:save').at(-1)?.arrangement).toMatchObject({
      parentsView: 'Ouders steunen de aanvraag.', childView: 'Ik wil graag hulp bij rekenen.',
    }));
    expect(screen.getByRole('button', { name: A.action_ingediend })).toBeInTheDocument();
  });

  it('shows the commission’s decision read-only', async () => {
    setup(makeArrangement({
      status: 'afgewezen',
      commissionDecision: {
        decision: 'afgewezen', category: '', startDate: '', endDate: '', conditions: '', reasons: 'Past binnen de basisondersteuning.', needed: '',
        tlvNumber: '', decidedAt: '2026-12-01T15:00:00.000Z', decidedByName: 'Petra Secretaris', datum: '2026-12-01',
      },
    }));
    const panel = await screen.findByRole('region', { name: nl.commission.panel_title });
    expect(panel).toHaveTextContent('Afgewezen op 1 december 2026');
    expect(panel).toHaveTextContent('Redenen: Past binnen de basisondersteuning.');
    expect(panel).toHaveTextContent(nl.commission.decision_final);
  });

  it('explains why a closed arrangement has no actions', async () => {
    setup(makeArrangement({ status: 'afgesloten' }));
    expect(await screen.findByText(nl.validation.arr_transition_closed_final)).toBeInTheDocument();
  });

  it('a decision asks for a note before calling the core', async () => {
    const user = userEvent.setup();
    const fake = setup(makeArrangement({ status: 'ingediend' }), {
      'arrangements:transition': (input) => makeArrangement({ status: input.to, revision: 3 }),
    });
    await user.click(await screen.findByRole('button', { name: A.action_toegekend }));
    const dialog = screen.getByRole('dialog', { name: A.action_toegekend });
    await user.click(screen.getByRole('button', { name: `${A.action_toegekend} bevestigen` }));
    expect(dialog).toHaveTextContent(nl.validation.required);
    expect(fake.inputsOf('arrangements:transition')).toHaveLength(0);
    await user.type(screen.getByLabelText(A.note_required, { exact: false }), 'Past binnen het budget.');
    await user.click(screen.getByRole('button', { name: `${A.action_toegekend} bevestigen` }));
    await waitFor(() => expect(screen.getByRole('button', { name: A.action_lopend })).toBeInTheDocument());
    expect(fake.inputsOf('arrangements:transition')[0]).toMatchObject({ to: 'toegekend', note: 'Past binnen het budget.' });
  });
});
