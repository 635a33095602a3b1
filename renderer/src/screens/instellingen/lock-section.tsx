// Instellingen → Vergrendeling: after how many idle minutes the app locks, and the PIN.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, type LockStatus } from '../../../../shared/contract/index.js';
import { TextField } from '../../components/field.js';
import { Busy, ErrorMessage, SuccessMessage } from '../../components/status.js';
import { errorText } from '../../i18n.js';
import { useLock } from '../../lock/lock-store.js';
import { currentSecretLabel, lockValidationText, PinForm } from '../../lock/pin-form.js';
import { ContractError, useTransport } from '../../transport/transport.js';

export function LockSection() {
  const { t } = useTranslation();
  const transport = useTransport();
  const status = useLock((s) => s.status);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    transport.call('lock:status', {}).then((s) => useLock.getState().setStatus(s), setFailure);
  }, [transport]);

  const saved = (s: LockStatus, message: string) => {
    useLock.getState().setStatus(s);
    setDone(message);
  };

  return (
    <section aria-labelledby="lock-settings-title" className="card">
      <h2 id="lock-settings-title">{t('lock.settings.heading')}</h2>
      <p>{t('lock.settings.intro')}</p>
      {!status && failure !== null && <ErrorMessage>{errorText(t, failure)}</ErrorMessage>}
      {!status && failure === null && <Busy>{t('common.loading')}</Busy>}
      {status && (
        <>
          <IdleForm status={status} onSaved={(s) => saved(s, t('lock.settings.idle_saved'))} />
          <p>{t(status.hasPin ? (status.hasPassphrase ? 'lock.settings.pin_is_set' : 'lock.settings.pin_is_set_os') : 'lock.settings.pin_none')}</p>
          <h3 id="lock-pin-title">{t(status.hasPin ? 'lock.settings.pin_heading_change' : 'lock.settings.pin_heading_set')}</h3>
          <PinForm status={status} idPrefix="lock-pin" onSaved={(s) => saved(s, t('lock.settings.pin_saved'))} />
          {status.hasPin && status.hasPassphrase && (
            <RemovePin status={status} onRemoved={(s) => saved(s, t('lock.settings.pin_removed'))} />
          )}
          {done && <SuccessMessage>{done}</SuccessMessage>}
        </>
      )}
    </section>
  );
}

function IdleForm({ status, onSaved }: { status: LockStatus; onSaved(s: LockStatus): void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [value, setValue] = useState(String(status.idleMinutes));
  const [error, setError] = useState('');
  const [failure, setFailure] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < IDLE_MINUTES_MIN || n > IDLE_MINUTES_MAX) {
      setError(lockValidationText(t, 'idle_range'));
      document.getElementById('lock-idle')?.focus();
      return;
    }
    setError('');
    try {
      onSaved(await transport.call('lock:saveSettings', { idleMinutes: n }));
    } catch (err) {
      setFailure(errorText(t, err));
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        id="lock-idle" label={t('lock.settings.idle_minutes')} hint={t('lock.settings.idle_hint')} value={value}
        onChange={(v) => {
          setValue(v);
          setError('');
        }}
        required error={error || undefined} maxLength={2}
      />
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <button type="submit">{t('lock.settings.save_idle')}</button>
    </form>
  );
}

function RemovePin({ status, onRemoved }: { status: LockStatus; onRemoved(s: LockStatus): void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    if (!secret) {
      setError(lockValidationText(t, 'required'));
      document.getElementById('lock-remove-secret')?.focus();
      return;
    }
    try {
      onRemoved(await transport.call('lock:removePin', { currentSecret: secret }));
    } catch (err) {
      const field = err instanceof ContractError ? err.fields.find((f) => f.path === 'currentSecret') : undefined;
      if (field) {
        setError(lockValidationText(t, field.key));
        document.getElementById('lock-remove-secret')?.focus();
      } else setFailure(errorText(t, err));
    } finally {
      setSecret('');
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <h3 id="lock-remove-title">{t('lock.settings.remove_pin')}</h3>
      <TextField
        id="lock-remove-secret" type="password" label={t(currentSecretLabel(status) ?? 'lock.settings.current_secret')}
        autoComplete="current-password" value={secret} onChange={(v) => {
          setSecret(v);
          setError('');
        }}
        required error={error || undefined}
      />
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <button type="submit">{t('lock.settings.remove_pin')}</button>
    </form>
  );
}
