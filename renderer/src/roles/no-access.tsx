// Shown instead of a screen the user's role may not open (the core would refuse its data anyway).
import { useTranslation } from 'react-i18next';
import { Link } from '../components/link.js';
import { useDocumentTitle } from '../components/use-document-title.js';
import { useSession } from '../stores/session-store.js';
import { homePath } from './use-can.js';

export function NoAccess() {
  const { t } = useTranslation();
  const profile = useSession((s) => s.profile);
  useDocumentTitle(t('roles.no_access_title'));
  return (
    <div className="narrow">
      <h1>{t('roles.no_access_title')}</h1>
      <p>{t('roles.no_access_text', { role: profile ? t(`enums.role.${profile.role}`) : '' })}</p>
      <p>
        <Link to={homePath(profile?.role)}>{t('roles.back_home')}</Link>
      </p>
    </div>
  );
}
