// @vitest-environment jsdom
// The app lock in the shell: idle minutes and Ctrl+L lock and remove the content from the DOM, the
// unlock flow, the backoff countdown, a lock made elsewhere, and the PIN required under the OS keyring.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LockStatus } from '../../../shared/contract/index.js';
import { nl } from '../../../shared/i18n/nl.js';
import { App } from '../app.js';
import { useDossierList } from '../stores/dossier-list-store.js';
import { useSession } from '../stores/session-store.js';
import { id, schools, users, WG_ID } from '../test/data.js';
import { fakeTransport, type FakeHandlers } from '../test/fake-transport.js';
import { renderWith } from '../test/render.js';
import { ContractError } from '../transport/transport.js';
import { useLock } from './lock-store.js';
import { lockStatus } from './lock-test-data.js';
import { stubListHeight } from '../test/layout.js';

const PIN = '482916';
const PUPIL = 'Quirijn Ünalkamp';

stubListHeight();
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  useSession.setState({ vault: null, profile: undefined });
  useLock.getState().reset();
  useDossierList.getState().reset();
  window.location.hash = '#/dossiers';
});
afterEach(() => {
  vi.useRealTimers();
});

/** A core in miniature: data methods answer `app_locked` while locked, like the real gate. */
function lockingCore(start: Partial<LockStatus> = {}, over: FakeHandlers = {}) {
  const state = { status: lockStatus({ hasPin: true, hasPassphrase: false, ...start }) };
  const guard = <T,>(value: () => T) => () => {
    if (state.status.locked) throw new ContractError('app_locked', nl.errors.app_locked);
    return value();
  };
  const fake = fakeTransport({
    'vault:status': () => ({ state: 'unlocked', protection: 'passphrase' }),
    'setup:status': guard(() => ({ profile: { userId: id(500), name: 'Ilse de Boer', role: 'consulent' as const, associationName: 'SWV Noord' } })),
    'dossiers:list': guard(() => ({
      total: 1,
      rows: [{
        id: id(10_000), name: PUPIL, geboortedatum: '2016-03-04', groep: 'g4' as const, schoolName: 'De Regenboog',
        werkgebiedName: 'Alkmaar-Noord', status: 'lopend' as const, niveau: 2, consulentName: null, updatedAt: '2024-06-01T12:32:00.000Z',
      }],
    })),
    'werkgebieden:list': guard(() => [{ id: WG_ID, name: 'Alkmaar-Noord', schoolCount: 2 }]),
    'schools:list': guard(() => schools),
    'users:list': guard(() => users),
    'lock:status': () => state.status,
    'lock:lock': () => (state.status = { ...state.status, locked: true }),
    'lock:unlock': ({ secret }) => {
      if (secret !== PIN) {
        state.status = { ...state.status, failedAttempts: state.status.failedAttempts + 1 };
        return { result: 'wrong_secret' as const, status: state.status };
      }
      state.status = { ...state.status, locked: false, failedAttempts: 0 };
      return { result: 'unlocked' as const, status: state.status };
    },
    ...over,
  });
  return { fake, state };
}

async function showList(fake: ReturnType<typeof fakeTransport>) {
  renderWith(<App />, fake);
  expect(await screen.findByText(PUPIL)).toBeInTheDocument();
}

const lockHeading = () => screen.findByRole('heading', { level: 1, name: nl.lock.title });

describe('app lock: locking', () => {
  it('locks after the idle minutes without activity; activity restarts the wait; the content leaves the DOM', async () => {
    const { fake } = lockingCore({ idleMinutes: 5 });
    await showList(fake);
    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000));
    fireEvent.keyDown(window, { key: 'a' });
    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000));
    expect(fake.inputsOf('lock:lock')).toHaveLength(0);
    expect(screen.getByText(PUPIL)).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(60_000 + 1_000));
    expect(await lockHeading()).toBeInTheDocument();
    expect(fake.inputsOf('lock:lock')).toHaveLength(1);
    expect(document.body.textContent).not.toContain(PUPIL);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(document.title).toBe(`${nl.lock.title} – Veldwerk`);
    await waitFor(() => expect(screen.getByLabelText(nl.lock.secret_pin)).toHaveFocus());
  });

  it('does not lock while the user works in another window of the app', async () => {
    const { fake, state } = lockingCore({ idleMinutes: 5 });
    await showList(fake);
    const other = new BroadcastChannel('veldwerk-app-lock');
    for (let i = 0; i < 3; i++) {
      await act(() => vi.advanceTimersByTimeAsync(4 * 60_000));
      other.postMessage('active');
      await act(() => new Promise((r) => setTimeout(r, 20)));
    }
    expect(fake.inputsOf('lock:lock')).toHaveLength(0);
    // The other window locks the core and says so.
    state.status = { ...state.status, locked: true };
    other.postMessage('locked');
    expect(await lockHeading()).toBeInTheDocument();
    other.close();
  });

  it('uses the idle minutes from the core', async () => {
    const { fake } = lockingCore({ idleMinutes: 1 });
    await showList(fake);
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    expect(await lockHeading()).toBeInTheDocument();
  });

  it('locks on Ctrl+L and on Cmd+L, and with the header button; forgets the search text', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { fake, state } = lockingCore();
    useDossierList.setState({ query: 'Ünalk' });
    await showList(fake);
    await user.keyboard('{Control>}l{/Control}');
    expect(await lockHeading()).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(PUPIL);
    expect(useDossierList.getState().query).toBe('');
    await waitFor(() => expect(fake.inputsOf('lock:lock')).toHaveLength(1));

    await user.type(screen.getByLabelText(nl.lock.secret_pin), `${PIN}{Enter}`);
    expect(await screen.findByText(PUPIL)).toBeInTheDocument();
    expect(state.status.locked).toBe(false);
    fireEvent.keyDown(window, { key: 'L', metaKey: true });
    expect(await lockHeading()).toBeInTheDocument();

    await user.type(screen.getByLabelText(nl.lock.secret_pin), `${PIN}{Enter}`);
    await user.click(await screen.findByRole('button', { name: nl.lock.lock_now }));
    expect(await lockHeading()).toBeInTheDocument();
    await waitFor(() => expect(fake.inputsOf('lock:lock')).toHaveLength(3));
  });
});

