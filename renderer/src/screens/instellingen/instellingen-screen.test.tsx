// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { useSession } from '../../stores/session-store.js';
import { initialSyncState, useSyncStore } from '../../stores/sync-store.js';
import { id } from '../../test/data.js';
import { deferred, fakeTransport, validationError, type FakeHandlers } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { makeSyncStatus, NOT_ENROLLED } from '../../test/sync-data.js';
import { ContractError } from '../../transport/transport.js';
import { LOCK_OPEN } from '../../lock/lock-test-data.js';
import { SetupScreen } from '../setup/setup-screen.js';
import { InstellingenScreen } from './instellingen-screen.js';

beforeEach(() => {
  useSyncStore.setState(initialSyncState);
  useSession.setState({
    vault: { state: 'unlocked', protection: 'os' },
    profile: { userId: id(500), name: 'Ilse de Boer', role: 'consulent', associationName: 'SWV Noord' },
  });
});

function setup(handlers: FakeHandlers = {}, status: SyncStatus = NOT_ENROLLED) {
  const fake = fakeTransport({ 'sync:status': () => status, 'lock:status': () => LOCK_OPEN, ...handlers });
  renderWith(<InstellingenScreen />, fake);
  return fake;
}

const url = () => screen.getByLabelText(nl.sync.settings.store_url);
const code = () => screen.getByLabelText(nl.sync.settings.code);
const device = () => screen.getByLabelText(nl.sync.settings.device_name);
const enroll = () => screen.getByRole('button', { name: nl.sync.settings.enroll });

