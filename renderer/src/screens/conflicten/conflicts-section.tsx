// The open conflicts: a list to pick from, and the chosen one with both versions side by side.
// Resolving calls `sync:resolve`, reloads the list and moves focus to the next conflict.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../shared/contract/index.js';
import { formatDateTime } from '../../../../shared/format.js';
import { SuccessMessage } from '../../components/status.js';
import { ListState, useList } from '../../components/use-async.js';
import { useLanguage } from '../../stores/language-store.js';
import { refreshSyncStatus, useReloadOnCountChange } from '../../stores/sync-store.js';
import { entityLabel, fieldLabel } from '../../sync/sync-text.js';
import { useTransport } from '../../transport/transport.js';
import { ConflictDetail, type Resolution } from './conflict-detail.js';

const itemId = (id: string) => `conflict-item-${id}`;

export function ConflictsSection() {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const load = useCallback(() => transport.call('sync:conflicts', {}), [transport]);
  const { data, err, retry, set } = useList(load);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const selected = data?.find((c) => c.id === selectedId) ?? null;
  useReloadOnCountChange((s) => s.openConflicts, retry);

  const select = (c: SyncConflict) => {
    setDone('');
    setSelectedId(c.id);
    setTimeout(() => document.getElementById('conflict-detail-title')?.focus(), 0);
  };

  const resolve = async (c: SyncConflict, resolution: Resolution, text?: string) => {
    await transport.call('sync:resolve', { id: c.id, resolution, ...(resolution === 'merged' ? { text: text ?? '' } : {}) });
    setDone(t('sync.conflicts.resolved', { title: c.title, field: fieldLabel(t, c.field) }));
    setSelectedId(null);
    const index = data?.findIndex((x) => x.id === c.id) ?? 0;
    void refreshSyncStatus(transport);
    let next: SyncConflict[] = (data ?? []).filter((x) => x.id !== c.id);
    try {
      next = await transport.call('sync:conflicts', {});
    } catch {
      // Keep the list without the resolved one; the header's poll catches up.
    }
    set(next);
    // Focus the conflict that took its place, else the list's heading.
    const target = next[Math.min(index, next.length - 1)];
    setTimeout(() => document.getElementById(target ? itemId(target.id) : 'conflicts-title')?.focus(), 0);
  };

  return (
    <section aria-labelledby="conflicts-title" className="card conflicts">
      <h2 id="conflicts-title" tabIndex={-1}>
        {t('sync.conflicts.list_heading')}
      </h2>
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <ListState err={err} loading={!data && !err} retry={retry} />
      {data && data.length === 0 && <p className="empty">{t('sync.conflicts.empty')}</p>}
      {data && data.length > 0 && (
        <ul className="conflict-list">
          {data.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                id={itemId(c.id)}
                className="conflict-item"
                aria-pressed={c.id === selectedId}
                onClick={() => select(c)}
              >
                <span className="conflict-item-title">{t('sync.conflicts.item', { title: c.title, field: fieldLabel(t, c.field) })}</span>
                <span className="conflict-item-meta">
                  {t('sync.conflicts.item_meta', { entity: entityLabel(t, c.entity), when: formatDateTime(c.createdAt, lang) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && <ConflictDetail key={selected.id} conflict={selected} onResolve={(r, text) => resolve(selected, r, text)} />}
    </section>
  );
}
