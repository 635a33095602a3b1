// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncConflict, SyncRejection } from '../../../../shared/contract/index.js';
import { nl } from '../../../../shared/i18n/nl.js';
import { initialSyncState, useSyncStore } from '../../stores/sync-store.js';
import { id } from '../../test/data.js';
import { fakeTransport, type FakeHandlers } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';
import { makeSyncStatus } from '../../test/sync-data.js';
import { ContractError } from '../../transport/transport.js';
import { ConflictenScreen } from './conflicten-screen.js';

const conflict = (n: number, patch: Partial<SyncConflict> = {}): SyncConflict => ({
  id: id(800 + n),
  entity: 'dossier',
  entityId: id(100),
  field: 'notes',
  dossierId: id(100),
  title: `Sanne de Vries ${n}`,
  baseValue: 'Gesprek met school gepland.',
  storeValue: 'Gesprek met school gepland.\nOuders bellen terug.',
  deviceValue: 'Gesprek met school op 12 maart.',
  createdAt: '2026-03-04T13:32:00Z',
  ...patch,
});

const rejection = (seq: number, patch: Partial<SyncRejection> = {}): SyncRejection => ({
  seq,
  entity: 'mdo',
  entityId: id(200),
  op: 'upsert',
  reason: 'finalised',
  title: `MDO Sanne ${seq}`,
  changed: [{ field: 'zorgen', value: 'Zorgen over de werkhouding.' }],
  at: '2026-03-04T12:00:00Z',
  ...patch,
});

beforeEach(() => useSyncStore.setState(initialSyncState));

/** Conflicts that disappear once resolved; rejections that disappear once seen. */
function setup(conflicts: SyncConflict[], rejections: SyncRejection[] = [], extra: FakeHandlers = {}) {
  let open = [...conflicts];
  let unseen = [...rejections];
  const fake = fakeTransport({
    'sync:conflicts': () => open,
    'sync:resolve': ({ id: resolved }) => {
      open = open.filter((c) => c.id !== resolved);
      return { ok: true };
    },
    'sync:rejections': () => unseen,
    'sync:dismissRejections': ({ seqs }) => {
      unseen = unseen.filter((r) => !seqs.includes(r.seq));
      return { ok: true };
    },
    'sync:status': () => makeSyncStatus({ openConflicts: open.length, rejected: unseen.length }),
    ...extra,
  });
  renderWith(<ConflictenScreen />, fake);
  return fake;
}

const conflictButton = (name: string | RegExp) => screen.getByRole('button', { name });

