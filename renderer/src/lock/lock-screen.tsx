// Shown instead of ALL content while the app is locked: the screens are unmounted, so no personal
// data stays in the page. Unlocks with the PIN or the passphrase; during backoff a countdown.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockStatus } from '../../../shared/contract/index.js';
import { TextField } from '../components/field.js';
import { Busy, ErrorMessage } from '../components/status.js';
import { useDocumentTitle } from '../components/use-document-title.js';
import { errorText, validationText } from '../i18n.js';
import { useTransport } from '../transport/transport.js';
import { useLock } from './lock-store.js';

const FIELD_ID = 'lock-secret';

/** `m:ss` for the countdown. */
export function formatWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Milliseconds left until `until`, ticking every second while above zero. */
function useCountdown(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, until - now);
  useEffect(() => {
    if (until <= Date.now()) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [until]);
  return left;
}

function kind(status: LockStatus | null): 'both' | 'pin' | 'passphrase' {
  if (!status) return 'both';
  if (status.hasPin && status.hasPassphrase) return 'both';
  return status.hasPin ? 'pin' : 'passphrase';
}

export function LockScreen() {
  const { t } = useTranslation();
  const transport = useTransport();
  const status = useLock((s) => s.status);
  const [secret, setSecret] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [until, setUntil] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const left = useCountdown(until);
  useDocumentTitle(t('lock.title'));

  const learn = (s: LockStatus) => {
    setUntil(s.retryAfterMs > 0 ? Date.now() + s.retryAfterMs : 0);
    useLock.setState({ status: s });
  };

  // The core's view: which secrets work and whether a wait is running (also after a reload).
  useEffect(() => {
    inputRef.current?.focus();
    transport.call('lock:status', {}).then((s) => {
      if (s.locked) learn(s);
      else useLock.getState().setStatus(s);
    }, (err: unknown) => setFailure(errorText(t, err)));
    // Once, on showing the screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [transport]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || left > 0) return;
    setFailure('');
    if (!secret) {
      setFieldError(validationText(t, 'required'));
      inputRef.current?.focus();
      return;
    }
    setFieldError('');
    setBusy(true);
    try {
      const answer = await transport.call('lock:unlock', { secret });
      if (answer.result === 'unlocked') {
        useLock.getState().setStatus(answer.status);
        return;
      }
      learn(answer.status);
      setSecret('');
      if (answer.result === 'wrong_secret') setFieldError(t('lock.wrong_secret'));
      inputRef.current?.focus();
    } catch (err) {
      setFailure(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const k = kind(status);
  return (
    <section className="narrow lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title">{t('lock.title')}</h1>
      <p>{t(`lock.intro_${k}`)}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          id={FIELD_ID}
          type="password"
          label={t(`lock.secret_${k}`)}
          autoComplete="current-password"
          inputRef={inputRef}
          value={secret}
          onChange={(v) => {
            setSecret(v);
            setFieldError('');
          }}
          required
          error={fieldError || undefined}
        />
        {left > 0 && (
          <div className="message message-warning">
            <p role="alert">{t('lock.wait_alert')}</p>
            {/* Not live: a screen reader would hear every second. */}
            <p>{t('lock.wait', { time: formatWait(left) })}</p>
          </div>
        )}
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        <button type="submit" className="button-primary" disabled={busy || left > 0}>
          {t('lock.unlock')}
        </button>
        {busy && <Busy>{t('lock.unlocking')}</Busy>}
      </form>
    </section>
  );
}
