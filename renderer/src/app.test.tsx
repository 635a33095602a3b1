// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/contract/index.js';
import { nl } from '../../shared/i18n/nl.js';
import { App } from './app.js';
import { useSession } from './stores/session-store.js';
import { deferred, fakeTransport } from './test/fake-transport.js';
import { id } from './test/data.js';
import { renderWith } from './test/render.js';
import { ContractError } from './transport/transport.js';

const profile: Profile = { userId: id(500), name: 'Ilse de Boer', role: 'consulent', associationName: 'SWV Noord' };

beforeEach(() => {
  useSession.setState({ vault: null, profile: undefined });
  window.location.hash = '#/dossiers';
});

describe('vault', () => {
  it('new: checks length and the repeat at the fields, then creates', async () => {
    const user = userEvent.setup();
    const fake = fakeTransport({
      'vault:status': () => ({ state: 'new', protection: 'passphrase' }),
      'vault:create': () => ({ state: 'unlocked', protection: 'passphrase' }),
      'setup:status': () => ({ profile: null }),
    });
    renderWith(<App />, fake);
    expect(await screen.findByRole('heading', { level: 1, name: nl.vault.new_title })).toBeInTheDocument();
    const pass = screen.getByLabelText(nl.vault.passphrase);
    const repeat = screen.getByLabelText(nl.vault.passphrase_repeat);
    await user.type(pass, 'kort');
    await user.click(screen.getByRole('button', { name: nl.vault.create }));
    expect(pass).toHaveAccessibleDescription(expect.stringContaining(nl.validation.passphrase_short));
    await user.clear(pass);
    await user.type(pass, 'een lange wachtwoordzin');
    await user.type(repeat, 'een andere wachtwoordzin');
    await user.click(screen.getByRole('button', { name: nl.vault.create }));
    expect(repeat).toHaveAccessibleDescription(nl.validation.passphrase_mismatch);
    expect(fake.inputsOf('vault:create')).toHaveLength(0);
    await user.clear(repeat);
    await user.type(repeat, 'een lange wachtwoordzin');
    await user.click(screen.getByRole('button', { name: nl.vault.create }));
    expect(await screen.findByRole('heading', { level: 1, name: nl.setup.title })).toBeInTheDocument();
    expect(fake.inputsOf('vault:create')).toEqual([{ passphrase: 'een lange wachtwoordzin' }]);
  });

  it('locked: shows a busy state, and a wrong passphrase at the field', async () => {
    const user = userEvent.setup();
    const answer = deferred<never>();
    const fake = fakeTransport({
      'vault:status': () => ({ state: 'locked', protection: 'passphrase' }),
      'vault:unlock': () => answer.promise,
    });
    renderWith(<App />, fake);
    const pass = await screen.findByLabelText(nl.vault.passphrase);
    await user.type(pass, 'verkeerde wachtwoordzin');
    await user.click(screen.getByRole('button', { name: nl.vault.unlock }));
    expect(await screen.findByText(nl.vault.unlocking)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: nl.vault.unlock })).toBeDisabled();
    answer.reject(new ContractError('wrong_passphrase', 'Deze wachtwoordzin klopt niet.'));
    await waitFor(() => expect(pass).toHaveAccessibleDescription(nl.errors.wrong_passphrase));
    expect(pass).toHaveAttribute('aria-invalid', 'true');
    expect(pass).toHaveValue('verkeerde wachtwoordzin');
  });
});

describe('first-run setup', () => {
  it('loads the demo association with a busy text, then shows the dossiers', async () => {
    const user = userEvent.setup();
    const demo = deferred<{ profile: Profile; werkgebieden: number; schools: number; dossiers: number }>();
    const fake = fakeTransport({
      'vault:status': () => ({ state: 'unlocked', protection: 'os' }),
      'setup:status': () => ({ profile: null }),
      'setup:loadDemo': () => demo.promise,
      'dossiers:list': () => ({ total: 0, rows: [] }),
      'werkgebieden:list': () => [],
      'schools:list': () => [],
    });
    renderWith(<App />, fake);
    await user.click(await screen.findByRole('button', { name: nl.setup.demo }));
    expect(await screen.findByText(nl.setup.loading)).toBeInTheDocument();
    demo.resolve({ profile, werkgebieden: 8, schools: 100, dossiers: 3000 });
    expect(await screen.findByRole('heading', { level: 1, name: nl.dossiers.title })).toBeInTheDocument();
    expect(fake.inputsOf('setup:loadDemo')).toEqual([{}]);
    expect(screen.getByText('Ilse de Boer, Consulent')).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('completes with name, role and association, checking them at the fields first', async () => {
    const user = userEvent.setup();
    const fake = fakeTransport({
      'vault:status': () => ({ state: 'unlocked', protection: 'os' }),
      'setup:status': () => ({ profile: null }),
      'setup:complete': (input) => ({ ...profile, ...input }),
      'dossiers:list': () => ({ total: 0, rows: [] }),
      'werkgebieden:list': () => [],
      'schools:list': () => [],
    });
    renderWith(<App />, fake);
    await user.click(await screen.findByRole('button', { name: nl.setup.complete }));
    expect(screen.getByLabelText(nl.setup.name)).toHaveAccessibleDescription(nl.validation.required);
    expect(screen.getByRole('group', { name: nl.setup.role })).toHaveAccessibleDescription(nl.validation.choose_option);
    await user.type(screen.getByLabelText(nl.setup.name), 'Ilse de Boer');
    await user.click(screen.getByRole('radio', { name: nl.enums.role.secretaris }));
    await user.type(screen.getByLabelText(nl.setup.association), 'SWV Noord');
    await user.click(screen.getByRole('button', { name: nl.setup.complete }));
    expect(await screen.findByRole('heading', { level: 1, name: nl.dossiers.title })).toBeInTheDocument();
    expect(fake.inputsOf('setup:complete')).toEqual([{ name: 'Ilse de Boer', role: 'secretaris', associationName: 'SWV Noord' }]);
  });
});
