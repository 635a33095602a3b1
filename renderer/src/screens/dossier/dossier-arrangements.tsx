// The dossier's arrangements, TLV applications and deadline badges (termijnen).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, Output } from '../../../../shared/contract/index.js';
import { formatEuro } from '../../../../shared/domain/money.js';
import { formatDate } from '../../../../shared/format.js';
import { Link } from '../../components/link.js';
import { ErrorMessage } from '../../components/status.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { ListState, useList, useStartAndOpen } from '../../components/use-async.js';
import { useCan } from '../../roles/use-can.js';
import { newArrangementInput } from '../arrangements/arr-draft.js';

export function DossierTermijnBadges({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const list = useList(useCallback(() => transport.call('termijnen:list', { dossierId: dossier.id }), [transport, dossier.id]));
  if (!list.data) return null;
  const overdue = list.data.items.filter((i) => i.severity === 'overdue').length;
  const soon = list.data.items.filter((i) => i.severity === 'soon').length;
  if (!overdue && !soon) return null;
  return (
    <p className="termijn-badges">
      {overdue > 0 && <span className="badge badge-sev-overdue">{t('termijnen.badge_overdue', { count: overdue })}</span>}{' '}
      {soon > 0 && <span className="badge badge-sev-soon">{t('termijnen.badge_soon', { count: soon })}</span>}{' '}
      <Link to={paths.termijnen}>{t('termijnen.open_all')}</Link>
    </p>
  );
}

export function DossierArrangements({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const list = useList(useCallback(() => transport.call('arrangements:list', { dossierId: dossier.id }), [transport, dossier.id]));
  // The secretary reads applications but does not write them (shared/contract/roles.ts).
  const mayCreate = useCan('arrangements:create');
  const create = useStartAndOpen(
    () => transport.call('arrangements:create', { arrangement: newArrangementInput(dossier, t('arrangements.default_title')) }),
    (a) => paths.arrangement(a.id),
  );
  const rows: Output<'arrangements:list'>['rows'] = list.data?.rows ?? [];
  return (
    <section className="form-section" aria-labelledby="arrs-title">
      <h2 id="arrs-title">{t('arrangements.list_title')}</h2>
      <ListState err={list.err} loading={!list.data && !list.err} retry={list.retry} />
      {list.data && rows.length === 0 && <p className="empty">{t('arrangements.list_empty')}</p>}
      {rows.length > 0 && (
        <ul className="doc-list">
          {rows.map((r) => (
            <li key={r.id}>
              <Link to={paths.arrangement(r.id)}>{r.title || t('arrangements.untitled')}</Link>{' '}
              <span className={`badge badge-arr-${r.status}`}>{t(`enums.arr_status.${r.status}`)}</span>{' '}
              <span>{t('arrangements.list_item', {
                start: formatDate(r.startDate, lang, 'short'), end: formatDate(r.endDate, lang, 'short'), amount: formatEuro(r.totalCents, lang),
              })}</span>
            </li>
          ))}
        </ul>
      )}
      {dossier.status !== 'afgesloten' && mayCreate && (
        <button type="button" className="button-secondary" onClick={() => void create.run()} disabled={create.busy}>
          {create.busy ? t('arrangements.creating') : t('arrangements.create')}
        </button>
      )}
      {create.error && <ErrorMessage>{create.error}</ErrorMessage>}
    </section>
  );
}

const DECIDED: readonly string[] = ['toegekend', 'afgewezen', 'aangehouden'];

/** The commission's decision and TLV number of a decided application (the list row does not carry them). */
function TlvDecision({ id }: { id: string }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const one = useList(useCallback(() => transport.call('tlv:get', { id }), [transport, id]));
  const d = one.data?.commissionDecision;
  const number = d?.tlvNumber || one.data?.tlvNumber;
  if (!d && !number) return null;
  return (
    <span>
      {d && t('tlv.list_decision', { decision: t(`enums.decision.${d.decision}`) })}
      {d && number && ' · '}
      {number && t('tlv.list_number', { number })}
    </span>
  );
}

export function DossierTlvs({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const list = useList(useCallback(() => transport.call('tlv:list', { dossierId: dossier.id }), [transport, dossier.id]));
  const mayCreate = useCan('tlv:create');
  const create = useStartAndOpen(() => transport.call('tlv:create', { dossierId: dossier.id }), (a) => paths.tlv(a.id));
  return (
    <section className="form-section" aria-labelledby="tlvs-title">
      <h2 id="tlvs-title">{t('tlv.list_title')}</h2>
      <ListState err={list.err} loading={!list.data && !list.err} retry={list.retry} />
      {list.data?.length === 0 && <p className="empty">{t('tlv.list_empty')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="doc-list">
          {list.data.map((r) => (
            <li key={r.id}>
              <Link to={paths.tlv(r.id)}>{t('tlv.list_item', { type: t(`enums.tlv_type.${r.type}`), kind: t(`enums.tlv_kind.${r.kind}`) })}</Link>{' '}
              <span className={`badge badge-tlv-${r.status}`}>{t(`enums.tlv_status.${r.status}`)}</span>{' '}
              {r.status === 'concept' && <span>{t('tlv.list_missing', { count: r.missingCount })}</span>}
              {r.decisionDue && !DECIDED.includes(r.status) && <span>{t('tlv.decision_due', { date: formatDate(r.decisionDue, lang) })}</span>}
              {DECIDED.includes(r.status) && <TlvDecision id={r.id} />}
            </li>
          ))}
        </ul>
      )}
      {dossier.status !== 'afgesloten' && mayCreate && (
        <button type="button" className="button-secondary" onClick={() => void create.run()} disabled={create.busy}>
          {create.busy ? t('tlv.creating') : t('tlv.create')}
        </button>
      )}
      {create.error && <ErrorMessage>{create.error}</ErrorMessage>}
    </section>
  );
}
