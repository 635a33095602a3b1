// Changes the store did not accept: per change the record, why (one text per reject reason, which
// also says nothing is lost), the rejected values to copy, and "Gezien".
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRejection } from '../../../../shared/contract/index.js';
import { formatDateTime } from '../../../../shared/format.js';
import { ErrorMessage, SuccessMessage } from '../../components/status.js';
import { ListState, useList } from '../../components/use-async.js';
import { useLanguage } from '../../stores/language-store.js';
import { refreshSyncStatus, useReloadOnCountChange } from '../../stores/sync-store.js';
import { entityLabel, fieldLabel, syncFailureText } from '../../sync/sync-text.js';
import { useTransport } from '../../transport/transport.js';

const headingId = (seq: number) => `rejection-${seq}-title`;

export function RejectionsSection() {
  const { t } = useTranslation();
  const transport = useTransport();
  const load = useCallback(() => transport.call('sync:rejections', {}), [transport]);
  const { data, err, retry, set } = useList(load);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  useReloadOnCountChange((s) => s.rejected, retry);

  const dismiss = async (seqs: number[]) => {
    setBusy(true);
    setMessage('');
    setFailure('');
    const index = data?.findIndex((r) => r.seq === seqs[0]) ?? 0;
    try {
      await transport.call('sync:dismissRejections', { seqs });
    } catch (e) {
      setFailure(syncFailureText(t, e));
      setBusy(false);
      return;
    }
    let next: SyncRejection[] = (data ?? []).filter((r) => !seqs.includes(r.seq));
    try {
      next = await transport.call('sync:rejections', {});
    } catch {
      // Keep the list without the dismissed ones.
    }
    set(next);
    setBusy(false);
    setMessage(t('sync.rejections.dismissed'));
    void refreshSyncStatus(transport);
    const target = next[Math.min(index, next.length - 1)];
    setTimeout(() => document.getElementById(target ? headingId(target.seq) : 'rejections-title')?.focus(), 0);
  };

  return (
    <section aria-labelledby="rejections-title" className="card rejections">
      <h2 id="rejections-title" tabIndex={-1}>
        {t('sync.rejections.heading')}
      </h2>
      {message && <SuccessMessage>{message}</SuccessMessage>}
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <ListState err={err} loading={!data && !err} retry={retry} />
      {data && data.length === 0 && <p className="empty">{t('sync.rejections.empty')}</p>}
      {data && data.length > 0 && (
        <>
          <p>{t('sync.rejections.intro')}</p>
          <ul className="rejection-list">
            {data.map((r) => (
              <li key={r.seq}>
                <Rejection rejection={r} busy={busy} onDismiss={() => void dismiss([r.seq])} />
              </li>
            ))}
          </ul>
          {data.length > 1 && (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => void dismiss(data.map((r) => r.seq))}>
              {t('sync.rejections.dismiss_all')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Rejection({ rejection: r, busy, onDismiss }: { rejection: SyncRejection; busy: boolean; onDismiss(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const [copy, setCopy] = useState<'' | 'copied' | 'failed'>('');
  const title = t('sync.rejections.item', { entity: entityLabel(t, r.entity), title: r.title });
  const asText = r.changed.map((c) => `${fieldLabel(t, c.field)}: ${c.value}`).join('\n');

  const copyValues = async () => {
    try {
      await navigator.clipboard.writeText(asText);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <article aria-labelledby={headingId(r.seq)} className="rejection">
      <h3 id={headingId(r.seq)} tabIndex={-1}>
        {title}
      </h3>
      <p>{t(`sync.rejections.reason.${r.reason}`)}</p>
      <p className="rejection-meta">
        {t('sync.rejections.at', {
          op: t(`sync.rejections.op_${r.op}`),
          when: formatDateTime(r.at, lang),
        })}
      </p>
      <details className="rejection-values">
        <summary>{t('sync.rejections.values')}</summary>
        {r.changed.length === 0 ? (
          <p className="empty">{t('sync.rejections.no_values')}</p>
        ) : (
          <>
            <dl>
              {r.changed.map((c) => (
                <div key={c.field} className="rejection-value">
                  <dt>{fieldLabel(t, c.field)}</dt>
                  <dd>
                    <pre>{c.value}</pre>
                  </dd>
                </div>
              ))}
            </dl>
            <button type="button" className="button-secondary" onClick={() => void copyValues()}>
              {t('sync.rejections.copy')}
            </button>
            <p role="status" aria-live="polite" className="rejection-copy-status">
              {copy === 'copied' ? t('sync.rejections.copied') : copy === 'failed' ? t('sync.rejections.copy_failed') : ''}
            </p>
          </>
        )}
      </details>
      <button
        type="button"
        className="button-secondary"
        disabled={busy}
        aria-label={t('sync.rejections.dismiss_label', { title })}
        onClick={onDismiss}
      >
        {t('sync.rejections.dismiss')}
      </button>
    </article>
  );
}
