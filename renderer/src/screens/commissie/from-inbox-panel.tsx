// "Toevoegen uit inbox": the waiting cases that are on no agenda yet, each with "Toevoegen".
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n.js';
import type { InboxRow } from '../../../../shared/contract/index.js';
import { ErrorMessage } from '../../components/status.js';
import { ListState, useList } from '../../components/use-async.js';
import { useTransport } from '../../transport/transport.js';
import { ClockBadge, MissingList } from './commission-parts.js';
import type { MeetingCtx } from './meeting-screen.js';

export function FromInboxPanel({ ctx }: { ctx: MeetingCtx }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const list = useList(useCallback(() => transport.call('commission:inbox', {}), [transport]));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const onAgenda = new Set(ctx.meeting.items.map((i) => i.subjectId));
  const rows = (list.data ?? []).filter((r) => !r.meetingId && !onAgenda.has(r.subjectId));

  const add = async (r: InboxRow) => {
    setBusy(r.subjectId);
    setError('');
    try {
      const latest = ctx.latest();
      ctx.apply(await transport.call('commission:addItem', {
        meetingId: latest.id, baseRevision: latest.revision, subjectType: r.subjectType, subjectId: r.subjectId,
      }));
      list.retry();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="form-section" aria-labelledby="from-inbox-title">
      <h2 id="from-inbox-title">{t('commission.from_inbox_title')}</h2>
      <ListState err={list.err} loading={!list.data && !list.err} retry={list.retry} />
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {list.data && rows.length === 0 && <p className="empty">{t('commission.from_inbox_empty')}</p>}
      {rows.length > 0 && (
        <ul className="doc-list">
          {rows.map((r) => (
            <li key={r.subjectId}>
              <strong>{r.title}</strong>{' · '}{t(`enums.commission_kind.${r.kind}`, { defaultValue: r.kind })}{' · '}{r.schoolName}{' '}
              <ClockBadge clock={r.clock} /> <MissingList missing={r.missing} />
              <button type="button" className="button-secondary" disabled={busy !== null}
                aria-label={t('commission.from_inbox_add_of', { title: r.title })} onClick={() => void add(r)}>
                {busy === r.subjectId ? t('commission.busy') : t('commission.from_inbox_add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
