// On the first-run screen: link this (still empty) device with the association's store. The store's
// user becomes this device's profile, so there is no separate setup step. Linking later, from
// Instellingen, needs an empty local database too; the core says so when it is not.
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session-store.js';
import { useTransport } from '../../transport/transport.js';
import { EnrollForm } from './enroll-form.js';

export function SetupEnrollSection() {
  const { t } = useTranslation();
  const transport = useTransport();
  const setProfile = useSession((s) => s.setProfile);
  return (
    <section aria-labelledby="setup-enroll" className="card">
      <h2 id="setup-enroll">{t('sync.settings.enroll_heading')}</h2>
      <EnrollForm
        labelledBy="setup-enroll"
        idPrefix="setup-enroll"
        intro={t('sync.settings.setup_intro')}
        onEnrolled={() => {
          // The core made the store's user this device's profile: pick it up (the app then opens).
          transport.call('setup:status', {}).then(
            (r) => setProfile(r.profile),
            () => setProfile(undefined),
          );
        }}
      />
    </section>
  );
}
