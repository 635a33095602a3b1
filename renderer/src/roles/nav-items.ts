// The header's navigation, one entry per destination, each shown only to roles that may call its method
// (shared/contract/roles.ts). Adding a screen to the menu is one entry here.
import type { Method } from '../../../shared/contract/index.js';
import { paths, type Route } from '../router/router.js';

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  /** Routes for which this item is the current page. */
  routes: readonly Route['name'][];
  method: Method;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: paths.dossiers, label: 'nav.dossiers', routes: ['dossiers', 'dossier', 'dossier-new', 'mdo', 'kindgesprek', 'kindgesprek-kind', 'tlv'], method: 'dossiers:list' },
  { to: paths.arrangementen, label: 'arrangements.nav', routes: ['arrangementen', 'arrangement'], method: 'arrangements:list' },
  { to: paths.budgetten, label: 'budgets.nav', routes: ['budgetten'], method: 'budgets:list' },
  { to: paths.termijnen, label: 'termijnen.nav', routes: ['termijnen'], method: 'termijnen:list' },
  { to: paths.commissie, label: 'commission.nav', routes: ['commissie', 'vergadering'], method: 'commission:inbox' },
  { to: paths.bewaartermijnen, label: 'retention.nav', routes: ['bewaartermijnen'], method: 'retention:due' },
  { to: paths.beheer, label: 'nav.beheer', routes: ['beheer'], method: 'schools:save' },
  { to: paths.instellingen, label: 'sync.nav_settings', routes: ['instellingen'], method: 'sync:status' },
  // The audit log: the privacy officer's (beheerder role).
  { to: paths.auditlog, label: 'auditlog.nav', routes: ['auditlog'], method: 'audit:search' },
];
