// The sync status in the header on every screen after unlock: one short line ("Niet gekoppeld",
// "Offline — 3 wijzigingen wachten", "Bezig: 120 van 480" with a <progress>, "Bijgewerkt om 14:32"),
// links to open conflicts and changes not accepted, and "Nu synchroniseren". Screen readers hear
// state changes (a hidden live region), not every progress tick.
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/index.js';
import { todayInAmsterdam } from '../../../shared/domain/validation.js';
import { formatDateTime, formatNumber, formatTime } from '../../../shared/format.js';
import { paths } from '../router/router.js';
import { useLanguage } from '../stores/language-store.js';
import { useSyncPolling, useSyncStore } from '../stores/sync-store.js';
import { syncFailureText } from '../sync/sync-text.js';
import { useTransport } from '../transport/transport.js';
import { Link } from './link.js';

/** "Bijgewerkt om 14:32" today, "Bijgewerkt op 4 maart 2026 om 14:32" before. */
function syncedText(t: TFunction, at: string, lang: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return t('sync.indicator.never_synced');
  return todayInAmsterdam(d) === todayInAmsterdam()
    ? t('sync.indicator.synced_at', { time: formatTime(d, lang) })
    : t('sync.indicator.synced_on', { when: formatDateTime(d, lang) });
}

/** The one-line status text (also used on Instellingen). */
export function syncStateText(t: TFunction, status: SyncStatus, lang: string): string {
  switch (status.state) {
    case 'not_enrolled':
      return t('sync.indicator.not_enrolled');
    case 'offline':
      return status.pending > 0 ? t('sync.indicator.offline_pending', { count: status.pending }) : t('sync.indicator.offline');
    case 'syncing': {
      const p = status.progress;
      if (!p || p.total <= 0) return t('sync.indicator.syncing');
      return t('sync.indicator.syncing_progress', { done: formatNumber(Math.min(p.done, p.total), lang), total: formatNumber(p.total, lang) });
    }
    case 'idle': {
      const base = status.lastSyncAt ? syncedText(t, status.lastSyncAt, lang) : t('sync.indicator.never_synced');
      return status.pending > 0 ? `${base} · ${t('sync.indicator.pending', { count: status.pending })}` : base;
    }
    case 'revoked':
      return t('sync.indicator.revoked');
    case 'upgrade_required':
      return t('sync.indicator.upgrade_required');
    case 'error':
      return t('sync.indicator.error');
    default:
      return t('sync.indicator.unavailable');
  }
}

/** What a screen reader hears when the status changes; '' for no news. */
function announcementOf(t: TFunction, prev: SyncStatus, next: SyncStatus): string {
  const parts: string[] = [];
  if (prev.state !== next.state) parts.push(t(`sync.announce.${next.state}`));
  if (next.openConflicts > prev.openConflicts) parts.push(t('sync.announce.conflicts', { count: next.openConflicts }));
  if (next.rejected > prev.rejected) parts.push(t('sync.announce.rejected', { count: next.rejected }));
  return parts.join(' ');
}

/** States in which syncing cannot start at all: the button is disabled. */
const CANNOT_SYNC = new Set<SyncStatus['state']>(['not_enrolled', 'revoked', 'upgrade_required']);
/** States in which the text explains itself on Instellingen: the line links there. */
const EXPLAINED = new Set<SyncStatus['state']>(['revoked', 'upgrade_required', 'error']);

export function SyncIndicator() {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const status = useSyncStore((s) => s.status);
  const failure = useSyncStore((s) => s.failure);
  const setStatus = useSyncStore((s) => s.setStatus);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<SyncStatus | null>(null);
  useSyncPolling(transport);

  // Announce changes, not the first status (that is what the page already says) nor progress ticks.
  useEffect(() => {
    if (!status) return;
    const prev = previous.current;
    previous.current = status;
    if (!prev) return;
    const text = announcementOf(t, prev, status);
    if (text) setAnnouncement(text);
  }, [status, t]);

  const syncNow = async () => {
    setStarting(true);
    setStartError('');
    try {
      setStatus(await transport.call('sync:now', {}));
    } catch (err) {
      setStartError(t('sync.indicator.sync_now_failed', { message: syncFailureText(t, err) }));
    } finally {
      setStarting(false);
    }
  };

  const line = status ? syncStateText(t, status, lang) : failure ? t('sync.indicator.unavailable') : '';
  const progress = status?.state === 'syncing' ? status.progress : null;
  const disabled = !status || CANNOT_SYNC.has(status.state);
  // While a sync runs the button stays focusable (aria-disabled), so a keyboard user who pressed it
  // keeps their place.
  const busy = starting || status?.state === 'syncing';

  return (
    <div className="sync-indicator" role="group" aria-label={t('sync.indicator.label')}>
      <p className="sync-line" data-state={status?.state ?? 'unknown'}>
        {status && EXPLAINED.has(status.state) ? (
          <Link to={paths.instellingen} className="sync-text">
            {line}
          </Link>
        ) : (
          <span className="sync-text">{line}</span>
        )}
        {status?.state === 'syncing' &&
          (progress && progress.total > 0 ? (
            <progress
              className="sync-progress"
              aria-label={t('sync.indicator.progress_label')}
              value={Math.min(progress.done, progress.total)}
              max={progress.total}
            />
          ) : (
            <progress className="sync-progress" aria-label={t('sync.indicator.progress_label')} />
          ))}
        {status?.insecure && <span className="sync-insecure">{t('sync.indicator.insecure')}</span>}
        {status && status.openConflicts > 0 && (
          <Link to={paths.conflicten} className="sync-count">
            {t('sync.indicator.conflicts', { count: status.openConflicts })}
          </Link>
        )}
        {status && status.rejected > 0 && (
          <Link to={paths.conflicten} className="sync-count">
            {t('sync.indicator.rejected', { count: status.rejected })}
          </Link>
        )}
      </p>
      <button
        type="button"
        className="sync-now"
        disabled={disabled}
        aria-disabled={!disabled && busy ? true : undefined}
        onClick={() => {
          if (!busy) void syncNow();
        }}
      >
        {t('sync.indicator.sync_now')}
      </button>
      {startError && (
        <p className="sync-start-error" role="alert">
          {startError}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
