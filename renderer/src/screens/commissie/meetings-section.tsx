// The commission's meetings (planned, and on request the closed ones) and "Nieuwe vergadering".
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInAmsterdam } from '../../../../shared/domain/validation.js';
import { formatDate } from '../../../../shared/format.js';
import { Checkbox } from '../../components/field.js';
import { Link } from '../../components/link.js';
import { ListState, useList } from '../../components/use-async.js';
import { navigate, paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { emptyMeetingDraft, MeetingForm } from './meeting-form.js';

export function MeetingsSection() {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const [includePast, setIncludePast] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useList(useCallback(() => transport.call('commission:meetings', { includePast }), [transport, includePast]));
  const settings = useList(useCallback(() => transport.call('commission:settings', {}), [transport]));
  const rows = list.data ?? [];

  return (
    <section aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('commission.tab_meetings')}</h2>
      <Checkbox id="meetings-past" label={t('commission.include_past')} checked={includePast} onChange={setIncludePast} />
      <ListState err={list.err} loading={!list.data && !list.err} retry={list.retry} />
      {list.data && rows.length === 0 && <p className="empty">{t('commission.meetings_empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('commission.meetings_caption')}</caption>
            <thead>
              <tr>
                {(['date', 'time', 'place', 'status', 'items', 'decided'] as const).map((c) => (
                  <th key={c} scope="col" className={c === 'items' || c === 'decided' ? 'num' : undefined}>{t(`commission.col_${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <th scope="row"><Link to={paths.vergadering(m.id)}>{t('commission.meeting_link', { date: formatDate(m.datum, lang) })}</Link></th>
                  <td>{m.tijd}</td>
                  <td>{m.online ? t('commission.online') : m.locatie}</td>
                  <td><span className={`badge badge-meeting-${m.status}`}>{t(`enums.meeting_status.${m.status}`)}</span></td>
                  <td className="num">{m.itemCount}</td>
                  <td className="num">{m.decidedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!creating ? (
        <button type="button" onClick={() => setCreating(true)}>{t('commission.new_meeting')}</button>
      ) : (
        <section className="form-section card" aria-labelledby="new-meeting-title">
          <h3 id="new-meeting-title">{t('commission.new_meeting')}</h3>
          <ListState err={settings.err} loading={!settings.data && !settings.err} retry={settings.retry} />
          {settings.data && (
            <MeetingForm idPrefix="nm" initial={emptyMeetingDraft(todayInAmsterdam())} roles={settings.data.memberRoles}
              submitLabel={t('commission.create_meeting')}
              onSubmit={async (meeting) => {
                const m = await transport.call('commission:createMeeting', { meeting });
                await navigate(paths.vergadering(m.id));
              }} />
          )}
          <button type="button" className="button-secondary" onClick={() => setCreating(false)}>{t('common.cancel')}</button>
        </section>
      )}
    </section>
  );
}
