import { useTranslation } from 'react-i18next';
import { LANGS } from '../../../shared/i18n/index.js';
import { LockButton } from '../lock/lock-button.js';
import { NAV_ITEMS } from '../roles/nav-items.js';
import { canCall, shownRoute } from '../roles/use-can.js';
import { useRoute } from '../router/router.js';
import { useLanguage } from '../stores/language-store.js';
import { useSession } from '../stores/session-store.js';
import { Link } from './link.js';
import { SyncIndicator } from './sync-indicator.js';

export function AppHeader({ showNav }: { showNav: boolean }) {
  const { t } = useTranslation();
  const profile = useSession((s) => s.profile);
  const { lang, setLang } = useLanguage();
  // The start page is the role's home: its item is the current one.
  const route = shownRoute(useRoute(), profile?.role);
  // Data-driven: each item shows only for roles that may call its method (shared/contract/roles.ts).
  const items = NAV_ITEMS.filter((i) => canCall(profile, i.method));

  return (
    <header className="app-header">
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          // Not a hash change: that would be read as a route.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('common.skip_to_content')}
      </a>
      <p className="app-name">{t('app.name')}</p>
      {showNav && (
        <nav aria-label={t('nav.label')} className="app-nav">
          <ul>
            {items.map((i) => (
              <li key={i.to}>
                <Link to={i.to} aria-current={i.routes.includes(route.name) ? 'page' : undefined}>{t(i.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="app-header-end">
        {showNav && <SyncIndicator />}
        {showNav && profile && (
          <p className="app-user">
            <span>{t('nav.user', { name: profile.name, role: t(`enums.role.${profile.role}`) })}</span>
            <span className="app-association">{t('nav.association', { name: profile.associationName })}</span>
          </p>
        )}
        {showNav && <LockButton />}
        <div role="group" aria-label={t('nav.language')} className="lang-switch">
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
              {t(`nav.lang_${l}`)}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
