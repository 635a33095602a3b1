// Setting or changing the PIN: the current secret (when one exists), the new PIN twice.
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PIN_RE, type LockStatus } from '../../../shared/contract/index.js';
import { TextField } from '../components/field.js';
import { ErrorMessage } from '../components/status.js';
import { errorText, i18n, validationText } from '../i18n.js';
import { ContractError, useTransport } from '../transport/transport.js';

/** `lock.validation.<key>`, else the general validation text. */
export function lockValidationText(t: TFunction, key: string): string {
  return i18n.exists(`lock.validation.${key}`) ? t(`lock.validation.${key}`) : validationText(t, key);
}

/** Which secret the "current" field asks for, or null when none exists yet (first PIN, OS keyring). */
export function currentSecretLabel(status: LockStatus): string | null {
  if (status.hasPin && status.hasPassphrase) return 'lock.settings.current_secret';
  if (status.hasPin) return 'lock.settings.current_pin';
  if (status.hasPassphrase) return 'lock.settings.current_passphrase';
  return null;
}

type Errors = { currentSecret?: string; pin?: string; repeat?: string };

export function PinForm({ status, idPrefix, onSaved }: {
  status: LockStatus;
  idPrefix: string;
  onSaved(status: LockStatus): void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const currentLabel = currentSecretLabel(status);
  const id = (f: keyof Errors) => `${idPrefix}-${f}`;

  const show = (next: Errors) => {
    setErrors(next);
    const first = (['currentSecret', 'pin', 'repeat'] as const).find((f) => next[f]);
    if (first) document.getElementById(id(first))?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    const next: Errors = {};
    if (currentLabel && !current) next.currentSecret = 'required';
    if (!PIN_RE.test(pin)) next.pin = 'pin_invalid';
    if (pin !== repeat) next.repeat = 'pin_mismatch';
    if (Object.keys(next).length) return show(next);
    setErrors({});
    setBusy(true);
    try {
      const saved = await transport.call('lock:setPin', { currentSecret: current, pin });
      setCurrent('');
      setPin('');
      setRepeat('');
      onSaved(saved);
    } catch (err) {
      const fields = err instanceof ContractError ? err.fields : [];
      if (fields.length) {
        show(Object.fromEntries(fields.map((f) => [f.path, f.key])) as Errors);
        setCurrent('');
      } else setFailure(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const err = (f: keyof Errors) => (errors[f] ? lockValidationText(t, errors[f]) : undefined);
  return (
    <form onSubmit={submit} noValidate aria-busy={busy}>
      {currentLabel && (
        <TextField
          id={id('currentSecret')} type="password" label={t(currentLabel)} autoComplete="current-password"
          value={current} onChange={setCurrent} required error={err('currentSecret')}
        />
      )}
      <TextField
        id={id('pin')} type="password" label={t('lock.settings.new_pin')} hint={t('lock.settings.new_pin_hint')}
        autoComplete="new-password" value={pin} onChange={setPin} required error={err('pin')} maxLength={12}
      />
      <TextField
        id={id('repeat')} type="password" label={t('lock.settings.repeat_pin')} autoComplete="new-password"
        value={repeat} onChange={setRepeat} required error={err('repeat')} maxLength={12}
      />
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <button type="submit" className="button-primary" disabled={busy}>
        {t(status.hasPin ? 'lock.settings.change_pin' : 'lock.settings.set_pin')}
      </button>
    </form>
  );
}
