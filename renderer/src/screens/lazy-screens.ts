// Screens loaded on first use: a cold start needs only the vault and the dossier list, so the rest
// stays out of the first bundle (each becomes its own same-origin chunk, which the CSP allows).
import { lazy } from 'react';

export const SetupScreen = lazy(() => import('./setup/setup-screen.js').then((m) => ({ default: m.SetupScreen })));
export const DossierScreen = lazy(() => import('./dossier/dossier-screen.js').then((m) => ({ default: m.DossierScreen })));
export const MdoScreen = lazy(() => import('./mdo/mdo-screen.js').then((m) => ({ default: m.MdoScreen })));
export const KindgesprekScreen = lazy(() => import('./kindgesprek/kg-screen.js').then((m) => ({ default: m.KindgesprekScreen })));
export const BeheerScreen = lazy(() => import('./beheer/beheer-screen.js').then((m) => ({ default: m.BeheerScreen })));
export const ArrangementsOverview = lazy(() =>
  import('./arrangements/arr-overview.js').then((m) => ({ default: m.ArrangementsOverview })),
);
export const ArrangementScreen = lazy(() => import('./arrangements/arr-screen.js').then((m) => ({ default: m.ArrangementScreen })));
export const BudgetsScreen = lazy(() => import('./budgets/budgets-screen.js').then((m) => ({ default: m.BudgetsScreen })));
export const TlvScreen = lazy(() => import('./tlv/tlv-screen.js').then((m) => ({ default: m.TlvScreen })));
export const TermijnenScreen = lazy(() => import('./termijnen/termijnen-screen.js').then((m) => ({ default: m.TermijnenScreen })));
export const BewaartermijnenScreen = lazy(() =>
  import('./bewaartermijnen/bewaartermijnen-screen.js').then((m) => ({ default: m.BewaartermijnenScreen })));
export const InstellingenScreen = lazy(() =>
  import('./instellingen/instellingen-screen.js').then((m) => ({ default: m.InstellingenScreen })),
);
export const CommissieScreen = lazy(() => import('./commissie/commissie-screen.js').then((m) => ({ default: m.CommissieScreen })));
export const MeetingScreen = lazy(() => import('./commissie/meeting-screen.js').then((m) => ({ default: m.MeetingScreen })));
export const AuditlogScreen = lazy(() => import('./auditlog/auditlog-screen.js').then((m) => ({ default: m.AuditlogScreen })));
export const ConflictenScreen = lazy(() => import('./conflicten/conflicten-screen.js').then((m) => ({ default: m.ConflictenScreen })));
