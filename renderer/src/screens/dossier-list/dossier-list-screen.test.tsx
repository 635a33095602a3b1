// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DossierRow, Input } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { useDossierList } from '../../stores/dossier-list-store.js';
import { id, schools, WG_ID } from '../../test/data.js';
import { deferred, fakeTransport } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { DossierListScreen } from './dossier-list-screen.js';
import { stubListHeight } from '../../test/layout.js';

stubListHeight();
beforeEach(() => useDossierList.getState().reset());

function rows(input: Input<'dossiers:list'>, total: number): { total: number; rows: DossierRow[] } {
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 100;
  const out: DossierRow[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) {
    out.push({
      id: id(10_000 + i),
      name: `${input.status ?? 'Leerling'} ${i + 1}`,
      geboortedatum: '2016-03-04',
      groep: 'g4',
      schoolName: 'De Regenboog',
      werkgebiedName: 'Alkmaar-Noord',
      status: input.status ?? 'lopend',
      niveau: 2,
      consulentName: null,
      updatedAt: '2024-06-01T12:32:00.000Z',
    });
  }
  return { total, rows: out };
}

function setup(total = 3000, gate?: Promise<void>) {
  const fake = fakeTransport({
    'dossiers:list': async (input) => {
      if (input.status && gate) await gate;
      return rows(input, total);
    },
    'werkgebieden:list': () => [{ id: WG_ID, name: 'Alkmaar-Noord', schoolCount: 2 }],
    'schools:list': () => schools,
  });
  renderWith(<DossierListScreen />, fake);
  return fake;
}

describe('dossier list', () => {
  it('shows the total (nl-NL) and rows from the first page', async () => {
    const fake = setup(3000);
    expect(await screen.findByText('3.000 dossiers')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Leerling 1' })).toHaveAttribute('href', `#/dossiers/${id(10_000)}`);
    expect(screen.getByRole('table', { name: nl.dossiers.table })).toHaveAttribute('aria-rowcount', '3001');
    expect(screen.getAllByRole('row').length).toBeLessThan(60); // virtualised, not 3,000 rows
    expect(fake.inputsOf('dossiers:list')[0]).toMatchObject({ offset: 0, limit: 100, sort: 'name', dir: 'asc' });
    expect(screen.getByRole('columnheader', { name: nl.dossiers.col.name })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('button', { name: nl.dossiers.new })).toBeInTheDocument();
  });

  it('searches as you type: one request with the query after the debounce', async () => {
    const user = userEvent.setup();
    const fake = setup();
    await screen.findByRole('link', { name: 'Leerling 1' });
    await user.type(screen.getByRole('searchbox', { name: nl.dossiers.search }), 'jan');
    await waitFor(() => expect(fake.inputsOf('dossiers:list').some((c) => c.query === 'jan')).toBe(true));
    const queries = fake.inputsOf('dossiers:list').map((c) => c.query).filter(Boolean);
    expect(queries).toEqual(['jan']);
    expect(fake.inputsOf('dossiers:list').at(-1)).toMatchObject({ query: 'jan', offset: 0 });
  });

  it('fetches the next page on scroll, and starts paging over when a filter changes', async () => {
    const user = userEvent.setup();
    const answer = deferred<void>();
    const fake = setup(3000, answer.promise);
    await screen.findByRole('link', { name: 'Leerling 1' });
    const body = document.querySelector('.dl-body') as HTMLElement;
    body.scrollTop = 150 * 44;
    fireEvent.scroll(body);
    await waitFor(() => expect(fake.inputsOf('dossiers:list').some((c) => c.offset === 100)).toBe(true));
    expect(await screen.findByRole('link', { name: 'Leerling 151' })).toBeInTheDocument();

    const before = fake.inputsOf('dossiers:list').length;
    await user.selectOptions(screen.getByLabelText(nl.dossiers.status), 'afgesloten');
    await waitFor(() => expect(fake.inputsOf('dossiers:list').length).toBeGreaterThan(before));
    // A new list starts at the top (the browser then fires a scroll event; jsdom does not).
    await waitFor(() => expect(body.scrollTop).toBe(0));
    fireEvent.scroll(body);
    answer.resolve();
    expect(await screen.findByRole('link', { name: 'afgesloten 1' })).toBeInTheDocument();
    const after = fake.inputsOf('dossiers:list').slice(before);
    expect(after[0]).toMatchObject({ status: 'afgesloten', offset: 0 });
    expect(after.every((c) => c.status === 'afgesloten')).toBe(true);
    expect(after.some((c) => c.offset === 100)).toBe(false); // the old pages are not reused or refetched
    expect(screen.queryByRole('link', { name: 'Leerling 151' })).not.toBeInTheDocument();
  });

  it('sorts by a column header button and flips the direction on a second click', async () => {
    const user = userEvent.setup();
    const fake = setup(10);
    await screen.findByRole('link', { name: 'Leerling 1' });
    await user.click(screen.getByRole('button', { name: nl.dossiers.col.geboortedatum }));
    await waitFor(() => expect(fake.inputsOf('dossiers:list').at(-1)).toMatchObject({ sort: 'geboortedatum', dir: 'asc' }));
    expect(screen.getByRole('columnheader', { name: nl.dossiers.col.geboortedatum })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: nl.dossiers.col.geboortedatum }));
    await waitFor(() => expect(fake.inputsOf('dossiers:list').at(-1)).toMatchObject({ sort: 'geboortedatum', dir: 'desc' }));
  });

  it('is keyboard usable: Tab enters at one row, arrow keys move between rows', async () => {
    const user = userEvent.setup();
    setup(50);
    const firstRow = await screen.findByRole('link', { name: 'Leerling 1' });
    expect(firstRow).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('link', { name: 'Leerling 2' })).toHaveAttribute('tabindex', '-1');
    firstRow.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Leerling 2' })).toHaveFocus());
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(firstRow).toHaveFocus());
  });
});
