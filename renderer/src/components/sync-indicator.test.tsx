// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/index.js';
import { nl } from '../../../shared/i18n/nl.js';
import { initialSyncState, POLL_IDLE_MS, POLL_SYNCING_MS, useSyncStore } from '../stores/sync-store.js';
import { fakeTransport } from '../test/fake-transport.js';
import { renderWith } from '../test/render.js';
import { makeSyncStatus, NOT_ENROLLED } from '../test/sync-data.js';
import { ContractError } from '../transport/transport.js';
import { SyncIndicator } from './sync-indicator.js';

/** Lets the pending promises (the status call) settle under fake timers. */
const flush = () => act(() => vi.advanceTimersByTimeAsync(0));
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** A transport whose `sync:status` answers the statuses in turn (the last one repeats). */
function statusSequence(...statuses: SyncStatus[]) {
  return fakeTransport({
    'sync:status': (_input, n) => statuses[Math.min(n, statuses.length - 1)]!,
    'sync:now': () => makeSyncStatus({ state: 'syncing', progress: { phase: 'push', done: 0, total: 0 } }),
  });
}

const group = () => screen.getByRole('group', { name: nl.sync.indicator.label });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-03-04T13:40:00Z'));
  useSyncStore.setState(initialSyncState);
});
afterEach(() => {
  vi.useRealTimers();
  setHidden(false);
});

describe('sync indicator: states', () => {
  it('not enrolled: "Niet gekoppeld", and "Nu synchroniseren" is disabled', async () => {
    renderWith(<SyncIndicator />, statusSequence(NOT_ENROLLED));
    await flush();
    expect(within(group()).getByText(nl.sync.indicator.not_enrolled)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: nl.sync.indicator.sync_now })).toBeDisabled();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('offline with waiting changes, open conflicts (a link to Conflicten) and rejected changes', async () => {
    renderWith(<SyncIndicator />, statusSequence(makeSyncStatus({ state: 'offline', pending: 3, openConflicts: 2, rejected: 1 })));
    await flush();
    expect(screen.getByText('Offline — 3 wijzigingen wachten')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '2 conflicten' })).toHaveAttribute('href', '#/conflicten');
    expect(screen.getByRole('link', { name: '1 wijziging niet geaccepteerd' })).toHaveAttribute('href', '#/conflicten');
    expect(screen.getByRole('button', { name: nl.sync.indicator.sync_now })).toBeEnabled();
  });

  it('idle: "Bijgewerkt om 14:32" in Amsterdam time, an earlier day with its date', async () => {
    const fake = statusSequence(
      makeSyncStatus({ lastSyncAt: '2026-03-04T13:32:00Z' }),
      makeSyncStatus({ lastSyncAt: '2026-03-02T08:05:00Z', pending: 1 }),
    );
    renderWith(<SyncIndicator />, fake);
    await flush();
    expect(screen.getByText('Bijgewerkt om 14:32')).toBeInTheDocument();
    await advance(POLL_IDLE_MS);
    expect(screen.getByText('Bijgewerkt op 2 maart 2026 om 09:05 · 1 wijziging wacht')).toBeInTheDocument();
  });

  it('syncing: "Bezig: 120 van 480" with a labelled <progress>, and the button disabled', async () => {
    renderWith(<SyncIndicator />, statusSequence(makeSyncStatus({ state: 'syncing', progress: { phase: 'pull', done: 120, total: 480 } })));
    await flush();
    expect(screen.getByText('Bezig: 120 van 480')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: nl.sync.indicator.progress_label });
    expect(bar.tagName).toBe('PROGRESS');
    expect(bar).toHaveAttribute('value', '120');
    expect(bar).toHaveAttribute('max', '480');
    // Still focusable (a keyboard user who pressed it keeps their place), but not usable.
    expect(screen.getByRole('button', { name: nl.sync.indicator.sync_now })).toHaveAttribute('aria-disabled', 'true');
  });

  it.each([
    ['revoked', nl.sync.indicator.revoked],
    ['upgrade_required', nl.sync.indicator.upgrade_required],
    ['error', nl.sync.indicator.error],
  ] as const)('%s: a short line that links to Instellingen for the explanation', async (state, text) => {
    renderWith(<SyncIndicator />, statusSequence(makeSyncStatus({ state, errorKey: 'sync_store_error' })));
    await flush();
    expect(within(group()).getByRole('link', { name: text })).toHaveAttribute('href', '#/instellingen');
  });

  it('warns about plain http when insecure', async () => {
    renderWith(<SyncIndicator />, statusSequence(makeSyncStatus({ insecure: true, storeUrl: 'http://10.0.0.5:8080' })));
    await flush();
    expect(screen.getByText(nl.sync.indicator.insecure)).toBeInTheDocument();
  });

  it('says the status is unknown when sync:status fails', async () => {
    renderWith(<SyncIndicator />, fakeTransport({}));
    await flush();
    expect(screen.getByText(nl.sync.indicator.unavailable)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: nl.sync.indicator.sync_now })).toBeDisabled();
  });
});

