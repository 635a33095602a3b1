// First run: the user's own profile, the demo association to try things out, or linking with the
// association's store.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/domain/dossier.js';
import { TextField } from '../../components/field.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText, validationText } from '../../i18n.js';
import { SetupEnrollSection } from '../instellingen/setup-enroll-section.js';
import { useSession } from '../../stores/session-store.js';
import { ContractError, useTransport } from '../../transport/transport.js';

type FieldErrors = Partial<Record<'name' | 'role' | 'associationName', string>>;

export function SetupScreen() {
  const { t } = useTranslation();
  const transport = useTransport();
  const setProfile = useSession((s) => s.setProfile);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [association, setAssociation] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState<'' | 'complete' | 'demo'>('');
  useDocumentTitle(t('setup.title'));

  const complete = async (e: FormEvent) => {
    e.preventDefault();
    const next: FieldErrors = {};
    if (!name.trim()) next.name = 'required';
    if (!role) next.role = 'choose_option';
    if (!association.trim()) next.associationName = 'required';
    setErrors(next);
    setFailure('');
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(first === 'role' ? `setup-role-${ROLES[0]}` : `setup-${first}`)?.focus();
      return;
    }
    setBusy('complete');
    try {
      setProfile(await transport.call('setup:complete', { name, role: role as Role, associationName: association }));
    } catch (err) {
      if (err instanceof ContractError && err.fields.length) {
        setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.key])) as FieldErrors);
      } else setFailure(errorText(t, err));
    } finally {
      setBusy('');
    }
  };

  const loadDemo = async () => {
    setFailure('');
    setBusy('demo');
    try {
      const res = await transport.call('setup:loadDemo', {});
      setProfile(res.profile);
    } catch (err) {
      setFailure(errorText(t, err));
    } finally {
      setBusy('');
    }
  };

  const roleError = errors.role ? validationText(t, errors.role) : undefined;
  return (
    <div className="narrow">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <section aria-labelledby="setup-own" className="card">
        <h2 id="setup-own">{t('setup.own_heading')}</h2>
        <form onSubmit={complete} noValidate>
          <TextField
            id="setup-name"
            label={t('setup.name')}
            value={name}
            onChange={setName}
            autoComplete="name"
            required
            error={errors.name ? validationText(t, errors.name) : undefined}
          />
          <fieldset
            className="radio-group"
            aria-describedby={roleError ? 'setup-role-error' : undefined}
          >
            <legend>{t('setup.role')}</legend>
            {ROLES.map((r) => (
              <div key={r} className="radio">
                <input
                  type="radio"
                  id={`setup-role-${r}`}
                  name="setup-role"
                  value={r}
                  checked={role === r}
                  onChange={() => setRole(r)}
                />
                <label htmlFor={`setup-role-${r}`}>{t(`enums.role.${r}`)}</label>
              </div>
            ))}
            {roleError && (
              <p id="setup-role-error" className="field-error">
                {roleError}
              </p>
            )}
          </fieldset>
          <TextField
            id="setup-associationName"
            label={t('setup.association')}
            value={association}
            onChange={setAssociation}
            autoComplete="organization"
            required
            error={errors.associationName ? validationText(t, errors.associationName) : undefined}
          />
          <button type="submit" className="button-primary" disabled={busy !== ''}>
            {t('setup.complete')}
          </button>
          {busy === 'complete' && <Busy>{t('common.saving')}</Busy>}
        </form>
      </section>
      <section aria-labelledby="setup-demo" className="card">
        <h2 id="setup-demo">{t('setup.demo_heading')}</h2>
        <p>{t('setup.demo_intro')}</p>
        <button type="button" onClick={loadDemo} disabled={busy !== ''}>
          {t('setup.demo')}
        </button>
        {busy === 'demo' && <Busy>{t('setup.loading')}</Busy>}
      </section>
      <SetupEnrollSection />
    </div>
  );
}
