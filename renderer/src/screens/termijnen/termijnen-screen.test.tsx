// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TermijnItem } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { id } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { TermijnenScreen } from './termijnen-screen.js';

const item = (n: number, patch: Partial<TermijnItem>): TermijnItem => ({
  kind: 'arr_evaluation', dossierId: id(100 + n), dossierName: `Kind ${n}`, refId: id(700 + n), due: '2026-11-30', daysLeft: 8,
  severity: 'soon', labelKey: 'enums.termijn.arr_evaluation', ...patch,
});

describe('Termijnen', () => {
  it('groups the deadlines by severity with dates, days in words and links', async () => {
    renderWith(<TermijnenScreen />, fakeTransport({
      'werkgebieden:list': () => [],
      'termijnen:list': () => ({
        today: '2026-11-22',
        items: [
          item(1, { kind: 'tlv_decision', labelKey: 'enums.termijn.tlv_decision', severity: 'overdue', daysLeft: -3, due: '2026-11-19' }),
          item(2, {}),
          item(3, { severity: 'later', daysLeft: 40, due: '2027-01-01' }),
        ],
      }),
    }));
    const overdue = within(await screen.findByRole('region', { name: 'Te laat (1)' }));
    expect(overdue.getByText(nl.enums.termijn.tlv_decision)).toBeInTheDocument();
    expect(overdue.getByText(/19 november 2026/)).toBeInTheDocument();
    expect(overdue.getByText(/3 dagen te laat/)).toBeInTheDocument();
    expect(overdue.getByRole('link', { name: 'Kind 1' })).toHaveAttribute('href', `#/dossiers/${id(101)}`);
    expect(overdue.getByRole('link', { name: nl.termijnen.open_tlv })).toHaveAttribute('href', `#/tlv/${id(701)}`);
    const soon = within(screen.getByRole('region', { name: 'Binnenkort (1)' }));
    expect(soon.getByText(/nog 8 dagen/)).toBeInTheDocument();
    expect(soon.getByRole('link', { name: nl.termijnen.open_arr })).toHaveAttribute('href', `#/arrangementen/${id(702)}`);
    expect(screen.getByRole('region', { name: 'Later (1)' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});
