// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Input, Kindgesprek } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { KG_ID, makeDossier, makeKindgesprek } from '../../test/data.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { KindgesprekScreen } from './kg-screen.js';

const dossier = makeDossier();

describe('kindgesprek professional screen', () => {
  it('shows the answers, needs a summary to finish, then is read-only', async () => {
    const user = userEvent.setup();
    const kg = makeKindgesprek({
      topics: [{ topic: 'gaat_goed', smiley: 4, nu: 6, doel: 8, woorden: 'Buitenspelen is leuk' }],
      observaties: 'Kijkt weg bij rekenen',
    });
    const fake = fakeTransport({
      'kindgesprek:get': () => kg,
      'dossiers:get': () => dossier,
      'kindgesprek:save': (input: Input<'kindgesprek:save'>) =>
        ({ ...kg, ...input.kindgesprek, revision: input.baseRevision + 1 }) as Kindgesprek,
      'kindgesprek:finish': (input) =>
        ({ ...kg, samenvatting: 'Samen', status: 'afgerond', revision: input.baseRevision + 1, afgerondAt: '2024-06-01T12:32:00.000Z' }),
    });
    renderWith(<KindgesprekScreen dossierId={dossier.id} id={KG_ID} mode="professional" autosaveDelayMs={100} />, fake);
    expect(await screen.findByText('Buitenspelen is leuk')).toBeInTheDocument();
    expect(screen.getByText(nl.enums.smiley[4])).toBeInTheDocument();
    expect(screen.getByText('nu 6, doel 8')).toBeInTheDocument();
    expect(screen.getByLabelText(nl.kindgesprek.observaties)).toHaveValue('Kijkt weg bij rekenen');

    const summary = screen.getByLabelText(nl.kindgesprek.samenvatting);
    await user.click(screen.getByRole('button', { name: nl.kindgesprek.finish }));
    expect(summary).toHaveFocus();
    expect(summary).toHaveAccessibleDescription(expect.stringContaining(nl.validation.required));
    expect(fake.inputsOf('kindgesprek:finish')).toHaveLength(0);

    await user.type(summary, 'Samen');
    await user.click(screen.getByRole('button', { name: nl.kindgesprek.finish }));
    await waitFor(() => expect(summary).toBeDisabled());
    // Pending text was saved first; the finish is based on the revision that save produced.
    expect(fake.inputsOf('kindgesprek:save').at(-1)!.kindgesprek.samenvatting).toBe('Samen');
    expect(fake.inputsOf('kindgesprek:finish')).toEqual([{ id: KG_ID, baseRevision: 3 }]);
    expect(screen.queryByRole('button', { name: nl.kindgesprek.finish })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: nl.kindgesprek.to_child_mode })).not.toBeInTheDocument();
  });
});
