// @vitest-environment jsdom
// Roles in the renderer: the menu, the start page and the "Geen toegang" page follow the role table.
import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/contract/index.js';
import type { Role } from '../../../shared/domain/dossier.js';
import { nl } from '../../../shared/i18n/nl.js';
import { App } from '../app.js';
import { useDossierList } from '../stores/dossier-list-store.js';
import { useSession } from '../stores/session-store.js';
import { id, makeDossier, schools, users, WG_ID } from '../test/data.js';
import { fakeTransport, type FakeHandlers } from '../test/fake-transport.js';
import { renderWith } from '../test/render.js';
import { makeSettings } from '../screens/commissie/commission-test-data.js';
import { canCall, homePath } from './use-can.js';

beforeEach(() => {
  useSession.setState({ vault: null, profile: undefined });
  useDossierList.getState().reset();
  window.location.hash = '';
});

const profileOf = (role: Role, linked = false): Profile => ({ userId: id(500), name: 'Ilse de Boer', role, associationName: 'SWV Noord', linked });

function handlers(role: Role, linked = false): FakeHandlers {
  return {
    'vault:status': () => ({ state: 'unlocked', protection: 'os' }),
    'lock:status': () => ({ locked: false, hasPin: true, hasPassphrase: false, idleMinutes: 5, failedAttempts: 0, retryAfterMs: 0 }),
    'setup:status': () => ({ profile: profileOf(role, linked) }),
    'dossiers:list': () => ({ total: 0, rows: [] }),
    'werkgebieden:list': () => [{ id: WG_ID, name: 'Alkmaar-Noord', schoolCount: 2 }],
    'schools:list': () => schools,
    'users:list': () => users,
    'commission:inbox': () => [],
    'commission:meetings': () => [],
    'commission:settings': () => makeSettings(),
  };
}

async function navLinks(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: nl.nav.label });
  return within(nav).getAllByRole('link').map((a) => a.textContent ?? '');
}

describe('menu per role', () => {
  const N = { dossiers: nl.nav.dossiers, arr: nl.arrangements.nav, budgets: nl.budgets.nav, termijnen: nl.termijnen.nav, commission: nl.commission.nav,
    beheer: nl.nav.beheer, settings: nl.sync.nav_settings };

  it('consultant (linked): casework, budgets; no commission, no beheer', async () => {
    renderWith(<App />, fakeTransport(handlers('consulent', true)));
    const links = await navLinks();
    expect(links).toEqual(expect.arrayContaining([N.dossiers, N.arr, N.budgets, N.termijnen, N.settings]));
    expect(links).not.toContain(N.commission);
    expect(links).not.toContain(N.beheer);
  });

  it('secretary (linked): dossiers to check applications and the commission; no beheer', async () => {
    renderWith(<App />, fakeTransport(handlers('secretaris', true)));
    const links = await navLinks();
    expect(links).toEqual(expect.arrayContaining([N.dossiers, N.arr, N.commission, N.settings]));
    expect(links).not.toContain(N.beheer);
  });

  it('school (linked): casework only', async () => {
    renderWith(<App />, fakeTransport(handlers('school', true)));
    const links = await navLinks();
    expect(links).toEqual(expect.arrayContaining([N.dossiers, N.arr, N.termijnen, N.settings]));
    for (const no of [N.commission, N.beheer, N.budgets]) expect(links).not.toContain(no);
  });

  it('beheerder: configuration and the audit log; no dossiers', async () => {
    renderWith(<App />, fakeTransport(handlers('beheerder', true)));
    const links = await navLinks();
    expect(links).toEqual(expect.arrayContaining([N.beheer, N.budgets, N.settings, nl.auditlog.nav]));
    for (const no of [N.dossiers, N.arr, N.termijnen, N.commission]) expect(links).not.toContain(no);
  });

  it('standalone: the local user also configures their installation (Beheer)', async () => {
    renderWith(<App />, fakeTransport(handlers('school', false)));
    expect(await navLinks()).toContain(N.beheer);
  });
});

