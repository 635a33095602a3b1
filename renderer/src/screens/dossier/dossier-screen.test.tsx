// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Dossier, Input } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { deferred, fakeTransport, validationError } from '../../test/fake-transport.js';
import { makeDossier, schools, users } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { ContractError } from '../../transport/transport.js';
import { useSyncStore } from '../../stores/sync-store.js';
import { makeSyncStatus } from '../../test/sync-data.js';
import { DossierScreen } from './dossier-screen.js';

const SAVED_AT = '2024-06-01T12:32:00.000Z'; // 14:32 in Amsterdam (CEST)

function applyUpdate(base: Dossier, input: Input<'dossiers:update'>, n: number): Dossier {
  const d = input.dossier;
  return {
    ...base,
    ...d,
    consulentId: d.consulentId ?? null,
    niveau: d.niveau ?? base.niveau,
    tussenvoegsel: d.tussenvoegsel ?? '',
    notes: d.notes ?? '',
    parents: d.parents.map((p, i) => ({ ...p, id: p.id ?? `0190a000-0000-7000-8000-0000000010${String(i).padStart(2, '0')}`, phone: p.phone ?? '', email: p.email ?? '' })) as Dossier['parents'],
    involved: [],
    version: input.baseVersion + 1,
    updatedAt: n === 0 ? SAVED_AT : '2024-06-01T12:33:00.000Z',
  };
}

function setup(dossier = makeDossier(), update?: (input: Input<'dossiers:update'>, n: number) => Promise<Dossier> | Dossier) {
  const fake = fakeTransport({
    'dossiers:get': () => dossier,
    'schools:list': () => schools,
    'users:list': () => users,
    'dossiers:update': update ?? ((input, n) => applyUpdate(dossier, input, n)),
    'dossiers:reopen': () => ({ ...dossier, status: 'lopend', version: dossier.version + 1 }),
    'dossiers:create': (input) => ({ ...dossier, ...input, id: makeDossier().id, consulentId: null, niveau: 0 }) as Dossier,
  });
  renderWith(<DossierScreen id={dossier.id} />, fake);
  return fake;
}

const status = () => document.getElementById('save-status')!;

describe('dossier form: client-side validation', () => {
  it('shows the future birth date message at the date field', async () => {
    setup();
    const date = await screen.findByLabelText(nl.dossier.geboortedatum);
    fireEvent.change(date, { target: { value: '2099-01-01' } });
    await waitFor(() => expect(date).toHaveAttribute('aria-invalid', 'true'));
    expect(date).toHaveAccessibleDescription(nl.validation.birthdate_future);
  });

  it('shows an invalid parent e-mail at that parent’s e-mail field, and does not send it', async () => {
    const user = userEvent.setup();
    const fake = setup();
    await user.click(await screen.findByRole('button', { name: nl.dossier.parent_add }));
    const parent = screen.getByRole('group', { name: 'Ouder/verzorger 1' });
    await user.type(within(parent).getByLabelText(nl.dossier.parent_name), 'Eva de Vries');
    await user.selectOptions(within(parent).getByLabelText(nl.dossier.parent_relation), 'moeder');
    const email = within(parent).getByLabelText(nl.dossier.parent_email);
    await user.type(email, 'eva@');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(nl.validation.email_invalid);
    await waitFor(() => expect(status()).toHaveTextContent(nl.dossier.save_invalid), { timeout: 5000 });
    expect(fake.inputsOf('dossiers:update')).toHaveLength(0);
  });
});

