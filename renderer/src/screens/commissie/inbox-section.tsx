// The secretary's inbox: submitted TLVs and arrangements with their completeness under the
// association's rules, the decision clock and the meeting they are on. Per row: send back ter
// aanvulling, put on an agenda, open the application.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxRow } from '../../../../shared/contract/index.js';
import { formatDate } from '../../../../shared/format.js';
import { Dialog } from '../../components/dialog.js';
import { SelectField, TextArea } from '../../components/field.js';
import { Link } from '../../components/link.js';
import { ErrorMessage, SuccessMessage } from '../../components/status.js';
import { ListState, useAction, useList } from '../../components/use-async.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { ClockBadge, MissingList, missingTexts, subjectPath } from './commission-parts.js';

export function InboxSection() {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const list = useList(useCallback(() => transport.call('commission:inbox', {}), [transport]));
  const [dialog, setDialog] = useState<{ kind: 'sendBack' | 'agenda'; row: InboxRow } | null>(null);
  const [done, setDone] = useState('');
  const rows = list.data ?? [];
  const finish = (message: string) => {
    setDialog(null);
    setDone(message);
    list.retry();
  };

  return (
    <section aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t('commission.tab_inbox')}</h2>
      <ListState err={list.err} loading={!list.data && !list.err} retry={list.retry} />
      {done && <SuccessMessage>{done}</SuccessMessage>}
      {list.data && rows.length === 0 && <p className="empty">{t('commission.inbox_empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table inbox-table">
            <caption>{t('commission.inbox_caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                {(['title', 'school', 'werkgebied', 'kind', 'status', 'submitted', 'complete', 'clock', 'meeting', 'actions'] as const).map((c) => (
                  <th key={c} scope="col">{t(`commission.col_${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.subjectId}>
                  <th scope="row"><Link to={subjectPath(r)} aria-label={t('commission.open_subject', { title: r.title })}>{r.title}</Link></th>
                  <td>{r.schoolName}</td>
                  <td>{r.werkgebiedName}</td>
                  <td>{t(`enums.commission_kind.${r.kind}`, { defaultValue: r.kind })}</td>
                  <td>{statusText(t, r)}</td>
                  <td>{r.submittedAt ? formatDate(r.submittedAt, lang, 'short') : ''}</td>
                  <td><MissingList missing={r.missing} /></td>
                  <td><ClockBadge clock={r.clock} /></td>
                  <td>
                    {r.meetingId && r.meetingDatum ? (
                      <Link to={paths.vergadering(r.meetingId)}>{t('commission.meeting_link', { date: formatDate(r.meetingDatum, lang) })}</Link>
                    ) : (
                      <span className="empty">{t('commission.not_on_meeting')}</span>
                    )}
                  </td>
                  <td>
                    <div className="button-row">
                      <button type="button" className="button-secondary" aria-label={t('commission.send_back_of', { title: r.title })}
                        onClick={() => { setDone(''); setDialog({ kind: 'sendBack', row: r }); }}>
                        {t('commission.send_back')}
                      </button>
                      {!r.meetingId && (
                        <button type="button" className="button-secondary" aria-label={t('commission.add_to_agenda_of', { title: r.title })}
                          onClick={() => { setDone(''); setDialog({ kind: 'agenda', row: r }); }}>
                          {t('commission.add_to_agenda')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'sendBack' && (
        <SendBackDialog row={dialog.row} onCancel={() => setDialog(null)}
          onDone={() => finish(t('commission.send_back_done', { title: dialog.row.title }))} />
      )}
      {dialog?.kind === 'agenda' && (
        <AddToAgendaDialog row={dialog.row} onCancel={() => setDialog(null)}
          onDone={(datum) => finish(t('commission.added', { title: dialog.row.title, date: formatDate(datum, lang) }))} />
      )}
    </section>
  );
}

function statusText(t: (k: string, o?: Record<string, unknown>) => string, r: InboxRow): string {
  return r.subjectType === 'tlv'
    ? t(`enums.tlv_status.${r.status}`, { defaultValue: r.status })
    : t(`enums.arr_status.${r.status}`, { defaultValue: r.status });
}

function SendBackDialog({ row, onCancel, onDone }: { row: InboxRow; onCancel(): void; onDone(): void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [note, setNote] = useState('');
  const action = useAction(async () => {
    await transport.call('commission:sendBack', { subjectType: row.subjectType, subjectId: row.subjectId, note });
    onDone();
  });
  const texts = missingTexts(t, row.missing);
  return (
    <Dialog title={t('commission.send_back_of', { title: row.title })} onCancel={onCancel} className="dialog-wide">
      <h3>{t('commission.send_back_missing')}</h3>
      {texts.length ? <ul>{texts.map((x) => <li key={x}>{x}</li>)}</ul> : <p>{t('commission.send_back_none')}</p>}
      <TextArea id="send-back-note" label={t('commission.send_back_note')} value={note} rows={4} onChange={setNote} />
      {action.error && <ErrorMessage>{action.error}</ErrorMessage>}
      <div className="button-row">
        <button type="button" onClick={() => void action.run()} disabled={action.busy} aria-busy={action.busy || undefined}>
          {action.busy ? t('commission.busy') : t('commission.send_back_confirm')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </Dialog>
  );
}

function AddToAgendaDialog({ row, onCancel, onDone }: { row: InboxRow; onCancel(): void; onDone(datum: string): void }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const meetings = useList(useCallback(
    () => transport.call('commission:meetings', { includePast: false }).then((ms) => ms.filter((m) => m.status === 'gepland')),
    [transport],
  ));
  const [chosen, setChosen] = useState('');
  const options = meetings.data ?? [];
  const meetingId = chosen || options[0]?.id || '';
  const action = useAction(async () => {
    const m = await transport.call('commission:meeting', { id: meetingId });
    await transport.call('commission:addItem', { meetingId, baseRevision: m.revision, subjectType: row.subjectType, subjectId: row.subjectId });
    onDone(m.datum);
  });
  return (
    <Dialog title={t('commission.add_to_agenda_of', { title: row.title })} onCancel={onCancel}>
      <ListState err={meetings.err} loading={!meetings.data && !meetings.err} retry={meetings.retry} />
      {meetings.data && options.length === 0 && <p>{t('commission.no_meetings')}</p>}
      {options.length > 0 && (
        <SelectField id="agenda-meeting" label={t('commission.choose_meeting')} value={meetingId} onChange={setChosen}>
          {options.map((m) => (
            <option key={m.id} value={m.id}>{`${formatDate(m.datum, lang)} ${m.tijd}`}</option>
          ))}
        </SelectField>
      )}
      {action.error && <ErrorMessage>{action.error}</ErrorMessage>}
      <div className="button-row">
        <button type="button" onClick={() => void action.run()} disabled={action.busy || !meetingId} aria-busy={action.busy || undefined}>
          {action.busy ? t('commission.busy') : t('commission.add_to_agenda')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </Dialog>
  );
}
