// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nl } from '../../../../shared/i18n/nl.js';
import { schools, WG_ID } from '../../test/data.js';
import { fakeTransport, validationError } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { BeheerScreen } from './beheer-screen.js';

const CSV = 'naam;brin;plaats;werkgebied\nDe Regenboog;12AB;Alkmaar;Noord\nFout;XX;Heiloo;Noord\n';

function setup(importHandler: Parameters<typeof fakeTransport>[0]['schools:import']) {
  const fake = fakeTransport({
    'werkgebieden:list': () => [{ id: WG_ID, name: 'Alkmaar-Noord', schoolCount: 2 }],
    'schools:list': () => schools,
    'schools:import': importHandler,
    'schools:save': (input) => {
      if (String(input.brin).toUpperCase() === '34CD') throw validationError([{ path: 'brin', key: 'brin_taken' }]);
      return { ...schools[0]!, ...input, id: schools[0]!.id, werkgebiedId: WG_ID, brin: String(input.brin), place: input.place ?? '' };
    },
  });
  renderWith(<BeheerScreen />, fake);
  return fake;
}

describe('CSV import of schools', () => {
  it('shows the per-line errors of a validation envelope, and that nothing was imported', async () => {
    const user = userEvent.setup();
    const fake = setup(() => {
      throw validationError(
        [],
        [
          { line: 3, path: 'brin', key: 'brin_invalid' },
          { line: 5, path: '', key: 'csv_columns' },
        ],
      );
    });
    const text = await screen.findByLabelText(nl.beheer.import_paste);
    await user.click(text);
    await user.paste(CSV);
    await user.click(screen.getByRole('button', { name: nl.beheer.import_check }));

    const table = await screen.findByRole('table', { name: nl.beheer.import_errors });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', 'brin', nl.validation.brin_invalid]);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '5', nl.beheer.import_whole_line, nl.validation.csv_columns,
    ]);
    expect(screen.getByText(nl.errors.import_invalid)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: nl.beheer.import_apply })).not.toBeInTheDocument();
    expect(fake.inputsOf('schools:import')).toEqual([{ csv: CSV, apply: false }]);
  });

  it('reads a chosen file as text, previews, then imports on request', async () => {
    const user = userEvent.setup();
    const fake = setup((input) => ({ rows: 2, created: 1, updated: 1, newWerkgebieden: ['Noord'], applied: input.apply }));
    const file = new File([CSV], 'scholen.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText(nl.beheer.import_file), file);
    await waitFor(() => expect(screen.getByLabelText(nl.beheer.import_paste)).toHaveValue(CSV));
    await user.click(screen.getByRole('button', { name: nl.beheer.import_check }));
    expect(await screen.findByText('2 scholen: 1 nieuw, 1 bijgewerkt.')).toBeInTheDocument();
    expect(screen.getByText('Nieuwe werkgebieden: Noord')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: nl.beheer.import_apply }));
    expect(await screen.findByText('Import voltooid: 2 scholen (1 nieuw, 1 bijgewerkt).')).toBeInTheDocument();
    expect(fake.inputsOf('schools:import').map((i) => i.apply)).toEqual([false, true]);
    expect(fake.inputsOf('schools:import')[0]!.csv).toBe(CSV);
  });
});

describe('schools form', () => {
  it('shows the BRIN message at the field, from the shared schema and from the core', async () => {
    const user = userEvent.setup();
    const fake = setup(() => ({ rows: 0, created: 0, updated: 0, newWerkgebieden: [], applied: false }));
    const form = await screen.findByRole('form', { name: nl.beheer.school_form_add });
    await user.type(within(form).getByLabelText(nl.beheer.school_name), 'Nieuwe school');
    const brin = within(form).getByLabelText(nl.beheer.school_brin);
    await user.type(brin, '1AB');
    await user.selectOptions(within(form).getByLabelText(nl.beheer.school_werkgebied), WG_ID);
    await user.click(within(form).getByRole('button', { name: nl.beheer.school_save }));
    expect(brin).toHaveAccessibleDescription(expect.stringContaining(nl.validation.brin_invalid));
    expect(fake.inputsOf('schools:save')).toHaveLength(0);

    await user.clear(brin);
    await user.type(brin, '34cd');
    await user.click(within(form).getByRole('button', { name: nl.beheer.school_save }));
    await waitFor(() => expect(brin).toHaveAccessibleDescription(expect.stringContaining(nl.validation.brin_taken)));
    expect(brin).toHaveValue('34cd');
  });

  it('lists the schools with their werkgebied and number of dossiers', async () => {
    setup(() => ({ rows: 0, created: 0, updated: 0, newWerkgebieden: [], applied: false }));
    const table = await screen.findByRole('table', { name: nl.beheer.schools_table });
    expect(within(table).getByRole('rowheader', { name: 'De Regenboog' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Bewerken: Het Kompas' })).toBeInTheDocument();
  });
});