describe('dossier form: server validation', () => {
  it('shows school_unknown at the school field and keeps the typed text', async () => {
    const user = userEvent.setup();
    setup(makeDossier(), () => {
      throw validationError([{ path: 'schoolId', key: 'school_unknown' }]);
    });
    const voornaam = await screen.findByLabelText(nl.dossier.voornaam);
    await user.type(voornaam, 'tje');
    const school = screen.getByLabelText(nl.dossier.school);
    await waitFor(() => expect(school).toHaveAttribute('aria-invalid', 'true'), { timeout: 5000 });
    expect(school).toHaveAccessibleDescription(expect.stringContaining(nl.validation.school_unknown));
    expect(status()).toHaveTextContent(nl.dossier.save_invalid);
    expect(voornaam).toHaveValue('Sannetje');
  });

  it('lists a message for a path without its own field', async () => {
    const user = userEvent.setup();
    setup(makeDossier(), () => {
      throw validationError([{ path: 'parents', key: 'too_many' }]);
    });
    await user.type(await screen.findByLabelText(nl.dossier.notes), 'x');
    expect(await screen.findByText(`${nl.dossier.field.parents}: ${nl.validation.too_many}`, {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it('shows the conflict message when someone else saved first', async () => {
    const user = userEvent.setup();
    setup(makeDossier(), () => {
      throw new ContractError('conflict', 'x');
    });
    await user.type(await screen.findByLabelText(nl.dossier.notes), 'Gesprek gehad.');
    await waitFor(() => expect(status()).toHaveTextContent(nl.errors.conflict), { timeout: 5000 });
    expect(screen.getByRole('button', { name: nl.dossier.reload })).toBeInTheDocument();
  });
});

describe('dossier form: autosave', () => {
  it('sends one update after the debounce and shows the saved time', async () => {
    const user = userEvent.setup();
    const fake = setup();
    const voornaam = await screen.findByLabelText(nl.dossier.voornaam);
    await user.type(voornaam, 'tje');
    expect(fake.inputsOf('dossiers:update')).toHaveLength(0); // still within the debounce
    await waitFor(() => expect(status()).toHaveTextContent('Opgeslagen om 14:32'), { timeout: 5000 });
    const updates = fake.inputsOf('dossiers:update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.baseVersion).toBe(3);
    expect(updates[0]!.dossier.voornaam).toBe('Sannetje');
    expect(updates[0]!.dossier.achternaam).toBe('Vries');
    await new Promise((r) => setTimeout(r, 900));
    expect(fake.inputsOf('dossiers:update')).toHaveLength(1);
  });

  it('keeps edits typed while a save is in flight and saves them next, on the new version', async () => {
    const user = userEvent.setup();
    const first = deferred<Dossier>();
    const base = makeDossier();
    const fake = setup(base, (input, n) => (n === 0 ? first.promise : applyUpdate(base, input, n)));
    const voornaam = await screen.findByLabelText(nl.dossier.voornaam);
    await user.type(voornaam, 'tje');
    await waitFor(() => expect(fake.inputsOf('dossiers:update')).toHaveLength(1), { timeout: 5000 });
    expect(status()).toHaveTextContent(nl.dossier.save_saving);

    // The first save is still on its way: type more.
    const notes = screen.getByLabelText(nl.dossier.notes);
    await user.type(notes, 'Belangrijk');
    first.resolve(applyUpdate(base, fake.inputsOf('dossiers:update')[0]!, 0));

    await waitFor(() => expect(fake.inputsOf('dossiers:update')).toHaveLength(2), { timeout: 5000 });
    const second = fake.inputsOf('dossiers:update')[1]!;
    expect(second.baseVersion).toBe(4);
    expect(second.dossier.voornaam).toBe('Sannetje');
    expect(second.dossier.notes).toBe('Belangrijk');
    expect(voornaam).toHaveValue('Sannetje');
    expect(notes).toHaveValue('Belangrijk');
    await waitFor(() => expect(status()).toHaveTextContent('Opgeslagen om 14:33'));
  });
});

describe('dossier status', () => {
  it('is read-only while closed, editable again after Heropenen', async () => {
    const user = userEvent.setup();
    const fake = setup(makeDossier({ status: 'afgesloten', closedAt: '2024-05-02T08:00:00.000Z' }));
    const voornaam = await screen.findByLabelText(nl.dossier.voornaam);
    expect(voornaam).toBeDisabled();
    expect(screen.getByText(nl.errors.closed_readonly)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: nl.dossier.reopen }));
    await waitFor(() => expect(voornaam).toBeEnabled());
    expect(fake.inputsOf('dossiers:reopen')).toHaveLength(1);
    expect(screen.getByRole('button', { name: nl.dossier.close })).toBeInTheDocument();
  });
});

describe('new dossier', () => {
  it('checks required fields before creating, then creates and opens the dossier', async () => {
    const user = userEvent.setup();
    const fake = fakeTransport({
      'schools:list': () => schools,
      'users:list': () => users,
      'dossiers:create': (input) => makeDossier({ voornaam: input.voornaam, achternaam: input.achternaam }),
    });
    window.location.hash = '#/dossiers/nieuw';
    renderWith(<DossierScreen id={null} />, fake);
    const create = await screen.findByRole('button', { name: nl.dossier.create });
    await user.click(create);
    const voornaam = screen.getByLabelText(nl.dossier.voornaam);
    expect(voornaam).toHaveAccessibleDescription(nl.validation.required);
    expect(voornaam).toHaveFocus();
    expect(fake.inputsOf('dossiers:create')).toHaveLength(0);

    await user.type(voornaam, 'Mo');
    await user.type(screen.getByLabelText(nl.dossier.achternaam), 'Yilmaz');
    fireEvent.change(screen.getByLabelText(nl.dossier.geboortedatum), { target: { value: '2017-09-12' } });
    await user.selectOptions(screen.getByLabelText(nl.dossier.groep), 'g3');
    await user.selectOptions(screen.getByLabelText(nl.dossier.school), schools[0]!.id);
    await user.click(create);
    await waitFor(() => expect(window.location.hash).toBe(`#/dossiers/${makeDossier().id}`));
    const sent = fake.inputsOf('dossiers:create')[0]!;
    expect(sent).toMatchObject({ voornaam: 'Mo', achternaam: 'Yilmaz', geboortedatum: '2017-09-12', groep: 'g3', schoolId: schools[0]!.id });
  });
});

describe('dossier form: after a sync', () => {
  it('shows a change that a sync brought in, when nothing typed here is waiting', async () => {
    // Its own id: the screen may hold earlier tests' dossiers in its cache.
    let current = makeDossier({ id: '0190a000-0000-7000-8000-000000000999', notes: 'Oude notitie' });
    const fake = fakeTransport({
      'dossiers:get': () => current,
      'schools:list': () => schools,
      'users:list': () => users,
      'dossiers:update': (input, n) => applyUpdate(current, input, n),
    });
    useSyncStore.getState().setStatus(makeSyncStatus({ lastSyncAt: '2024-06-01T12:00:00.000Z' }));
    renderWith(<DossierScreen id={current.id} />, fake);
    await screen.findByDisplayValue('Oude notitie');
    const notes = screen.getByLabelText(nl.dossier.notes);
    expect(notes).toHaveValue('Oude notitie');

    current = { ...current, notes: 'Aangevuld door een collega', version: current.version + 1 };
    act(() => useSyncStore.getState().setStatus(makeSyncStatus({ lastSyncAt: '2024-06-01T12:05:00.000Z' })));
    await waitFor(() => expect(notes).toHaveValue('Aangevuld door een collega'));
    expect(fake.inputsOf('dossiers:update')).toHaveLength(0);
  });
});
