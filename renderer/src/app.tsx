// The app's gates (vault → first-run setup → screens) inside the page landmarks.
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/app-header.js';
import { Link } from './components/link.js';
import { Busy, ErrorMessage } from './components/status.js';
import { useDocumentTitle } from './components/use-document-title.js';
import { errorText } from './i18n.js';
import { LockScreen } from './lock/lock-screen.js';
import { useLock } from './lock/lock-store.js';
import { lockingTransport, type LockingTransport } from './lock/locking-transport.js';
import { PinSetupScreen } from './lock/pin-setup-screen.js';
import { useAppLock } from './lock/use-app-lock.js';
import { NoAccess } from './roles/no-access.js';
import { canOpen, homePath, shownRoute } from './roles/use-can.js';
import { useRoute } from './router/router.js';
import { DossierListScreen } from './screens/dossier-list/dossier-list-screen.js';
import {
  ArrangementScreen, ArrangementsOverview, AuditlogScreen, BeheerScreen, BudgetsScreen, CommissieScreen, ConflictenScreen, DossierScreen, InstellingenScreen,
  BewaartermijnenScreen, KindgesprekScreen, MdoScreen, MeetingScreen, SetupScreen, TermijnenScreen, TlvScreen,
} from './screens/lazy-screens.js';
import { VaultScreen } from './screens/vault/vault-screen.js';
import { useSession } from './stores/session-store.js';
import { ContractError, TransportContext, useTransport } from './transport/transport.js';

export function App() {
  // Every call goes through the lock's wrapper, so an `app_locked` answer anywhere shows the lock screen.
  const base = useTransport();
  const transport = useMemo(() => lockingTransport(base), [base]);
  return (
    <TransportContext.Provider value={transport}>
      <Shell transport={transport} />
    </TransportContext.Provider>
  );
}

function Shell({ transport }: { transport: LockingTransport }) {
  const { t } = useTranslation();
  const { vault, profile, setVault, setProfile } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (vault) return;
    transport.call('vault:status', {}).then(setVault, setFailure);
  }, [transport, vault, setVault, attempt]);

  const vaultOpen = vault?.state === 'unlocked';
  useAppLock(transport, vaultOpen && !failure);
  const lockPhase = useLock((s) => s.phase);
  const lockStatus = useLock((s) => s.status);

  useEffect(() => {
    if (vault?.state !== 'unlocked' || profile !== undefined || lockPhase === 'locked') return;
    transport.call('setup:status', {}).then(
      (r) => setProfile(r.profile),
      (err: unknown) => {
        // The database was locked behind our back (e.g. the core restarted): ask again.
        if (err instanceof ContractError && err.code === 'locked') setVault(null);
        // The app lock: the lock screen shows; asked again after unlocking.
        else if (err instanceof ContractError && err.code === 'app_locked') return;
        else setFailure(err);
      },
    );
  }, [transport, vault, profile, setProfile, setVault, attempt, lockPhase]);

  const route = useRoute();
  // Child mode fills the screen: no header, no navigation (leaving it is a deliberate act).
  const childMode = route.name === 'kindgesprek-kind';
  const appLocked = vaultOpen && lockPhase === 'locked';
  // Under the OS keyring nothing but a PIN can unlock the app lock: one is chosen first.
  const needsPin = !!lockStatus && !lockStatus.hasPin && !lockStatus.hasPassphrase;
  const stage = failure ? 'failure' : !vault ? 'starting' : vault.state !== 'unlocked' ? 'vault' : appLocked ? 'locked'
    : profile === undefined ? 'starting' : profile === null ? 'setup' : needsPin ? 'pin' : 'app';
  const shownStage = useRef<string | null>(null);
  // After unlocking or setting up, the screen changes under the user's focus: start them at the
  // new content. (The first screen after start-up keeps the browser's own focus.)
  useEffect(() => {
    if (stage === 'starting') return;
    // The lock screen puts focus in its own field; after unlocking, focus starts at the content.
    if (shownStage.current && shownStage.current !== stage && stage !== 'locked') document.getElementById('main')?.focus();
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
  } else if (!vault) {
    content = <Starting />;
  } else if (vault.state !== 'unlocked') {
    content = <VaultScreen state={vault.state} />;
  } else if (appLocked) {
    // Instead of everything else: the screens unmount, so nothing personal stays in the page.
    content = <LockScreen />;
  } else if (profile === undefined) {
    content = <Starting />;
  } else if (profile === null) {
    content = <SetupScreen />;
  } else if (needsPin && lockStatus) {
    content = <PinSetupScreen status={lockStatus} />;
  } else {
    content = <Screens />;
  }
  const loading = <Busy>{t('common.loading')}</Busy>;

  return (
    <>
      {!(childMode && stage === 'app') && <AppHeader showNav={stage === 'app'} />}
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
  const profile = useSession((s) => s.profile);
  // The start page is the role's home; a screen the role may not open shows "Geen toegang" (roles/).
  const route = shownRoute(useRoute(), profile?.role);
  const routeKey = 'id' in route ? `${route.name}/${route.id}` : route.name;
  const shown = useRef(routeKey);

  // After in-app navigation, move focus to the new screen so keyboard and screen reader users
  // start at its top (the first render keeps the browser's own focus).
  useEffect(() => {
    if (shown.current === routeKey) return;
    shown.current = routeKey;
    document.getElementById('main')?.focus();
  }, [routeKey]);

  if (!canOpen(profile, route)) return <NoAccess />;
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
    case 'bewaartermijnen':
      return <BewaartermijnenScreen />;
    case 'instellingen':
      return <InstellingenScreen />;
    case 'conflicten':
      return <ConflictenScreen />;
    case 'commissie':
      return <CommissieScreen />;
    case 'vergadering':
      return <MeetingScreen key={route.id} id={route.id} />;
    case 'auditlog':
      return <AuditlogScreen />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  const role = useSession((s) => s.profile?.role);
  useDocumentTitle(t('common.not_found_title'));
  return (
    <div>
      <h1>{t('common.not_found_title')}</h1>
      <p>{t('common.not_found_text')}</p>
      <p>
        <Link to={homePath(role)}>{t(role === 'beheerder' || role === 'secretaris' ? 'roles.back_home' : 'common.back_home')}</Link>
      </p>
    </div>
  );
}
