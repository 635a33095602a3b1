// "Geschiedenis": who changed which fields of a synced document (dossier, MDO, kindgesprek,
// arrangement, TLV) and when, from `sync:history`; local changes not yet sent are marked.
// Collapsed by default and loaded when first opened.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncEntity } from '../../../shared/sync/entities.js';
import { formatDateTime } from '../../../shared/format.js';
import { ListState, useList } from './use-async.js';
import { useLanguage } from '../stores/language-store.js';
import { fieldLabel } from '../sync/sync-text.js';
import { useTransport } from '../transport/transport.js';

/** Columns that change with every edit and say nothing to the reader. */
const NOISE = new Set(['updated_at', 'version', 'revision', 'sort_name']);

interface Props {
  entity: SyncEntity;
  id: string;
}

export function DocumentHistory({ entity, id }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="form-section sync-history" aria-labelledby="history-title">
      <h2 id="history-title">{t('sync.history.title')}</h2>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('sync.history.show')}</summary>
        {open && <HistoryList entity={entity} id={id} />}
      </details>
    </section>
  );
}

function HistoryList({ entity, id }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const load = useCallback(() => transport.call('sync:history', { entity, id }), [transport, entity, id]);
  const { data, err, retry } = useList(load);
  const entries = data ? [...data].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)) : null;

  return (
    <>
      <p>{t('sync.history.intro')}</p>
      <ListState err={err} loading={!data && !err} retry={retry} />
      {entries && entries.length === 0 && <p className="empty">{t('sync.history.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol className="history-list">
          {entries.map((e, i) => {
            const fields = [...new Set(e.fields.filter((f) => !NOISE.has(f)).map((f) => fieldLabel(t, f)))];
            return (
              <li key={`${e.version ?? 'p'}-${e.at}-${i}`} className={e.pending ? 'history-pending' : undefined}>
                <p className="timeline-head">
                  <strong>{e.by}</strong>{' '}
                  <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                  {e.pending && (
                    <>
                      {' '}
                      <span className="badge badge-pending">{t('sync.history.pending')}</span>
                    </>
                  )}
                </p>
                <p className="timeline-fields">
                  {fields.length > 0 ? t('sync.history.fields', { fields: fields.join(', ') }) : t('sync.history.created')}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