describe('start page per role', () => {
  it('the beheerder starts in Beheer, the secretary in the commission, others in the dossiers', () => {
    expect(homePath('beheerder')).toBe('#/beheer');
    expect(homePath('secretaris')).toBe('#/commissie');
    expect(homePath('consulent')).toBe('#/dossiers');
    expect(homePath('school')).toBe('#/dossiers');
  });

  it('shows the beheerder Beheer at the start page', async () => {
    renderWith(<App />, fakeTransport(handlers('beheerder', true)));
    expect(await screen.findByRole('heading', { level: 1, name: nl.beheer.title })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: nl.nav.label });
    expect(within(nav).getByRole('link', { name: nl.nav.beheer })).toHaveAttribute('aria-current', 'page');
  });

  it('shows the secretary the commission at the start page', async () => {
    renderWith(<App />, fakeTransport(handlers('secretaris', true)));
    const nav = await screen.findByRole('navigation', { name: nl.nav.label });
    expect(within(nav).getByRole('link', { name: nl.commission.nav })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('heading', { level: 1, name: nl.roles.no_access_title })).not.toBeInTheDocument();
  });

  it('shows a consultant the dossiers at the start page', async () => {
    renderWith(<App />, fakeTransport(handlers('consulent')));
    const nav = await screen.findByRole('navigation', { name: nl.nav.label });
    expect(within(nav).getByRole('link', { name: nl.nav.dossiers })).toHaveAttribute('aria-current', 'page');
  });
});

describe('Geen toegang', () => {
  it('replaces a screen the role may not open, links home, and passes axe', async () => {
    window.location.hash = '#/dossiers';
    const fake = fakeTransport(handlers('beheerder', true));
    renderWith(<App />, fake);
    expect(await screen.findByRole('heading', { level: 1, name: nl.roles.no_access_title })).toBeInTheDocument();
    expect(screen.getByText(nl.roles.no_access_text.replace('{{role}}', nl.enums.role.beheerder))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: nl.roles.back_home })).toHaveAttribute('href', '#/beheer');
    expect(document.title).toContain(nl.roles.no_access_title);
    // The screen did not even ask for the data.
    expect(fake.calls.map((c) => c.method)).not.toContain('dossiers:list');
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('keeps the secretary out of MDO reports and the child conversation', async () => {
    window.location.hash = `#/dossiers/${id(1)}/mdo/${id(2)}`;
    renderWith(<App />, fakeTransport(handlers('secretaris', true)));
    expect(await screen.findByRole('heading', { level: 1, name: nl.roles.no_access_title })).toBeInTheDocument();
  });

  it('shows the secretary a dossier read-only, without MDO reports, kindgesprekken and afspraken', async () => {
    const dossier = makeDossier();
    window.location.hash = `#/dossiers/${dossier.id}`;
    const fake = fakeTransport({
      ...handlers('secretaris', true), 'dossiers:get': () => dossier, 'termijnen:list': () => ({ today: '2026-11-02', items: [] }),
      'arrangements:list': () => ({ rows: [], totals: { count: 0, totalCents: 0 } }), 'tlv:list': () => [],
    });
    renderWith(<App />, fake);
    expect(await screen.findByLabelText(nl.dossier.voornaam)).toBeDisabled();
    expect(screen.queryByRole('button', { name: nl.dossier.close })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: nl.mdo.list_title })).not.toBeInTheDocument();
    // Applications are read, not written: no "new TLV" or "new arrangement" button that would be refused.
    expect(await screen.findByRole('heading', { name: nl.tlv.list_title })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: nl.tlv.create })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: nl.arrangements.create })).not.toBeInTheDocument();
    const asked = fake.calls.map((c) => c.method);
    for (const m of ['mdo:list', 'kindgesprek:list', 'actions:list']) expect(asked).not.toContain(m);
  });

  it('useCan follows the table; with no profile known yet nothing is hidden (the core decides)', () => {
    expect(canCall(profileOf('secretaris', true), 'mdo:get')).toBe(false);
    expect(canCall(profileOf('secretaris', true), 'commission:decide')).toBe(true);
    expect(canCall(profileOf('school', true), 'schools:save')).toBe(false);
    expect(canCall(profileOf('school', false), 'schools:save')).toBe(true);
    expect(canCall(null, 'dossiers:list')).toBe(false);
    expect(canCall(undefined, 'dossiers:list')).toBe(true);
  });
});
