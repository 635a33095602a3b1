// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Input, Mdo } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { fakeTransport, validationError, type FakeHandlers } from '../../test/fake-transport.js';
import { id, makeDossier, makeMdo, MDO_ID, PARENT_ID } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { MdoScreen } from './mdo-screen.js';

const SAVED_AT = '2024-06-01T12:32:00.000Z'; // 14:32 in Amsterdam (CEST)
const dossier = makeDossier({ parents: [{ id: PARENT_ID, name: 'Eva de Vries', relation: 'moeder', gezag: true, phone: '', email: '' }] });
const ready = { evaluatiedatum: '2024-09-01', stemVanHetKind: 'Ik wil meer rust in de klas.', wegingKindvisie: 'Rustplek afgesproken.' };

function applySave(base: Mdo, input: Input<'mdo:save'>): Mdo {
  const { attendees, afspraken, ...rest } = input.mdo;
  return {
    ...base,
    ...(rest as Partial<Mdo>),
    attendees: attendees.map((a, i) => ({ ...a, roleOther: a.roleOther ?? '', id: a.id ?? id(600 + i), present: true })),
    afspraken: afspraken.map((a, i) => ({ ...a, wie: a.wie ?? '', wanneer: a.wanneer ?? '', id: a.id ?? id(650 + i) })),
    revision: input.baseRevision + 1,
    updatedAt: SAVED_AT,
  };
}

function setup(mdo: Mdo, extra: FakeHandlers = {}) {
  const fake = fakeTransport({
    'mdo:get': () => mdo,
    'dossiers:get': () => dossier,
    'kindgesprek:list': () => [],
    'mdo:save': (input) => applySave(mdo, input),
    ...extra,
  });
  renderWith(<MdoScreen dossierId={dossier.id} id={mdo.id} autosaveDelayMs={300} />, fake);
  return fake;
}

const status = () => document.getElementById('save-status')!;

describe('MDO editor: autosave', () => {
  it('sends one mdo:save after the debounce with the revision, and shows the saved time', async () => {
    const user = userEvent.setup();
    const fake = setup(makeMdo());
    const locatie = await screen.findByLabelText(nl.mdo.locatie);
    await user.type(locatie, 'De Regenboog');
    expect(fake.inputsOf('mdo:save')).toHaveLength(0);
    await waitFor(() => expect(status()).toHaveTextContent('Opgeslagen om 14:32'), { timeout: 5000 });
    const saves = fake.inputsOf('mdo:save');
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ id: MDO_ID, baseRevision: 5, mdo: { locatie: 'De Regenboog', kindInbreng: 'kindgesprek' } });
    expect(locatie).toHaveValue('De Regenboog');
  });
});

describe('MDO editor: vaststellen', () => {
  it('explains in Dutch why it cannot be finalised yet, and does not call mdo:finalise', async () => {
    const user = userEvent.setup();
    const fake = setup(makeMdo());
    const button = await screen.findByRole('button', { name: nl.mdo.finalise });
    expect(screen.getByText(nl.validation.mdo_evaluatiedatum_required)).toBeInTheDocument();
    expect(screen.getByText(nl.validation.mdo_child_input_required)).toBeInTheDocument();
    await user.click(button);
    expect(fake.inputsOf('mdo:finalise')).toHaveLength(0);
    expect(screen.getByLabelText(nl.mdo.field.evaluatiedatum)).toHaveFocus();
    // A reason is also a way to its field.
    await user.click(screen.getByRole('button', { name: nl.validation.mdo_child_input_required }));
    expect(screen.getByLabelText(nl.mdo.field.stemVanHetKind)).toHaveFocus();
  });

  it('shows the core’s consent message at that parent’s consent fields', async () => {
    const user = userEvent.setup();
    const fake = setup(makeMdo(ready), {
      'mdo:finalise': () => {
        throw validationError([{ path: `consent.${PARENT_ID}`, key: 'consent_date_required' }]);
      },
    });
    const group = await screen.findByRole('group', { name: 'Instemming van Eva de Vries' });
    await user.click(within(group).getByLabelText(nl.enums.consent.instemming));
    await user.click(screen.getByRole('button', { name: nl.mdo.finalise }));
    await within(group).findByText(nl.validation.consent_date_required);
    expect(group).toHaveAccessibleDescription(nl.validation.consent_date_required);
    expect(fake.inputsOf('mdo:finalise')[0]).toMatchObject({
      id: MDO_ID, baseRevision: 5,
      consent: [{ parentId: PARENT_ID, besluit: 'instemming', wijze: 'mondeling_mdo' }],
    });
  });

  it('is read-only once vastgesteld', async () => {
    const user = userEvent.setup();
    setup(makeMdo(ready), {
      'mdo:finalise': (input) =>
        makeMdo({
          ...ready, status: 'vastgesteld', revision: 6, vastgesteldAt: SAVED_AT, vastgesteldByName: 'Ilse Consulent',
          consent: input.consent.map((c) => ({ ...c, datum: c.datum ?? '', parentName: 'Eva de Vries', recordedAt: SAVED_AT })),
        }),
    });
    const group = await screen.findByRole('group', { name: 'Instemming van Eva de Vries' });
    await user.click(within(group).getByLabelText(nl.enums.consent.instemming));
    await user.click(screen.getByRole('button', { name: nl.mdo.finalise }));
    await screen.findByRole('button', { name: nl.mdo.correct });
    expect(screen.getByLabelText(nl.mdo.locatie)).toBeDisabled();
    expect(screen.getByLabelText(nl.mdo.field.stemVanHetKind)).toBeDisabled();
    expect(screen.queryByRole('button', { name: nl.mdo.finalise })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: nl.mdo.agenda_add })).not.toBeInTheDocument();
    expect(screen.getByText(/Eva de Vries: Instemming/)).toBeInTheDocument();
  });

  it('asks for a reason before correcting, then opens the new version', async () => {
    const user = userEvent.setup();
    const next = makeMdo({ id: id(201), version: 2, correctieReden: 'Datum klopte niet' });
    const fake = setup(makeMdo({ ...ready, status: 'vastgesteld', vastgesteldAt: SAVED_AT, vastgesteldByName: 'Ilse' }), {
      'mdo:correct': () => next,
    });
    await user.click(await screen.findByRole('button', { name: nl.mdo.correct }));
    const dialog = screen.getByRole('dialog', { name: nl.mdo.correct_title });
    const reason = within(dialog).getByLabelText(nl.mdo.correct_reason);
    expect(reason).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: nl.mdo.correct_submit }));
    expect(reason).toHaveAccessibleDescription(nl.validation.required);
    expect(fake.inputsOf('mdo:correct')).toHaveLength(0);
    await user.type(reason, 'Datum klopte niet');
    await user.click(within(dialog).getByRole('button', { name: nl.mdo.correct_submit }));
    await waitFor(() => expect(window.location.hash).toBe(`#/dossiers/${dossier.id}/mdo/${next.id}`));
    expect(fake.inputsOf('mdo:correct')).toEqual([{ id: MDO_ID, reason: 'Datum klopte niet' }]);
  });
});
