// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nl } from '../../../../shared/i18n/nl.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { WG_ID } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { BudgetsScreen, yearOptions } from './budgets-screen.js';

const kpis = { route3Share: 300, individualGroupShare: 9000, teacherTeamShare: 5000, route3Ok: false, individualGroupOk: false, teacherTeamOk: true };
const line = { allocatedCents: 1_000_000, committedCents: 1_200_000, spentCents: 400_000, remainingCents: -200_000, kpis };

describe('Budgetten', () => {
  it('offers budget years of the association kind', () => {
    expect(yearOptions('schooljaar', '2026-11-22')).toEqual(['2024-2025', '2025-2026', '2026-2027', '2027-2028']);
    expect(yearOptions('kalenderjaar', '2026-11-22')).toEqual(['2024', '2025', '2026', '2027']);
  });

  it('shows remaining (negative in words), KPIs met/not met in words and saves an allocation', async () => {
    const user = userEvent.setup();
    const fake = fakeTransport({
      'budgets:settings': () => ({ yearKind: 'schooljaar', capCents: null, decisionWeeks: 6, tlvCategories: [{ key: 'laag', label: 'Laag' }], extraTlvDocuments: [] }),
      'budgets:list': ({ year }) => ({
        year: { key: year, start: '2026-08-01', end: '2027-07-31' },
        werkgebieden: [{ ...line, werkgebiedId: WG_ID, werkgebiedName: 'Alkmaar-Noord' }],
        association: line,
      }),
      'budgets:setAllocation': (input) => ({ werkgebiedId: input.werkgebiedId, year: input.year, allocatedCents: input.allocatedCents }),
    });
    renderWith(<BudgetsScreen />, fake);
    const table = await screen.findByRole('table');
    const row = within(within(table).getByRole('rowheader', { name: 'Alkmaar-Noord' }).closest('tr')!);
    expect(row.getByText(/-2\.000,00/)).toBeInTheDocument();
    expect(row.getByText(/tekort/)).toBeInTheDocument();
    expect(row.getAllByText(nl.budgets.kpi_not_met)).toHaveLength(2);
    expect(row.getByText(nl.budgets.kpi_met)).toBeInTheDocument();
    const input = screen.getByLabelText('Budget van Alkmaar-Noord (€)');
    await user.clear(input);
    await user.type(input, '12.500,00');
    await user.click(screen.getByRole('button', { name: 'Opslaan: budget van Alkmaar-Noord' }));
    await waitFor(() => expect(fake.inputsOf('budgets:setAllocation')[0]).toMatchObject({ werkgebiedId: WG_ID, allocatedCents: 1_250_000 }));
    expect(fake.inputsOf('budgets:list').length).toBeGreaterThanOrEqual(2);
  });
});
