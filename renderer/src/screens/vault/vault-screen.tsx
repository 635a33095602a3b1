// Choosing (first run) or entering (every start) the passphrase that protects the local database.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN } from '../../../../shared/contract/index.js';
import { TextField } from '../../components/field.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText, validationText } from '../../i18n.js';
import { useSession } from '../../stores/session-store.js';
import { ContractError, useTransport } from '../../transport/transport.js';

export function VaultScreen({ state }: { state: 'new' | 'locked' }) {
  return state === 'new' ? <CreateVault /> : <UnlockVault />;
}

function CreateVault() {
  const { t } = useTranslation();
  const transport = useTransport();
  const setVault = useSession((s) => s.setVault);
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ pass?: string; repeat?: string }>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('vault.new_title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (pass.length < PASSPHRASE_MIN) next.pass = 'passphrase_short';
    if (pass !== repeat) next.repeat = 'passphrase_mismatch';
    setErrors(next);
    setFailure('');
    if (next.pass || next.repeat) {
      document.getElementById(next.pass ? 'vault-pass' : 'vault-repeat')?.focus();
      return;
    }
    setBusy(true);
    try {
      setVault(await transport.call('vault:create', { passphrase: pass }));
    } catch (err) {
      const field = err instanceof ContractError ? err.fields.find((f) => f.path === 'passphrase') : undefined;
      if (field) setErrors({ pass: field.key });
      else setFailure(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow" aria-labelledby="vault-title">
      <h1 id="vault-title">{t('vault.new_title')}</h1>
      <p>{t('vault.new_intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="vault-pass"
          type="password"
          label={t('vault.passphrase')}
          hint={t('vault.passphrase_hint')}
          autoComplete="new-password"
          value={pass}
          onChange={setPass}
          required
          error={errors.pass ? validationText(t, errors.pass) : undefined}
        />
        <TextField
          id="vault-repeat"
          type="password"
          label={t('vault.passphrase_repeat')}
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          required
          error={errors.repeat ? validationText(t, errors.repeat) : undefined}
        />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        <button type="submit" className="button-primary" disabled={busy}>
          {t('vault.create')}
        </button>
        {busy && <Busy>{t('vault.creating')}</Busy>}
      </form>
    </section>
  );
}

function UnlockVault() {
  const { t } = useTranslation();
  const transport = useTransport();
  const setVault = useSession((s) => s.setVault);
  const [pass, setPass] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('vault.locked_title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    if (!pass) {
      setFieldError(validationText(t, 'required'));
      document.getElementById('vault-unlock-pass')?.focus();
      return;
    }
    setFieldError('');
    setBusy(true);
    try {
      setVault(await transport.call('vault:unlock', { passphrase: pass }));
    } catch (err) {
      if (err instanceof ContractError && err.code === 'wrong_passphrase') {
        setFieldError(t('errors.wrong_passphrase'));
        document.getElementById('vault-unlock-pass')?.focus();
      } else setFailure(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow" aria-labelledby="vault-title">
      <h1 id="vault-title">{t('vault.locked_title')}</h1>
      <p>{t('vault.locked_intro')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          id="vault-unlock-pass"
          type="password"
          label={t('vault.passphrase')}
          autoComplete="current-password"
          value={pass}
          onChange={(v) => {
            setPass(v);
            setFieldError('');
          }}
          required
          error={fieldError || undefined}
        />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        <button type="submit" className="button-primary" disabled={busy}>
          {t('vault.unlock')}
        </button>
        {busy && <Busy>{t('vault.unlocking')}</Busy>}
      </form>
    </section>
  );
}
