// `#/instellingen`: linking this device with the association's store (enrolment), and once linked,
// what it is linked to and how the last sync went.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/index.js';
import { formatDateTime } from '../../../../shared/format.js';
import { Link } from '../../components/link.js';
import { Busy, ErrorMessage, SuccessMessage } from '../../components/status.js';
import { syncStateText } from '../../components/sync-indicator.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { refreshSyncStatus, useSyncStore } from '../../stores/sync-store.js';
import { syncErrorText } from '../../sync/sync-text.js';
import { useTransport } from '../../transport/transport.js';
import { EnrollForm } from './enroll-form.js';
import { LockSection } from './lock-section.js';

export function InstellingenScreen() {
  const { t } = useTranslation();
  const transport = useTransport();
  const status = useSyncStore((s) => s.status);
  const failure = useSyncStore((s) => s.failure);
  const [enrolledName, setEnrolledName] = useState('');
  useDocumentTitle(t('sync.settings.title'));

  // The header polls too, but this screen should not wait up to ten seconds for its first answer.
  useEffect(() => {
    void refreshSyncStatus(transport);
  }, [transport]);

  return (
    <div className="instellingen narrow-wide">
      <h1>{t('sync.settings.title')}</h1>
      <section aria-labelledby="enroll-title" className="card">
        <h2 id="enroll-title" tabIndex={-1}>
          {t('sync.settings.enroll_heading')}
        </h2>
        {enrolledName && <SuccessMessage>{t('sync.settings.enrolled', { name: enrolledName })}</SuccessMessage>}
        {!status && failure !== null && (
          <ErrorMessage
            action={
              <button type="button" onClick={() => void refreshSyncStatus(transport)}>
                {t('common.retry')}
              </button>
            }
          >
            {errorText(t, failure)}
          </ErrorMessage>
        )}
        {!status && failure === null && <Busy>{t('common.loading')}</Busy>}
        {status?.state === 'not_enrolled' && (
          <EnrollForm
            labelledBy="enroll-title"
            intro={t('sync.settings.enroll_intro')}
            onEnrolled={(s) => {
              setEnrolledName(s.associationName ?? '');
              // The form is replaced by the linked details: keep the user's place at the section.
              setTimeout(() => document.getElementById('enroll-title')?.focus(), 0);
            }}
          />
        )}
        {status && status.state !== 'not_enrolled' && <EnrolledDetails status={status} />}
      </section>
      <LockSection />
    </div>
  );
}

function EnrolledDetails({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const problem = status.errorKey ? syncErrorText(t, status.errorKey) : '';
  return (
    <>
      <dl className="sync-details">
        <dt>{t('sync.settings.association')}</dt>
        <dd>{status.associationName ?? '—'}</dd>
        <dt>{t('sync.settings.device')}</dt>
        <dd>{status.deviceName ?? '—'}</dd>
        <dt>{t('sync.settings.server')}</dt>
        <dd className="sync-url">{status.storeUrl ?? '—'}</dd>
        <dt>{t('sync.settings.last_sync')}</dt>
        <dd>{status.lastSyncAt ? formatDateTime(status.lastSyncAt, lang) : t('sync.settings.never')}</dd>
        <dt>{t('sync.settings.state')}</dt>
        <dd>{syncStateText(t, status, lang)}</dd>
        {problem && (
          <>
            <dt>{t('sync.settings.last_error')}</dt>
            <dd>{problem}</dd>
          </>
        )}
      </dl>
      {status.insecure && <p className="message message-warning">{t('sync.insecure_warning')}</p>}
      <p>
        <Link to={paths.conflicten}>{t('sync.settings.to_conflicts')}</Link>
      </p>
    </>
  );
}
