// Small pieces the commission screens share: the missing-items list, the decision clock badge, the
// recorded decision, the subject's link and the "sent back" banner of the TLV/arrangement screens.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DecisionRecord, InboxRow } from '../../../../shared/contract/index.js';
import type { ClockState } from '../../../../shared/domain/commission.js';
import { formatDate, formatDateTime } from '../../../../shared/format.js';
import { validationText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';

type Issue = { path: string; key: string };
type Clock = NonNullable<InboxRow['clock']>;

/** The Dutch sentences of what is missing (one per key; the same key on two paths reads once). */
export function missingTexts(t: TFunction, missing: readonly Issue[]): string[] {
  return [...new Set(missing.map((m) => validationText(t, m.key)))];
}

export function MissingList({ missing }: { missing: readonly Issue[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) return <span className="badge badge-lopend">{t('commission.complete')}</span>;
  const texts = missingTexts(t, missing);
  return (
    <div className="missing-cell">
      <span>{t('commission.missing_count', { count: texts.length })}</span>
      <ul>
        {texts.map((x) => <li key={x}>{x}</li>)}
      </ul>
    </div>
  );
}

const SEVERITY: Record<ClockState, string> = { op_tijd: 'later', bijna: 'soon', verlopen: 'overdue' };

export function daysText(t: TFunction, daysLeft: number): string {
  if (daysLeft === 0) return t('commission.days_today');
  return daysLeft > 0 ? t('commission.days_left', { count: daysLeft }) : t('commission.days_overdue', { count: -daysLeft });
}

export function ClockBadge({ clock }: { clock: Clock | null }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  if (!clock) return <span className="empty">{t('commission.clock_none')}</span>;
  return (
    <span className="clock">
      <span className={`badge badge-sev-${SEVERITY[clock.state]}`}>{t(`enums.clock_state.${clock.state}`)}</span>{' '}
      <span>{t('commission.clock_due', { date: formatDate(clock.due, lang) })}</span>{' '}
      <span>({daysText(t, clock.daysLeft)})</span>
    </span>
  );
}

export const subjectPath = (s: { subjectType: 'tlv' | 'arrangement'; subjectId: string }) =>
  s.subjectType === 'tlv' ? paths.tlv(s.subjectId) : paths.arrangement(s.subjectId);

/** A recorded decision as lines (decision, TLV number, category, period, text, when/who). */
export function DecisionSummary({ decision, categoryLabel }: { decision: DecisionRecord; categoryLabel?: (key: string) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const d = decision;
  return (
    <div className="decision-summary">
      <p>
        <strong>{t('commission.decision_recorded', {
          decision: t(`enums.decision.${d.decision}`), date: formatDate(d.datum || d.decidedAt, lang), name: d.decidedByName,
        })}</strong>
      </p>
      {d.tlvNumber && <p>{t('commission.decision_tlv_number', { number: d.tlvNumber })}</p>}
      {d.decision === 'toegekend' && d.category && (
        <p>{t('commission.decision_category', { category: categoryLabel ? categoryLabel(d.category) : d.category })}</p>
      )}
      {d.decision === 'toegekend' && d.startDate && (
        <p>{t('commission.decision_period', { start: formatDate(d.startDate, lang), end: formatDate(d.endDate, lang) })}</p>
      )}
      {d.conditions && <p>{t('commission.decision_conditions', { text: d.conditions })}</p>}
      {d.reasons && <p>{t('commission.decision_reasons', { text: d.reasons })}</p>}
      {d.needed && <p>{t('commission.decision_needed', { text: d.needed })}</p>}
      {d.decision !== 'aangehouden' && <p className="field-hint">{t('commission.decision_final')}</p>}
    </div>
  );
}

/** The read-only "Besluit van de commissie" panel of the TLV and arrangement screens. */
export function DecisionPanel({ decision, categoryLabel }: { decision: DecisionRecord | null; categoryLabel?: (key: string) => string }) {
  const { t } = useTranslation();
  if (!decision) return null;
  return (
    <section className="form-section card" aria-labelledby="commission-decision-title">
      <h2 id="commission-decision-title">{t('commission.panel_title')}</h2>
      <DecisionSummary decision={decision} {...(categoryLabel ? { categoryLabel } : {})} />
    </section>
  );
}

interface SendBack { at: string; byName: string; missing: Issue[]; note: string }

/** "Teruggestuurd ter aanvulling": the secretary's note, who/when and what is missing. */
export function SentBackBanner({ sendBack }: { sendBack: SendBack | null }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  return (
    <section className="message message-info" aria-labelledby="sent-back-title">
      <h2 id="sent-back-title">{t('commission.sent_back_title')}</h2>
      {sendBack && (
        <>
          <p>{t('commission.sent_back_by', { name: sendBack.byName, date: formatDateTime(sendBack.at, lang) })}</p>
          {sendBack.note && <p>{t('commission.sent_back_note', { note: sendBack.note })}</p>}
          {sendBack.missing.length > 0 && (
            <>
              <p>{t('commission.sent_back_missing')}</p>
              <ul>
                {missingTexts(t, sendBack.missing).map((x) => <li key={x}>{x}</li>)}
              </ul>
            </>
          )}
        </>
      )}
      <p>{t('commission.sent_back_again')}</p>
    </section>
  );
}