describe('Conflicten: open conflicts', () => {
  it('lists the conflicts with the record, the Dutch field label and when', async () => {
    setup([conflict(1), conflict(2, { entity: 'mdo', field: 'zorgen', dossierId: null })]);
    expect(await screen.findByRole('heading', { level: 1, name: nl.sync.conflicts.title })).toBeInTheDocument();
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      'Sanne de Vries 1 — NotitiesDossier, 4 maart 2026 om 14:32',
      'Sanne de Vries 2 — ZorgenMDO-verslag, 4 maart 2026 om 14:32',
    ]);
    expect(items[0]).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows both versions side by side, the base collapsed, and keeps my version', async () => {
    const user = userEvent.setup();
    const fake = setup([conflict(1), conflict(2)]);
    await user.click(await screen.findByRole('button', { name: /^Sanne de Vries 1 — Notities/ }));
    const detail = screen.getByRole('region', { name: 'Conflict: Sanne de Vries 1 — Notities' });
    await waitFor(() => expect(within(detail).getByRole('heading', { level: 3 })).toHaveFocus());
    expect(conflictButton(/^Sanne de Vries 1/)).toHaveAttribute('aria-pressed', 'true');
    const mine = within(detail).getByRole('region', { name: nl.sync.conflicts.mine });
    const theirs = within(detail).getByRole('region', { name: nl.sync.conflicts.theirs });
    expect(mine).toHaveTextContent('Gesprek met school op 12 maart.');
    expect(theirs).toHaveTextContent('Gesprek met school gepland. Ouders bellen terug.');
    const base = within(detail).getByText(nl.sync.conflicts.base).closest('details')!;
    expect(base).not.toHaveAttribute('open');
    expect(within(detail).getByRole('link', { name: nl.sync.conflicts.open_dossier })).toHaveAttribute('href', `#/dossiers/${id(100)}`);

    await user.click(within(detail).getByRole('button', { name: nl.sync.conflicts.keep_mine }));
    expect(fake.inputsOf('sync:resolve')).toEqual([{ id: id(801), resolution: 'mine' }]);
    expect(await screen.findByText('Conflict opgelost: Sanne de Vries 1 — Notities.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Conflict:/ })).not.toBeInTheDocument();
    // Focus moves to the conflict that took its place.
    await waitFor(() => expect(conflictButton(/^Sanne de Vries 2/)).toHaveFocus());
    expect(screen.queryByRole('button', { name: /^Sanne de Vries 1/ })).not.toBeInTheDocument();
    await waitFor(() => expect(useSyncStore.getState().status?.openConflicts).toBe(1));
  });

  it('keeps the other version with the keyboard alone; the last one leaves the empty state', async () => {
    const user = userEvent.setup();
    const fake = setup([conflict(1)]);
    const item = await screen.findByRole('button', { name: /^Sanne de Vries 1/ });
    item.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Conflict: Sanne de Vries 1 — Notities' })).toHaveFocus());
    const theirs = screen.getByRole('button', { name: nl.sync.conflicts.keep_theirs });
    theirs.focus();
    await user.keyboard(' ');
    expect(fake.inputsOf('sync:resolve')).toEqual([{ id: id(801), resolution: 'theirs' }]);
    expect(await screen.findByText(nl.sync.conflicts.empty)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: nl.sync.conflicts.list_heading })).toHaveFocus());
  });

  it('merges: a text area prefilled with both texts, edited, then saved as merged', async () => {
    const user = userEvent.setup();
    const fake = setup([conflict(1)]);
    await user.click(await screen.findByRole('button', { name: /^Sanne de Vries 1/ }));
    await user.click(screen.getByRole('button', { name: nl.sync.conflicts.merge }));
    const area = screen.getByRole('textbox', { name: nl.sync.conflicts.merge_label });
    await waitFor(() => expect(area).toHaveFocus());
    expect(area).toHaveValue('Gesprek met school op 12 maart.\n\nGesprek met school gepland.\nOuders bellen terug.');
    expect(area).toHaveAccessibleDescription(nl.sync.conflicts.merge_hint);

    // Cancel goes back to the three choices, with focus on "Samenvoegen".
    await user.click(screen.getByRole('button', { name: nl.common.cancel }));
    await waitFor(() => expect(screen.getByRole('button', { name: nl.sync.conflicts.merge })).toHaveFocus());
    await user.keyboard('{Enter}');

    const again = screen.getByRole('textbox', { name: nl.sync.conflicts.merge_label });
    await user.clear(again);
    await user.type(again, 'Gesprek met school op 12 maart.{Enter}Ouders bellen terug.');
    await user.click(screen.getByRole('button', { name: nl.sync.conflicts.merge_save }));
    expect(fake.inputsOf('sync:resolve')).toEqual([
      { id: id(801), resolution: 'merged', text: 'Gesprek met school op 12 maart.\nOuders bellen terug.' },
    ]);
    expect(await screen.findByText(nl.sync.conflicts.empty)).toBeInTheDocument();
  });

  it("shows the core's message when resolving fails, and keeps the conflict open", async () => {
    const user = userEvent.setup();
    setup([conflict(1)], [], {
      'sync:resolve': () => {
        throw new ContractError('conflict', nl.errors.sync_conflict_resolved);
      },
    });
    await user.click(await screen.findByRole('button', { name: /^Sanne de Vries 1/ }));
    await user.click(screen.getByRole('button', { name: nl.sync.conflicts.keep_mine }));
    expect(await screen.findByRole('alert')).toHaveTextContent(nl.errors.sync_conflict_resolved);
    expect(screen.getByRole('button', { name: nl.sync.conflicts.keep_mine })).toBeEnabled();
  });

  it('reloads when a sync brings new conflicts while the screen is open', async () => {
    let conflicts: SyncConflict[] = [];
    renderWith(<ConflictenScreen />, fakeTransport({ 'sync:conflicts': () => conflicts, 'sync:rejections': () => [] }));
    expect(await screen.findByText(nl.sync.conflicts.empty)).toBeInTheDocument();
    act(() => useSyncStore.getState().setStatus(makeSyncStatus({ openConflicts: 0 })));
    conflicts = [conflict(3)];
    act(() => useSyncStore.getState().setStatus(makeSyncStatus({ openConflicts: 1 })));
    expect(await screen.findByRole('button', { name: /^Sanne de Vries 3/ })).toBeInTheDocument();
  });

  it('shows the empty states', async () => {
    setup([]);
    expect(await screen.findByText(nl.sync.conflicts.empty)).toBeInTheDocument();
    expect(await screen.findByText(nl.sync.rejections.empty)).toBeInTheDocument();
  });
});

