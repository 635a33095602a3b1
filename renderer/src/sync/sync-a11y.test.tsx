// @vitest-environment jsdom
// axe-core on the sync UI in jsdom (structure: names, roles, ARIA; contrast is checked end-to-end):
// the header indicator while syncing, Instellingen with field errors, Conflicten with a conflict
// open for merging and a rejection's values shown, and the dossier's history panel.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { nl } from '../../../shared/i18n/nl.js';
import { App } from '../app.js';
import { useSession } from '../stores/session-store.js';
import { initialSyncState, useSyncStore } from '../stores/sync-store.js';
import { id, makeDossier, schools, users } from '../test/data.js';
import { fakeTransport, type FakeHandlers } from '../test/fake-transport.js';
import { renderWith } from '../test/render.js';
import { makeSyncStatus, NOT_ENROLLED } from '../test/sync-data.js';

async function seriousViolations() {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const base: FakeHandlers = {
  'vault:status': () => ({ state: 'unlocked', protection: 'os' }),
  'setup:status': () => ({ profile: { userId: id(500), name: 'Ilse de Boer', role: 'consulent', associationName: 'SWV Noord' } }),
  'dossiers:list': () => ({ total: 0, rows: [] }),
  'werkgebieden:list': () => [],
  'schools:list': () => schools,
  'users:list': () => users,
  'dossiers:get': () => makeDossier(),
  'sync:conflicts': () => [
    {
      id: id(801), entity: 'dossier', entityId: id(100), field: 'notes', dossierId: id(100), title: 'Sanne de Vries',
      baseValue: 'a', storeValue: 'b', deviceValue: 'c', createdAt: '2026-03-04T13:32:00Z',
    },
  ],
  'sync:rejections': () => [
    {
      seq: 3, entity: 'mdo', entityId: id(200), op: 'upsert', reason: 'finalised', title: 'MDO Sanne',
      changed: [{ field: 'zorgen', value: 'tekst' }], at: '2026-03-04T12:00:00Z',
    },
  ],
  'sync:history': () => [{ version: null, by: 'Ilse de Boer', at: '2026-03-04T13:32:00Z', fields: ['notes'], pending: true }],
};

beforeEach(() => {
  useSession.setState({ vault: null, profile: undefined });
  useSyncStore.setState(initialSyncState);
});

describe('sync UI accessibility (axe, no serious or critical violations)', () => {
  it('header indicator while syncing, with conflicts and an http warning', async () => {
    window.location.hash = '#/dossiers';
    const status = makeSyncStatus({
      state: 'syncing', progress: { phase: 'pull', done: 120, total: 480 }, openConflicts: 2, rejected: 1, insecure: true,
    });
    renderWith(<App />, fakeTransport({ ...base, 'sync:status': () => status }));
    await screen.findByText('Bezig: 120 van 480');
    expect(await seriousViolations()).toEqual([]);
  });

  it('Instellingen with field errors', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/instellingen';
    renderWith(<App />, fakeTransport({ ...base, 'sync:status': () => NOT_ENROLLED }));
    await user.click(await screen.findByRole('button', { name: nl.sync.settings.enroll }));
    await screen.findAllByText(nl.validation.required);
    expect(await seriousViolations()).toEqual([]);
  });

  it('Instellingen when linked', async () => {
    window.location.hash = '#/instellingen';
    renderWith(<App />, fakeTransport({ ...base, 'sync:status': () => makeSyncStatus({ insecure: true, errorKey: 'sync_offline' }) }));
    await screen.findByText(nl.sync.insecure_warning);
    expect(await seriousViolations()).toEqual([]);
  });

  it('Conflicten with a conflict being merged and a rejection opened', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/conflicten';
    renderWith(<App />, fakeTransport({ ...base, 'sync:status': () => makeSyncStatus({ openConflicts: 1, rejected: 1 }) }));
    await user.click(await screen.findByRole('button', { name: /^Sanne de Vries/ }));
    await user.click(screen.getByRole('button', { name: nl.sync.conflicts.merge }));
    await user.click(await screen.findByText(nl.sync.rejections.values));
    expect(await seriousViolations()).toEqual([]);
  });

  it('dossier history opened', async () => {
    const user = userEvent.setup();
    window.location.hash = `#/dossiers/${makeDossier().id}`;
    renderWith(<App />, fakeTransport({ ...base, 'sync:status': () => makeSyncStatus() }));
    await user.click(await screen.findByText(nl.sync.history.show));
    await screen.findByText(nl.sync.history.pending);
    expect(await seriousViolations()).toEqual([]);
  });
});
