// Under the OS keyring there is no passphrase, so without a PIN nothing could unlock the app lock:
// the PIN is chosen before the screens are shown (once per device).
import { useTranslation } from 'react-i18next';
import type { LockStatus } from '../../../shared/contract/index.js';
import { useDocumentTitle } from '../components/use-document-title.js';
import { useLock } from './lock-store.js';
import { PinForm } from './pin-form.js';

export function PinSetupScreen({ status }: { status: LockStatus }) {
  const { t } = useTranslation();
  useDocumentTitle(t('lock.pin_setup_title'));
  return (
    <section className="narrow" aria-labelledby="pin-setup-title">
      <h1 id="pin-setup-title">{t('lock.pin_setup_title')}</h1>
      <p>{t('lock.pin_setup_intro')}</p>
      <PinForm status={status} idPrefix="pin-setup" onSaved={(s) => useLock.getState().setStatus(s)} />
    </section>
  );
}
