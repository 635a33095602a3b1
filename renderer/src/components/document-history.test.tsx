// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nl } from '../../../shared/i18n/nl.js';
import { makeDossier, schools, users } from '../test/data.js';
import { fakeTransport, type FakeHandlers } from '../test/fake-transport.js';
import { renderWith } from '../test/render.js';
import { ContractError } from '../transport/transport.js';
import { DocumentHistory } from './document-history.js';
import { DossierScreen } from '../screens/dossier/dossier-screen.js';

const DOSSIER_ID = makeDossier().id;

function setup(history: FakeHandlers['sync:history']) {
  const fake = fakeTransport({ 'sync:history': history });
  renderWith(<DocumentHistory entity="dossier" id={DOSSIER_ID} />, fake);
  return fake;
}

const open = async () => {
  const user = userEvent.setup();
  await user.click(screen.getByText(nl.sync.history.show));
  return user;
};

describe('dossier history panel', () => {
  it('is collapsed and loads nothing until opened', async () => {
    const fake = setup(() => []);
    expect(screen.getByRole('heading', { level: 2, name: nl.sync.history.title })).toBeInTheDocument();
    expect(screen.getByText(nl.sync.history.show).closest('details')).not.toHaveAttribute('open');
    expect(fake.calls).toHaveLength(0);
    await open();
    expect(await screen.findByText(nl.sync.history.empty)).toBeInTheDocument();
    expect(fake.inputsOf('sync:history')).toEqual([{ entity: 'dossier', id: DOSSIER_ID }]);
  });

  it('lists who, when (nl-NL, Amsterdam) and which fields (Dutch labels), newest first; pending ones marked', async () => {
    setup(() => [
      { version: 4, by: 'Ilse de Boer', at: '2026-03-02T08:05:00Z', fields: ['voornaam', 'notes', 'updated_at'], pending: false },
      { version: null, by: 'Ilse de Boer', at: '2026-03-04T13:32:00Z', fields: ['kind_inbreng_toelichting'], pending: true },
      { version: 1, by: 'Joost Secretaris', at: '2026-01-10T09:00:00Z', fields: [], pending: false },
    ]);
    await open();
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      `Ilse de Boer 4 maart 2026 om 14:32 ${nl.sync.history.pending}Gewijzigd: Toelichting op de inbreng van het kind`,
      'Ilse de Boer 2 maart 2026 om 09:05Gewijzigd: Voornaam, Notities',
      `Joost Secretaris 10 januari 2026 om 10:00${nl.sync.history.created}`,
    ]);
    expect(within(items[0]!).getByText('4 maart 2026 om 14:32')).toHaveAttribute('datetime', '2026-03-04T13:32:00Z');
  });

  it('shows a failure with "Opnieuw proberen"', async () => {
    let calls = 0;
    setup(() => {
      calls += 1;
      if (calls === 1) throw new ContractError('internal', 'x');
      return [];
    });
    const user = await open();
    expect(await screen.findByRole('alert')).toHaveTextContent(nl.errors.internal);
    await user.click(screen.getByRole('button', { name: nl.common.retry }));
    expect(await screen.findByText(nl.sync.history.empty)).toBeInTheDocument();
  });

  it('sits in the dossier screen below the timeline', async () => {
    const fake = fakeTransport({
      'dossiers:get': () => makeDossier(),
      'schools:list': () => schools,
      'users:list': () => users,
      'sync:history': () => [],
    });
    renderWith(<DossierScreen id={DOSSIER_ID} />, fake);
    const heading = await screen.findByRole('heading', { level: 2, name: nl.sync.history.title });
    const timeline = screen.getByRole('heading', { level: 2, name: nl.dossier.section_timeline });
    expect(timeline.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(fake.inputsOf('sync:history')).toHaveLength(0);
  });
});