describe('Instellingen: enrolment form', () => {
  it('shows the form with a default device name when not enrolled', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: nl.sync.settings.title })).toBeInTheDocument();
    expect(await screen.findByRole('form', { name: nl.sync.settings.enroll_heading })).toBeInTheDocument();
    expect(device()).toHaveValue('Laptop van Ilse de Boer');
    expect(url()).toHaveAccessibleDescription(nl.sync.settings.store_url_hint);
  });

  it('checks the fields with the contract schema: Dutch messages at the fields, nothing sent', async () => {
    const user = userEvent.setup();
    const fake = setup();
    await screen.findByRole('form');
    await user.clear(device());
    await user.click(enroll());
    expect(url()).toHaveAccessibleDescription(expect.stringContaining(nl.validation.required));
    expect(url()).toHaveAttribute('aria-invalid', 'true');
    expect(code()).toHaveAccessibleDescription(expect.stringContaining(nl.validation.code_invalid));
    expect(device()).toHaveAccessibleDescription(expect.stringContaining(nl.validation.required));
    expect(url()).toHaveFocus();

    await user.type(url(), 'ftp://swv.nl');
    await user.type(code(), '12345');
    await user.type(device(), 'Laptop');
    await user.click(enroll());
    expect(url()).toHaveAccessibleDescription(expect.stringContaining(nl.validation.url_invalid));
    expect(code()).toHaveAccessibleDescription(expect.stringContaining(nl.validation.code_invalid));
    expect(device()).not.toHaveAttribute('aria-invalid');
    expect(fake.inputsOf('sync:enroll')).toHaveLength(0);

    await user.clear(url());
    await user.type(url(), 'geen adres');
    expect(url()).not.toHaveAttribute('aria-invalid'); // cleared while typing
    await user.click(enroll());
    expect(url()).toHaveAccessibleDescription(expect.stringContaining(nl.validation.url_invalid));
  });

  it("shows the core's Dutch message when enrolling fails, and keeps what was typed", async () => {
    const user = userEvent.setup();
    const fake = setup({
      'sync:enroll': () => {
        throw new ContractError('bad_request', nl.errors.sync_offline);
      },
    });
    await screen.findByRole('form');
    await user.type(url(), '  http://127.0.0.1:9 ');
    await user.type(code(), 'ABCD-1234');
    await user.click(enroll());
    expect(await screen.findByRole('alert')).toHaveTextContent(nl.errors.sync_offline);
    expect(fake.inputsOf('sync:enroll')).toEqual([{ storeUrl: 'http://127.0.0.1:9', code: 'ABCD-1234', deviceName: 'Laptop van Ilse de Boer' }]);
    expect(code()).toHaveValue('ABCD-1234');
  });

  it('shows field issues the core returns at their fields', async () => {
    const user = userEvent.setup();
    setup({
      'sync:enroll': () => {
        throw validationError([{ path: 'code', key: 'code_invalid' }]);
      },
    });
    await screen.findByRole('form');
    await user.type(url(), 'https://swv.nl');
    await user.type(code(), 'ABCDEFG');
    await user.click(enroll());
    await waitFor(() => expect(code()).toHaveAccessibleDescription(expect.stringContaining(nl.validation.code_invalid)));
    expect(code()).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('enrols: busy on the button, then the linked details replace the form', async () => {
    const user = userEvent.setup();
    const answer = deferred<SyncStatus>();
    setup({ 'sync:enroll': () => answer.promise });
    await screen.findByRole('form');
    await user.type(url(), 'https://veldwerk.swv-test.nl');
    await user.type(code(), 'ABCD-1234');
    await user.click(enroll());
    expect(screen.getByRole('button', { name: nl.sync.settings.enrolling })).toBeDisabled();
    answer.resolve(makeSyncStatus({ lastSyncAt: null }));
    expect(await screen.findByText('Gekoppeld met SWV Testkust.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByText('https://veldwerk.swv-test.nl')).toBeInTheDocument();
    expect(useSyncStore.getState().status?.state).toBe('idle');
    await waitFor(() => expect(screen.getByRole('heading', { name: nl.sync.settings.enroll_heading })).toHaveFocus());
  });
});

describe('Instellingen: enrolled', () => {
  it('shows association, device, server, last sync, the last problem and the http warning', async () => {
    setup({}, makeSyncStatus({
      state: 'offline', insecure: true, storeUrl: 'http://10.0.0.5:8080', lastSyncAt: '2026-03-04T13:32:00Z',
      errorKey: 'sync_offline', pending: 2,
    }));
    const details = await screen.findByText('SWV Testkust');
    const dl = details.closest('dl')!;
    expect(within(dl).getByText('Laptop van Ilse')).toBeInTheDocument();
    expect(within(dl).getByText('http://10.0.0.5:8080')).toBeInTheDocument();
    expect(within(dl).getByText('4 maart 2026 om 14:32')).toBeInTheDocument();
    expect(within(dl).getByText('Offline — 2 wijzigingen wachten')).toBeInTheDocument();
    expect(within(dl).getByText(nl.errors.sync_offline)).toBeInTheDocument();
    expect(screen.getByText(nl.sync.insecure_warning)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: nl.sync.settings.to_conflicts })).toHaveAttribute('href', '#/conflicten');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('accepts the failure key with or without its section', async () => {
    setup({}, makeSyncStatus({ state: 'revoked', errorKey: 'errors.sync_device_revoked' }));
    expect(await screen.findByText(nl.errors.sync_device_revoked)).toBeInTheDocument();
  });
});

describe('first-run screen: linking right away', () => {
  it('enrols an empty device, then takes the profile the core made from the store\'s user', async () => {
    const user = userEvent.setup();
    useSession.setState({ vault: { state: 'unlocked', protection: 'os' }, profile: null });
    const profile = { userId: id(501), name: 'Joost Consulent', role: 'consulent' as const, associationName: 'SWV Testkust' };
    const fake = fakeTransport({
      'sync:enroll': () => makeSyncStatus(),
      'setup:status': () => ({ profile }),
    });
    renderWith(<SetupScreen />, fake);
    const form = screen.getByRole('form', { name: nl.sync.settings.enroll_heading });
    expect(within(form).getByLabelText(nl.sync.settings.device_name)).toHaveValue(nl.sync.settings.device_default_plain);
    await user.type(within(form).getByLabelText(nl.sync.settings.store_url), 'https://veldwerk.swv-test.nl');
    await user.type(within(form).getByLabelText(nl.sync.settings.code), 'ABCD-1234');
    await user.click(within(form).getByRole('button', { name: nl.sync.settings.enroll }));
    await waitFor(() => expect(useSession.getState().profile).toEqual(profile));
    expect(fake.inputsOf('sync:enroll')).toEqual([
      { storeUrl: 'https://veldwerk.swv-test.nl', code: 'ABCD-1234', deviceName: nl.sync.settings.device_default_plain },
    ]);
  });

  it("shows the core's message when the device already holds data", async () => {
    const user = userEvent.setup();
    useSession.setState({ vault: { state: 'unlocked', protection: 'os' }, profile: null });
    renderWith(<SetupScreen />, fakeTransport({
      'sync:enroll': () => {
        throw new ContractError('conflict', nl.errors.sync_local_data_present);
      },
    }));
    const form = screen.getByRole('form', { name: nl.sync.settings.enroll_heading });
    await user.type(within(form).getByLabelText(nl.sync.settings.store_url), 'https://veldwerk.swv-test.nl');
    await user.type(within(form).getByLabelText(nl.sync.settings.code), 'ABCD-1234');
    await user.click(within(form).getByRole('button', { name: nl.sync.settings.enroll }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(nl.errors.sync_local_data_present);
    expect(useSession.getState().profile).toBeNull();
  });
});
