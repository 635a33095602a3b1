// @vitest-environment jsdom
// Instellingen → Vergrendeling: idle minutes, setting, changing and removing the PIN.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LockStatus } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { useLock } from '../../lock/lock-store.js';
import { lockStatus } from '../../lock/lock-test-data.js';
import { fakeTransport, validationError, type FakeHandlers } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { LockSection } from './lock-section.js';

beforeEach(() => useLock.getState().reset());

function setup(status: LockStatus, handlers: FakeHandlers = {}) {
  const fake = fakeTransport({ 'lock:status': () => status, ...handlers });
  renderWith(<LockSection />, fake);
  return fake;
}

const section = () => screen.getByRole('region', { name: nl.lock.settings.heading });

describe('Instellingen: Vergrendeling', () => {
  it('saves the idle minutes, checking the range first', async () => {
    const user = userEvent.setup();
    const fake = setup(lockStatus(), { 'lock:saveSettings': ({ idleMinutes }) => lockStatus({ idleMinutes }) });
    const minutes = await screen.findByLabelText(nl.lock.settings.idle_minutes);
    expect(minutes).toHaveValue('5');
    expect(minutes).toHaveAccessibleDescription(nl.lock.settings.idle_hint);
    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.click(screen.getByRole('button', { name: nl.lock.settings.save_idle }));
    expect(minutes).toHaveAccessibleDescription(expect.stringContaining(nl.lock.validation.idle_range));
    expect(minutes).toHaveFocus();
    expect(fake.inputsOf('lock:saveSettings')).toHaveLength(0);
    await user.clear(minutes);
    await user.type(minutes, '12{Enter}');
    expect(await screen.findByText(nl.lock.settings.idle_saved)).toBeInTheDocument();
    expect(fake.inputsOf('lock:saveSettings')).toEqual([{ idleMinutes: 12 }]);
    expect(useLock.getState().status?.idleMinutes).toBe(12);
  });

  it('sets a first PIN with the passphrase as the current secret; checks digits and the repeat', async () => {
    const user = userEvent.setup();
    const fake = setup(lockStatus(), { 'lock:setPin': () => lockStatus({ hasPin: true }) });
    expect(await within(section()).findByText(nl.lock.settings.pin_none)).toBeInTheDocument();
    await user.type(screen.getByLabelText(nl.lock.settings.new_pin), '12a456');
    await user.type(screen.getByLabelText(nl.lock.settings.repeat_pin), '123456');
    await user.click(screen.getByRole('button', { name: nl.lock.settings.set_pin }));
    const current = screen.getByLabelText(nl.lock.settings.current_passphrase);
    expect(current).toHaveAccessibleDescription(nl.validation.required);
    expect(current).toHaveFocus();
    expect(screen.getByLabelText(nl.lock.settings.new_pin)).toHaveAccessibleDescription(expect.stringContaining(nl.lock.validation.pin_invalid));
    expect(screen.getByLabelText(nl.lock.settings.repeat_pin)).toHaveAccessibleDescription(nl.lock.validation.pin_mismatch);
    await user.type(current, 'een lange wachtwoordzin');
    await user.clear(screen.getByLabelText(nl.lock.settings.new_pin));
    await user.type(screen.getByLabelText(nl.lock.settings.new_pin), '123456');
    await user.click(screen.getByRole('button', { name: nl.lock.settings.set_pin }));
    expect(await screen.findByText(nl.lock.settings.pin_saved)).toBeInTheDocument();
    expect(fake.inputsOf('lock:setPin')).toEqual([{ currentSecret: 'een lange wachtwoordzin', pin: '123456' }]);
    // Now a PIN exists: the form changes it, and it can be removed.
    expect(screen.getByRole('button', { name: nl.lock.settings.change_pin })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: nl.lock.settings.remove_pin })).toBeInTheDocument();
  });

  it("shows the core's answer about a wrong current secret at that field", async () => {
    const user = userEvent.setup();
    setup(lockStatus({ hasPin: true }), {
      'lock:setPin': () => {
        throw validationError([{ path: 'currentSecret', key: 'secret_wrong' }]);
      },
    });
    const current = (await screen.findAllByLabelText(nl.lock.settings.current_secret))[0]!;
    await user.type(current, '999999');
    await user.type(screen.getByLabelText(nl.lock.settings.new_pin), '123456');
    await user.type(screen.getByLabelText(nl.lock.settings.repeat_pin), '123456');
    await user.click(screen.getByRole('button', { name: nl.lock.settings.change_pin }));
    await waitFor(() => expect(current).toHaveAccessibleDescription(nl.lock.validation.secret_wrong));
    expect(current).toHaveFocus();
    expect(current).toHaveValue('');
  });

  it('removes the PIN with the current secret; under the OS keyring it cannot be removed', async () => {
    const user = userEvent.setup();
    const fake = setup(lockStatus({ hasPin: true }), {
      'lock:removePin': (_i, n) => {
        if (n === 0) throw validationError([{ path: 'currentSecret', key: 'secret_wait' }]);
        return lockStatus({ hasPin: false });
      },
    });
    const heading = await screen.findByRole('heading', { name: nl.lock.settings.remove_pin });
    const form = heading.closest('form')!;
    const field = within(form).getByLabelText(nl.lock.settings.current_secret);
    await user.type(field, '482916');
    await user.click(within(form).getByRole('button', { name: nl.lock.settings.remove_pin }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(nl.lock.validation.secret_wait));
    await user.type(field, '482916{Enter}');
    expect(await screen.findByText(nl.lock.settings.pin_removed)).toBeInTheDocument();
    expect(fake.inputsOf('lock:removePin')).toEqual([{ currentSecret: '482916' }, { currentSecret: '482916' }]);
    expect(screen.queryByRole('heading', { name: nl.lock.settings.remove_pin })).not.toBeInTheDocument();
  });

  it('under the OS keyring says a PIN is required and offers no removal', async () => {
    setup(lockStatus({ hasPin: true, hasPassphrase: false }));
    expect(await screen.findByText(nl.lock.settings.pin_is_set_os)).toBeInTheDocument();
    expect(screen.getByLabelText(nl.lock.settings.current_pin)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: nl.lock.settings.remove_pin })).not.toBeInTheDocument();
  });
});