describe('Conflicten: changes not accepted', () => {
  it('explains each rejection in Dutch, with the values in a <details>, and "Gezien" dismisses it', async () => {
    const user = userEvent.setup();
    const fake = setup([], [
      rejection(7),
      rejection(9, { entity: 'dossier_parent', reason: 'out_of_scope', op: 'delete', title: 'Ouder van Sanne', changed: [] }),
    ]);
    const section = await screen.findByRole('region', { name: nl.sync.rejections.heading });
    const first = await within(section).findByRole('article', { name: 'MDO-verslag: MDO Sanne 7' });
    expect(within(first).getByText(nl.sync.rejections.reason.finalised)).toBeInTheDocument();
    expect(within(first).getByText('Wijziging van 4 maart 2026 om 13:00')).toBeInTheDocument();
    const values = within(first).getByText(nl.sync.rejections.values).closest('details')!;
    expect(values).not.toHaveAttribute('open');
    await user.click(within(first).getByText(nl.sync.rejections.values));
    expect(within(values).getByText('Zorgen')).toBeInTheDocument();
    expect(within(values).getByText('Zorgen over de werkhouding.')).toBeInTheDocument();
    // A refused clipboard: the user is told to copy by hand.
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    await user.click(within(values).getByRole('button', { name: nl.sync.rejections.copy }));
    expect(within(values).getByRole('status')).toHaveTextContent(nl.sync.rejections.copy_failed);

    const second = within(section).getByRole('article', { name: 'Ouder/verzorger: Ouder van Sanne' });
    expect(within(second).getByText(nl.sync.rejections.reason.out_of_scope)).toBeInTheDocument();
    expect(within(second).getByText('Verwijdering van 4 maart 2026 om 13:00')).toBeInTheDocument();

    await user.click(within(first).getByRole('button', { name: 'Gezien: MDO-verslag: MDO Sanne 7' }));
    expect(fake.inputsOf('sync:dismissRejections')).toEqual([{ seqs: [7] }]);
    await waitFor(() => expect(screen.queryByRole('article', { name: 'MDO-verslag: MDO Sanne 7' })).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Ouder/verzorger: Ouder van Sanne' })).toHaveFocus());
    expect(screen.getByText(nl.sync.rejections.dismissed)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: nl.sync.rejections.dismiss_all })).not.toBeInTheDocument();
  });

  it('copies the values when a clipboard is there; "Alles gezien" dismisses all', async () => {
    const user = userEvent.setup();
    const fake = setup([], [rejection(1), rejection(2, { changed: [{ field: 'notes', value: 'a\nb' }, { field: 'groep', value: 'g5' }] })]);
    const second = await screen.findByRole('article', { name: 'MDO-verslag: MDO Sanne 2' });
    await user.click(within(second).getByText(nl.sync.rejections.values));
    await user.click(within(second).getByRole('button', { name: nl.sync.rejections.copy }));
    expect(within(second).getByRole('status')).toHaveTextContent(nl.sync.rejections.copied);
    expect(await navigator.clipboard.readText()).toBe('Notities: a\nb\nGroep: g5');

    await user.click(screen.getByRole('button', { name: nl.sync.rejections.dismiss_all }));
    expect(fake.inputsOf('sync:dismissRejections')).toEqual([{ seqs: [1, 2] }]);
    expect(await screen.findByText(nl.sync.rejections.empty)).toBeInTheDocument();
  });
});
