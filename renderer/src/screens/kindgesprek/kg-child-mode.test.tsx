// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Input, Kindgesprek } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { KG_ID, makeDossier, makeKindgesprek } from '../../test/data.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { KindgesprekScreen } from './kg-screen.js';

const dossier = makeDossier();
const childPath = `#/dossiers/${dossier.id}/kindgesprek/${KG_ID}/kind`;
const proPath = `#/dossiers/${dossier.id}/kindgesprek/${KG_ID}`;
const prompts = nl.kg_prompt.g5_8;

function setup(kg = makeKindgesprek({ observaties: 'Geheime observatie van de consulent', samenvatting: 'Samenvatting X' })) {
  const fake = fakeTransport({
    'kindgesprek:get': () => kg,
    'dossiers:get': () => dossier,
    'kindgesprek:save': (input: Input<'kindgesprek:save'>) =>
      ({ ...kg, ...input.kindgesprek, revision: input.baseRevision + 1 }) as Kindgesprek,
  });
  renderWith(<KindgesprekScreen dossierId={dossier.id} id={KG_ID} mode="kind" autosaveDelayMs={200} />, fake);
  return fake;
}

beforeEach(() => {
  window.history.replaceState(null, '', childPath);
});

describe('kindgesprek child mode', () => {
  it('shows one topic at a time, with its prompt as the heading and the progress', async () => {
    const user = userEvent.setup();
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: prompts.gaat_goed })).toBeInTheDocument();
    expect(screen.getByText('Onderwerp 1 van 7')).toBeInTheDocument();
    expect(screen.getAllByRole('radiogroup')).toHaveLength(1);
    expect(screen.queryByText(prompts.moeilijk)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: nl.kindgesprek.previous })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: nl.kindgesprek.next }));
    expect(screen.getByRole('heading', { level: 1, name: prompts.moeilijk })).toHaveFocus();
    expect(screen.getByText('Onderwerp 2 van 7')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: nl.kindgesprek.previous }));
    expect(screen.getByRole('heading', { level: 1, name: prompts.gaat_goed })).toBeInTheDocument();
  });

  it('selects a face with the keyboard: arrows move, Space selects; the choice is autosaved', async () => {
    const user = userEvent.setup();
    const fake = setup();
    const first = await screen.findByRole('radio', { name: nl.enums.smiley[1] });
    first.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    const blij = screen.getByRole('radio', { name: nl.enums.smiley[4] });
    expect(blij).toHaveFocus();
    expect(blij).not.toBeChecked();
    await user.keyboard(' ');
    expect(blij).toBeChecked();
    expect(screen.getByRole('radio', { name: nl.enums.smiley[1] })).not.toBeChecked();
    await user.type(screen.getByLabelText(nl.kindgesprek.woorden), 'Buitenspelen');
    // Under load a save may fire mid-word; what counts is that the last one carries everything.
    await waitFor(
      () => {
        const last = fake.inputsOf('kindgesprek:save').at(-1);
        expect(last?.kindgesprek.topics[0]).toMatchObject({ topic: 'gaat_goed', smiley: 4, woorden: 'Buitenspelen' });
      },
      { timeout: 3000 },
    );
  });

  it('does not show the consultant’s observations or summary', async () => {
    setup();
    await screen.findByRole('heading', { level: 1, name: prompts.gaat_goed });
    expect(screen.queryByText(/Geheime observatie/)).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(/Geheime observatie/)).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('Samenvatting X')).not.toBeInTheDocument();
    expect(screen.queryByLabelText(nl.kindgesprek.observaties)).not.toBeInTheDocument();
  });

  it('asks before leaving: Escape cancels, confirming goes to the professional screen', async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByRole('heading', { level: 1, name: prompts.gaat_goed });
    const exit = screen.getByRole('button', { name: nl.kindgesprek.exit });
    await user.click(exit);
    const dialog = await screen.findByRole('dialog', { name: nl.kindgesprek.exit_title });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('button', { name: nl.kindgesprek.exit_cancel })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(window.location.hash).toBe(childPath);
    expect(exit).toHaveFocus();

    await user.click(exit);
    await user.click(await screen.findByRole('button', { name: nl.kindgesprek.exit_confirm }));
    await waitFor(() => expect(window.location.hash).toBe(proPath));
  });

  it('keeps focus inside the dialog', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(await screen.findByRole('button', { name: nl.kindgesprek.exit }));
    await screen.findByRole('dialog');
    await user.tab();
    expect(screen.getByRole('button', { name: nl.kindgesprek.exit_confirm })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: nl.kindgesprek.exit_cancel })).toHaveFocus();
    await user.keyboard('{Escape}');
  });
});