describe('app lock: unlocking', () => {
  it('shows the lock screen after a reload while locked; a wrong PIN at the field, the right one restores the screen', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { fake } = lockingCore({ locked: true, hasPassphrase: true });
    renderWith(<App />, fake);
    expect(await lockHeading()).toBeInTheDocument();
    const field = screen.getByLabelText(nl.lock.secret_both);
    await user.click(screen.getByRole('button', { name: nl.lock.unlock }));
    expect(field).toHaveAccessibleDescription(nl.validation.required);
    await user.type(field, '000000{Enter}');
    await waitFor(() => expect(field).toHaveAccessibleDescription(nl.lock.wrong_secret));
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    await user.type(field, `${PIN}{Enter}`);
    expect(await screen.findByText(PUPIL)).toBeInTheDocument();
    expect(fake.inputsOf('lock:unlock')).toEqual([{ secret: '000000' }, { secret: PIN }]);
  });

  it('counts down during the backoff and only then lets the user try again', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const core: ReturnType<typeof lockingCore> = lockingCore({ locked: true }, {
      'lock:unlock': (_input, n) => {
        core.state.status = lockStatus({ hasPin: true, hasPassphrase: false, locked: n === 0, failedAttempts: 3, retryAfterMs: n === 0 ? 30_000 : 0 });
        return { result: n === 0 ? ('wait' as const) : ('unlocked' as const), status: core.state.status };
      },
    });
    const { fake } = core;
    renderWith(<App />, fake);
    await user.type(await screen.findByLabelText(nl.lock.secret_pin), `${PIN}{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(nl.lock.wait_alert);
    expect(screen.getByText('Opnieuw proberen kan over 0:30.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: nl.lock.unlock })).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(screen.getByText('Opnieuw proberen kan over 0:20.')).toBeInTheDocument();
    // Enter while waiting sends nothing.
    await user.type(screen.getByLabelText(nl.lock.secret_pin), `${PIN}{Enter}`);
    expect(fake.inputsOf('lock:unlock')).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(screen.queryByText(/Opnieuw proberen kan over/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: nl.lock.unlock }));
    expect(await screen.findByText(PUPIL)).toBeInTheDocument();
  });

  it('shows the lock screen when the core answers app_locked (locked in another window)', async () => {
    const { fake, state } = lockingCore();
    await showList(fake);
    state.status = { ...state.status, locked: true };
    fireEvent.focus(window);
    expect(await lockHeading()).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(PUPIL);
  });
});

describe('app lock: OS keyring without a PIN', () => {
  it('asks for a PIN before showing the screens', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { fake } = lockingCore({ hasPin: false, hasPassphrase: false }, {
      'lock:setPin': () => lockStatus({ hasPin: true, hasPassphrase: false }),
    });
    renderWith(<App />, fake);
    expect(await screen.findByRole('heading', { level: 1, name: nl.lock.pin_setup_title })).toBeInTheDocument();
    expect(screen.queryByText(PUPIL)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(nl.lock.settings.new_pin), '4829');
    await user.type(screen.getByLabelText(nl.lock.settings.repeat_pin), '4829');
    await user.click(screen.getByRole('button', { name: nl.lock.settings.set_pin }));
    expect(screen.getByLabelText(nl.lock.settings.new_pin)).toHaveAccessibleDescription(expect.stringContaining(nl.lock.validation.pin_invalid));
    await user.clear(screen.getByLabelText(nl.lock.settings.new_pin));
    await user.clear(screen.getByLabelText(nl.lock.settings.repeat_pin));
    await user.type(screen.getByLabelText(nl.lock.settings.new_pin), PIN);
    await user.type(screen.getByLabelText(nl.lock.settings.repeat_pin), `${PIN}{Enter}`);
    expect(await screen.findByText(PUPIL)).toBeInTheDocument();
    expect(fake.inputsOf('lock:setPin')).toEqual([{ currentSecret: '', pin: PIN }]);
  });
});
