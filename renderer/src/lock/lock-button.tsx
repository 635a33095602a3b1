// "Vergrendelen" in the header: locks at once (the same as Ctrl+L or Cmd+L).
import { useTranslation } from 'react-i18next';
import { canLock, useLock } from './lock-store.js';

export function LockButton() {
  const { t } = useTranslation();
  const phase = useLock((s) => s.phase);
  const status = useLock((s) => s.status);
  if (phase !== 'open' || !canLock(status)) return null;
  return (
    <button type="button" className="lock-button" aria-keyshortcuts="Control+L Meta+L" onClick={() => useLock.getState().requestLock()}>
      {t('lock.lock_now')}
    </button>
  );
}
