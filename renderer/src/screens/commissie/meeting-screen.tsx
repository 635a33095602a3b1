// `#/commissie/vergaderingen/<id>`: one meeting — details, members, the agenda (with "Toevoegen uit
// inbox"), the meeting pack, decisions, letters and the notulen. Every change is a contract call that
// answers with the whole meeting; that answer replaces what is shown. Read-only once afgerond.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommissionSettings, Meeting, Output } from '../../../../shared/contract/index.js';
import { formatDate, formatDateTime } from '../../../../shared/format.js';
import { Link } from '../../components/link.js';
import { Loaded } from '../../components/loaded.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { AgendaSection } from './agenda-section.js';
import { DecisionsSection } from './decisions-section.js';
import { FromInboxPanel } from './from-inbox-panel.js';
import { MeetingForm } from './meeting-form.js';
import { NotulenSection } from './notulen-section.js';
import { PackSection } from './pack-section.js';

type BudgetSettings = Output<'budgets:settings'>;

export interface MeetingCtx {
  meeting: Meeting;
  readOnly: boolean;
  /** The latest meeting (for the revision an async action must send). */
  latest(): Meeting;
  apply(m: Meeting): void;
}

interface Opts { pollMs?: number | undefined; autosaveDelayMs?: number | undefined }

export function MeetingScreen({ id, ...opts }: { id: string } & Opts) {
  const { t } = useTranslation();
  const transport = useTransport();
  const load = () => Promise.all([
    transport.call('commission:meeting', { id }),
    transport.call('commission:settings', {}),
    // Only labels the TLV categories: the meeting works without it.
    transport.call('budgets:settings', {}).catch(() => null),
  ]);
  return (
    <Loaded loadKey={id} load={load} loadingText={t('commission.loading')} back={<Link to={paths.commissie}>{t('commission.back')}</Link>}>
      {([meeting, settings, budget]: [Meeting, CommissionSettings, BudgetSettings | null]) => (
        <MeetingView initial={meeting} settings={settings} budget={budget} {...opts} />
      )}
    </Loaded>
  );
}

function MeetingView({ initial, settings, budget, pollMs, autosaveDelayMs }: { initial: Meeting; settings: CommissionSettings; budget: BudgetSettings | null } & Opts) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const [meeting, setMeeting] = useState(initial);
  const latest = useRef(initial);
  const apply = (m: Meeting) => {
    latest.current = m;
    setMeeting(m);
  };
  const readOnly = meeting.status === 'afgerond' || meeting.notulenStatus === 'vastgesteld';
  const ctx: MeetingCtx = { meeting, readOnly, latest: () => latest.current, apply };
  const title = t('commission.meeting_title', { date: formatDate(meeting.datum, lang) });
  useDocumentTitle(title);
  const categories = budget?.tlvCategories ?? [];
  const categoryLabel = (key: string) => categories.find((c) => c.key === key)?.label ?? t(`enums.tlv_category.${key}`, { defaultValue: key });

  return (
    <div className="meeting">
      <p className="back-link"><Link to={paths.commissie}>{t('commission.back')}</Link></p>
      <div className="screen-head">
        <h1>{title}</h1>
        <p><span className={`badge badge-meeting-${meeting.status}`}>{t(`enums.meeting_status.${meeting.status}`)}</span></p>
      </div>
      <p>{t('commission.when_where', {
        date: formatDate(meeting.datum, lang), time: meeting.tijd, place: meeting.online ? t('commission.online') : meeting.locatie,
      })}</p>
      {readOnly && meeting.vastgesteldAt && (
        <p className="message message-info">
          {t('commission.vastgesteld', { date: formatDateTime(meeting.vastgesteldAt, lang), name: meeting.vastgesteldByName })}
        </p>
      )}
      <section className="form-section" aria-labelledby="meeting-details-title">
        <h2 id="meeting-details-title">{t('commission.details_title')}</h2>
        <MeetingForm idPrefix="md" roles={settings.memberRoles} readOnly={readOnly} submitLabel={t('commission.save_details')}
          savedText={t('commission.details_saved')}
          initial={{ datum: meeting.datum, tijd: meeting.tijd, locatie: meeting.locatie, online: meeting.online, link: meeting.link,
            members: meeting.members.map((m) => ({ ...m })) }}
          onSubmit={async (input) => apply(await transport.call('commission:saveMeeting', {
            meetingId: meeting.id, baseRevision: latest.current.revision, meeting: input,
          }))} />
      </section>
      <AgendaSection ctx={ctx} />
      {!readOnly && <FromInboxPanel ctx={ctx} />}
      <PackSection meetingId={meeting.id} pollMs={pollMs} />
      <DecisionsSection ctx={ctx} categories={categories} categoryLabel={categoryLabel} />
      <NotulenSection ctx={ctx} autosaveDelayMs={autosaveDelayMs} />
    </div>
  );
}
