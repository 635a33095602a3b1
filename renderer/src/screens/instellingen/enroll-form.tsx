// The enrolment form: store URL, koppelcode and device name, checked with the contract's schema
// (Dutch messages at the fields), then `sync:enroll`; the core's message when linking fails.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { syncContract, type SyncStatus } from '../../../../shared/contract/index.js';
import { issuesOf } from '../../../../shared/domain/validation.js';
import { TextField } from '../../components/field.js';
import { ErrorMessage } from '../../components/status.js';
import { validationText } from '../../i18n.js';
import { useSession } from '../../stores/session-store.js';
import { useSyncStore } from '../../stores/sync-store.js';
import { syncFailureText } from '../../sync/sync-text.js';
import { ContractError, useTransport } from '../../transport/transport.js';

type FieldName = 'storeUrl' | 'code' | 'deviceName';
const FIELDS: FieldName[] = ['storeUrl', 'code', 'deviceName'];

interface Props {
  /** Id of the heading that names the form. */
  labelledBy: string;
  /** The paragraph above the fields. */
  intro: string;
  /** Field ids are `<idPrefix>-storeUrl` etc. (two forms never share a page, but tests may render both). */
  idPrefix?: string;
  onEnrolled(status: SyncStatus): void;
}

export function EnrollForm({ labelledBy, intro, idPrefix = 'enroll', onEnrolled }: Props) {
  const { t } = useTranslation();
  const transport = useTransport();
  const profileName = useSession((s) => s.profile?.name);
  const setStatus = useSyncStore((s) => s.setStatus);
  const [values, setValues] = useState<Record<FieldName, string>>(() => ({
    storeUrl: '',
    code: '',
    deviceName: profileName ? t('sync.settings.device_default', { name: profileName }) : t('sync.settings.device_default_plain'),
  }));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const fieldId = (f: FieldName) => `${idPrefix}-${f}`;

  const showIssues = (issues: { path: string; key: string }[]): boolean => {
    const next: Partial<Record<FieldName, string>> = {};
    for (const i of issues) {
      const f = i.path.split('.')[0] as FieldName;
      if (FIELDS.includes(f) && !next[f]) next[f] = i.key;
    }
    setErrors(next);
    const first = FIELDS.find((f) => next[f]);
    if (first) document.getElementById(fieldId(first))?.focus();
    return first !== undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure('');
    const parsed = syncContract['sync:enroll'].input.safeParse(values);
    if (!parsed.success) {
      showIssues(issuesOf(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const status = await transport.call('sync:enroll', parsed.data);
      setStatus(status);
      onEnrolled(status);
    } catch (err) {
      const shownAtField = err instanceof ContractError && err.fields.length > 0 && showIssues(err.fields);
      if (!shownAtField) setFailure(syncFailureText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: FieldName, label: string, hint: string, extra: { autoComplete?: string; maxLength?: number } = {}) => (
    <TextField
      id={fieldId(name)}
      label={label}
      hint={hint}
      value={values[name]}
      onChange={(v) => {
        setValues((s) => ({ ...s, [name]: v }));
        setErrors((s) => ({ ...s, [name]: undefined }));
      }}
      required
      error={errors[name] ? validationText(t, errors[name]) : undefined}
      {...extra}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} className="enroll-form">
      <p>{intro}</p>
      {field('storeUrl', t('sync.settings.store_url'), t('sync.settings.store_url_hint'), { autoComplete: 'url', maxLength: 300 })}
      {field('code', t('sync.settings.code'), t('sync.settings.code_hint'), { autoComplete: 'off', maxLength: 64 })}
      {field('deviceName', t('sync.settings.device_name'), t('sync.settings.device_name_hint'), { autoComplete: 'off', maxLength: 120 })}
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? t('sync.settings.enrolling') : t('sync.settings.enroll')}
      </button>
    </form>
  );
}