describe('sync indicator: polling and announcements', () => {
  it('polls every 10 s when idle, every second while syncing, and stops while the tab is hidden', async () => {
    const syncing = (done: number) => makeSyncStatus({ state: 'syncing', progress: { phase: 'push', done, total: 10 } });
    const fake = statusSequence(makeSyncStatus(), syncing(1), syncing(2), syncing(3), makeSyncStatus({ lastSyncAt: '2026-03-04T13:41:00Z' }));
    const count = () => fake.inputsOf('sync:status').length;
    renderWith(<SyncIndicator />, fake);
    await flush();
    expect(count()).toBe(1);
    await advance(POLL_IDLE_MS - 1);
    expect(count()).toBe(1);
    await advance(1);
    expect(count()).toBe(2); // now syncing: fast
    expect(screen.getByText('Bezig: 1 van 10')).toBeInTheDocument();
    await advance(POLL_SYNCING_MS);
    expect(count()).toBe(3);
    expect(screen.getByText('Bezig: 2 van 10')).toBeInTheDocument();

    setHidden(true);
    await advance(POLL_IDLE_MS * 3);
    expect(count()).toBe(3);

    setHidden(false); // visible again: asks at once, then goes on
    await flush();
    expect(count()).toBe(4);
    await advance(POLL_SYNCING_MS);
    expect(count()).toBe(5);
    expect(screen.getByText('Bijgewerkt om 14:41')).toBeInTheDocument();
    await advance(POLL_SYNCING_MS);
    expect(count()).toBe(5); // idle again: slow
  });

  it('stops polling when unmounted', async () => {
    const fake = statusSequence(makeSyncStatus());
    const view = renderWith(<SyncIndicator />, fake);
    await flush();
    view.unmount();
    await advance(POLL_IDLE_MS * 5);
    expect(fake.inputsOf('sync:status')).toHaveLength(1);
  });

  it('announces state changes and new conflicts politely, not the first status nor each progress tick', async () => {
    const syncing = (done: number) => makeSyncStatus({ state: 'syncing', progress: { phase: 'pull', done, total: 10 } });
    renderWith(<SyncIndicator />, statusSequence(makeSyncStatus(), syncing(1), syncing(5), makeSyncStatus({ openConflicts: 2 })));
    await flush();
    const live = screen.getByRole('status');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent('');
    await advance(POLL_IDLE_MS);
    expect(live).toHaveTextContent(nl.sync.announce.syncing);
    await advance(POLL_SYNCING_MS);
    expect(screen.getByText('Bezig: 5 van 10')).toBeInTheDocument();
    expect(live).toHaveTextContent(nl.sync.announce.syncing); // unchanged by progress
    await advance(POLL_SYNCING_MS);
    expect(live).toHaveTextContent(`${nl.sync.announce.idle} Er zijn 2 open conflicten.`);
  });

  it('"Nu synchroniseren" starts a sync and then polls fast', async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    const fake = statusSequence(makeSyncStatus());
    renderWith(<SyncIndicator />, fake);
    const button = await screen.findByRole('button', { name: nl.sync.indicator.sync_now });
    await vi.waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(fake.inputsOf('sync:now')).toEqual([{}]);
    expect(await screen.findByText(nl.sync.indicator.syncing)).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    await user.click(button);
    expect(fake.inputsOf('sync:now')).toHaveLength(1);
    // The fast poll brings the store's answer (idle again).
    await vi.waitFor(() => expect(fake.inputsOf('sync:status').length).toBeGreaterThan(1), { timeout: 3000 });
  });

  it('shows why "Nu synchroniseren" could not start', async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    const fake = fakeTransport({
      'sync:status': () => makeSyncStatus(),
      'sync:now': () => {
        throw new ContractError('bad_request', nl.errors.sync_not_enrolled);
      },
    });
    renderWith(<SyncIndicator />, fake);
    const button = await screen.findByRole('button', { name: nl.sync.indicator.sync_now });
    await vi.waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent(`Synchroniseren kon niet starten: ${nl.errors.sync_not_enrolled}`);
  });
});
