// The app's gates (vault → first-run setup → screens) inside the page landmarks.
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/app-header.js';
import { Link } from './components/link.js';
import { Busy, ErrorMessage } from './components/status.js';
import { useDocumentTitle } from './components/use-document-title.js';
import { errorText } from './i18n.js';
import { paths, useRoute } from './router/router.js';
import { DossierListScreen } from './screens/dossier-list/dossier-list-screen.js';
import {
  ArrangementScreen, ArrangementsOverview, BeheerScreen, BudgetsScreen, ConflictenScreen, DossierScreen, InstellingenScreen,
  KindgesprekScreen, MdoScreen, SetupScreen, TermijnenScreen, TlvScreen,
} from './screens/lazy-screens.js';
import { VaultScreen } from './screens/vault/vault-screen.js';
import { useSession } from './stores/session-store.js';
import { ContractError, useTransport } from './transport/transport.js';

export function App() {
  const { t } = useTranslation();
  const transport = useTransport();
  const { vault, profile, setVault, setProfile } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (vault) return;
    transport.call('vault:status', {}).then(setVault, setFailure);
  }, [transport, vault, setVault, attempt]);

  useEffect(() => {
    if (vault?.state !== 'unlocked' || profile !== undefined) return;
    transport.call('setup:status', {}).then(
      (r) => setProfile(r.profile),
      (err: unknown) => {
        // The database was locked behind our back (e.g. the core restarted): ask again.
        if (err instanceof ContractError && err.code === 'locked') setVault(null);
        else setFailure(err);
      },
    );
  }, [transport, vault, profile, setProfile, setVault, attempt]);

  const route = useRoute();
  // Child mode fills the screen: no header, no navigation (leaving it is a deliberate act).
  const childMode = route.name === 'kindgesprek-kind';
  const stage = failure ? 'failure' : !vault ? 'starting' : vault.state !== 'unlocked' ? 'vault' : profile === undefined ? 'starting' : profile === null ? 'setup' : 'app';
  const shownStage = useRef<string | null>(null);
  // After unlocking or setting up, the screen changes under the user's focus: start them at the
  // new content. (The first screen after start-up keeps the browser's own focus.)
  useEffect(() => {
    if (stage === 'starting') return;
    if (shownStage.current && shownStage.current !== stage) document.getElementById('main')?.focus();
    shownStage.current = stage;
  }, [stage]);

  let content;
  if (failure) {
    content = (
      <StartFailure
        message={errorText(t, failure)}
        onRetry={() => {
          setFailure(null);
          setAttempt((a) => a + 1);
        }}
      />
    );
  } else if (!vault || (vault.state === 'unlocked' && profile === undefined)) {
    content = <Starting />;
  } else if (vault.state !== 'unlocked') {
    content = <VaultScreen state={vault.state} />;
  } else if (profile === null) {
    content = <SetupScreen />;
  } else {
    content = <Screens />;
  }
  const loading = <Busy>{t('common.loading')}</Busy>;

  return (
    <>
      {!(childMode && stage === 'app') && <AppHeader showNav={vault?.state === 'unlocked' && !!profile} />}
      <main id="main" tabIndex={-1} className={childMode && stage === 'app' ? 'app-main app-main-child' : 'app-main'}>
        <Suspense fallback={loading}>{content}</Suspense>
      </main>
    </>
  );
}

function Starting() {
  const { t } = useTranslation();
  useDocumentTitle('');
  return (
    <div className="narrow">
      <h1 className="visually-hidden">{t('app.name')}</h1>
      <Busy>{t('common.starting')}</Busy>
    </div>
  );
}

function StartFailure({ message, onRetry }: { message: string; onRetry(): void }) {
  const { t } = useTranslation();
  useDocumentTitle(t('common.error_title'));
  return (
    <div className="narrow">
      <h1>{t('common.error_title')}</h1>
      <ErrorMessage
        action={
          <button type="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        }
      >
        {message}
      </ErrorMessage>
    </div>
  );
}

function Screens() {
  const route = useRoute();
  const routeKey = 'id' in route ? `${route.name}/${route.id}` : route.name;
  const shown = useRef(routeKey);

  // After in-app navigation, move focus to the new screen so keyboard and screen reader users
  // start at its top (the first render keeps the browser's own focus).
  useEffect(() => {
    if (shown.current === routeKey) return;
    shown.current = routeKey;
    document.getElementById('main')?.focus();
  }, [routeKey]);

  switch (route.name) {
    case 'dossiers':
      return <DossierListScreen />;
    case 'dossier-new':
      return <DossierScreen key="new" id={null} />;
    case 'dossier':
      return <DossierScreen key={route.id} id={route.id} />;
    case 'mdo':
      return <MdoScreen key={route.id} dossierId={route.dossierId} id={route.id} />;
    case 'kindgesprek':
      return <KindgesprekScreen key={`p/${route.id}`} dossierId={route.dossierId} id={route.id} mode="professional" />;
    case 'kindgesprek-kind':
      return <KindgesprekScreen key={`k/${route.id}`} dossierId={route.dossierId} id={route.id} mode="kind" />;
    case 'beheer':
      return <BeheerScreen />;
    case 'arrangementen':
      return <ArrangementsOverview />;
    case 'arrangement':
      return <ArrangementScreen key={route.id} id={route.id} />;
    case 'budgetten':
      return <BudgetsScreen />;
    case 'tlv':
      return <TlvScreen key={route.id} id={route.id} />;
    case 'termijnen':
      return <TermijnenScreen />;
    case 'instellingen':
      return <InstellingenScreen />;
    case 'conflicten':
      return <ConflictenScreen />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('common.not_found_title'));
  return (
    <div>
      <h1>{t('common.not_found_title')}</h1>
      <p>{t('common.not_found_text')}</p>
      <p>
        <Link to={paths.dossiers}>{t('common.back_home')}</Link>
      </p>
    </div>
  );
}
