import { useTranslation } from 'react-i18next';
import { LANGS } from '../../../shared/i18n/index.js';
import { LockButton } from '../lock/lock-button.js';
import { paths, useRoute } from '../router/router.js';
import { useLanguage } from '../stores/language-store.js';
import { useSession } from '../stores/session-store.js';
import { Link } from './link.js';
import { SyncIndicator } from './sync-indicator.js';

export function AppHeader({ showNav }: { showNav: boolean }) {
  const { t } = useTranslation();
  const profile = useSession((s) => s.profile);
  const { lang, setLang } = useLanguage();
  const route = useRoute();
  const own = ['beheer', 'not-found', 'arrangementen', 'arrangement', 'budgetten', 'termijnen', 'instellingen', 'conflicten', 'commissie', 'vergadering'];
  const inDossiers = !own.includes(route.name);
  const item = (to: string, label: string, current: boolean) => (
    <li>
      <Link to={to} aria-current={current ? 'page' : undefined}>{label}</Link>
    </li>
  );

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
            <li>
              <Link to={paths.dossiers} aria-current={inDossiers ? 'page' : undefined}>
                {t('nav.dossiers')}
              </Link>
            </li>
            {item(paths.arrangementen, t('arrangements.nav'), route.name === 'arrangementen' || route.name === 'arrangement')}
            {item(paths.budgetten, t('budgets.nav'), route.name === 'budgetten')}
            {item(paths.termijnen, t('termijnen.nav'), route.name === 'termijnen')}
            {item(paths.commissie, t('commission.nav'), route.name === 'commissie' || route.name === 'vergadering')}
            <li>
              <Link to={paths.beheer} aria-current={route.name === 'beheer' ? 'page' : undefined}>
                {t('nav.beheer')}
              </Link>
            </li>
            {item(paths.instellingen, t('sync.nav_settings'), route.name === 'instellingen')}
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
