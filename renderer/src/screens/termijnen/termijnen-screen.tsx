// `#/termijnen`: deadlines grouped by severity (te laat / binnenkort / later), filter werkgebied.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output, TermijnItem, Werkgebied } from '../../../../shared/contract/index.js';
import { SEVERITIES } from '../../../../shared/domain/termijnen.js';
import { formatDate } from '../../../../shared/format.js';
import { SelectField } from '../../components/field.js';
import { Link } from '../../components/link.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';

/** The screen of the item's document, when it has one. */
export function termijnLink(item: TermijnItem): string | null {
  if (item.kind === 'arr_evaluation') return paths.arrangement(item.refId);
  if (item.kind.startsWith('tlv_')) return paths.tlv(item.refId);
  if (item.kind === 'mdo_evaluation') return paths.mdo(item.dossierId, item.refId);
  return null;
}

export function daysLeftText(t: (k: string, o?: Record<string, unknown>) => string, days: number): string {
  if (days === 0) return t('termijnen.days_today');
  return days < 0 ? t('termijnen.days_overdue', { count: -days }) : t('termijnen.days_left', { count: days });
}

export function TermijnenScreen() {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const [werkgebiedId, setWerkgebiedId] = useState('');
  const [werkgebieden, setWerkgebieden] = useState<Werkgebied[]>([]);
  const [attempt, setAttempt] = useState(0);
  const key = `${werkgebiedId}|${attempt}`;
  const [state, setState] = useState<{ key: string; data?: Output<'termijnen:list'>; err?: unknown } | null>(null);
  useDocumentTitle(t('termijnen.title'));

  useEffect(() => {
    transport.call('werkgebieden:list', {}).then(setWerkgebieden, () => setWerkgebieden([]));
  }, [transport]);
  useEffect(() => {
    let live = true;
    transport.call('termijnen:list', werkgebiedId ? { werkgebiedId } : {}).then(
      (data) => live && setState({ key, data }),
      (err: unknown) => live && setState({ key, err }),
    );
    return () => {
      live = false;
    };
  }, [transport, werkgebiedId, key]);

  const data = state?.data;
  const loading = state?.key !== key;
  return (
    <div className="termijnen">
      <h1>{t('termijnen.title')}</h1>
      {data && <p>{t('termijnen.today', { date: formatDate(data.today, lang) })}</p>}
      <SelectField id="termijnen-werkgebied" label={t('termijnen.filter_werkgebied')} value={werkgebiedId} onChange={setWerkgebiedId}>
        <option value="">{t('termijnen.all_werkgebieden')}</option>
        {werkgebieden.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
      </SelectField>
      {state?.err ? (
        <ErrorMessage action={<button type="button" onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>}>
          {errorText(t, state.err)}
        </ErrorMessage>
      ) : null}
      {loading && <Busy>{t('common.loading')}</Busy>}
      {data && data.items.length === 0 && <p className="empty">{t('termijnen.empty')}</p>}
      {data && SEVERITIES.map((sev) => {
        const items = data.items.filter((i) => i.severity === sev);
        if (items.length === 0) return null;
        return (
          <section key={sev} className={`form-section termijn-group termijn-${sev}`} aria-labelledby={`termijn-${sev}`}>
            <h2 id={`termijn-${sev}`}>{t(`termijnen.group_${sev}`, { count: items.length })}</h2>
            <ul className="termijn-list">
              {items.map((i) => {
                const to = termijnLink(i);
                return (
                  <li key={`${i.kind}|${i.refId}|${i.due}`}>
                    <span className={`badge badge-sev-${sev}`}>{t(`enums.severity.${sev}`)}</span>{' '}
                    <strong>{t(i.labelKey, { defaultValue: t(`enums.termijn.${i.kind}`) })}</strong>{' — '}
                    {t('termijnen.due', { date: formatDate(i.due, lang) })} ({daysLeftText(t, i.daysLeft)}){' — '}
                    <Link to={paths.dossier(i.dossierId)}>{i.dossierName}</Link>
                    {to && <>{' — '}<Link to={to}>{t(`termijnen.open_${i.kind.startsWith('tlv_') ? 'tlv' : i.kind === 'arr_evaluation' ? 'arr' : 'mdo'}`)}</Link></>}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
