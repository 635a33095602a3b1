// @vitest-environment jsdom
// axe-core on the main screens. jsdom has no layout, so colour contrast is checked in the
// browser (end-to-end); everything structural (names, roles, ARIA, labels) is checked here.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { nl } from '../../shared/i18n/nl.js';
import { App } from './app.js';
import { useDossierList } from './stores/dossier-list-store.js';
import { useSession } from './stores/session-store.js';
import { id, makeDossier, schools, users, WG_ID } from './test/data.js';
import { fakeTransport, type FakeHandlers } from './test/fake-transport.js';
import { renderWith } from './test/render.js';
import { makeInboxRow, makeItem, makeMeeting, makeSettings, MEETING_ID } from './screens/commissie/commission-test-data.js';
import { stubListHeight } from './test/layout.js';

stubListHeight();
beforeEach(() => {
  useSession.setState({ vault: null, profile: undefined });
  useDossierList.getState().reset();
});

async function seriousViolations() {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const unlocked: FakeHandlers = {
  'vault:status': () => ({ state: 'unlocked', protection: 'os' }),
  'setup:status': () => ({
    profile: { userId: id(500), name: 'Ilse de Boer', role: 'consulent', associationName: 'SWV Noord' },
  }),
  'dossiers:list': (input) => ({
    total: 2,
    rows: [0, 1].slice(input.offset ?? 0).map((i) => ({
      id: id(10_000 + i), name: `Leerling ${i + 1}`, geboortedatum: '2016-03-04', groep: 'g4' as const,
      schoolName: 'De Regenboog', werkgebiedName: 'Alkmaar-Noord', status: 'lopend' as const, niveau: 2,
      consulentName: null, updatedAt: '2024-06-01T12:32:00.000Z',
    })),
  }),
  'werkgebieden:list': () => [{ id: WG_ID, name: 'Alkmaar-Noord', schoolCount: 2 }],
  'schools:list': () => schools,
  'users:list': () => users,
  'dossiers:get': () => makeDossier({ parents: [{ id: id(40), name: 'Eva', relation: 'moeder', gezag: true, phone: '', email: '' }] }),
};

const decided = {
  decision: 'toegekend' as const, category: 'laag', startDate: '2027-01-01', endDate: '2027-07-31', conditions: '', reasons: '', needed: '',
  tlvNumber: 'TLV-2026-0042', decidedAt: '2026-12-01T15:00:00.000Z', decidedByName: 'Petra', datum: '2026-12-01',
};
const commission: FakeHandlers = {
  ...unlocked,
  // The commission's screens are the secretary's (shared/contract/roles.ts).
  'setup:status': () => ({ profile: { userId: id(500), name: 'Sanne de Vries', role: 'secretaris', associationName: 'SWV Noord' } }),
  'commission:inbox': () => [
    makeInboxRow({ missing: [{ path: 'parentsView', key: 'tlv_parents_view' }] }),
    makeInboxRow({ subjectId: id(850), title: 'Daan Bakker', clock: null }),
  ],
  'commission:settings': () => makeSettings(),
  'commission:meetings': () => [],
  'commission:meeting': () => makeMeeting({ items: [makeItem(0, { decision: decided, guests: [{ name: 'Juf Anna', kind: 'school', note: '' }] }), makeItem(1)] }),
  'budgets:settings': () => ({ yearKind: 'schooljaar', capCents: null, decisionWeeks: 6, extraTlvDocuments: [], tlvCategories: [{ key: 'laag', label: 'Laag' }] }),
};

describe('accessibility (axe, no serious or critical violations)', () => {
  it('vault screen', async () => {
    renderWith(<App />, fakeTransport({ 'vault:status': () => ({ state: 'new', protection: 'passphrase' }) }));
    await screen.findByRole('heading', { level: 1, name: nl.vault.new_title });
    expect(await seriousViolations()).toEqual([]);
  });

  it('setup screen', async () => {
    renderWith(<App />, fakeTransport({ ...unlocked, 'setup:status': () => ({ profile: null }) }));
    await screen.findByRole('heading', { level: 1, name: nl.setup.title });
    expect(await seriousViolations()).toEqual([]);
  });

  it('dossier list', async () => {
    window.location.hash = '#/dossiers';
    renderWith(<App />, fakeTransport(unlocked));
    await screen.findByRole('link', { name: 'Leerling 1' });
    expect(await seriousViolations()).toEqual([]);
  });

  it('dossier', async () => {
    window.location.hash = `#/dossiers/${makeDossier().id}`;
    renderWith(<App />, fakeTransport(unlocked));
    await screen.findByLabelText(nl.dossier.voornaam);
    expect(await seriousViolations()).toEqual([]);
  });

  it('commissie: inbox and settings', async () => {
    window.location.hash = '#/commissie';
    renderWith(<App />, fakeTransport(commission));
    await screen.findByRole('table', { name: /Inbox/ });
    expect(await seriousViolations()).toEqual([]);
    await userEvent.setup().click(screen.getByRole('tab', { name: nl.commission.tab_settings }));
    await screen.findByLabelText(nl.commission.pattern);
    expect(await seriousViolations()).toEqual([]);
  });

  it('commissie: meeting', async () => {
    window.location.hash = `#/commissie/vergaderingen/${MEETING_ID}`;
    renderWith(<App />, fakeTransport(commission));
    await screen.findByRole('heading', { name: nl.commission.agenda_title });
    await screen.findByRole('button', { name: /Daan Bakker/ });
    expect(await seriousViolations()).toEqual([]);
  });

  it('beheer', async () => {
    window.location.hash = '#/beheer';
    renderWith(<App />, fakeTransport(unlocked));
    await screen.findByRole('table', { name: nl.beheer.schools_table });
    expect(await seriousViolations()).toEqual([]);
  });
});
