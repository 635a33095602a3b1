// The dossier's MDO's, kindgesprekken and afspraken (action items), each loaded on its own so one
// failing list does not hide the others.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, Dossier, Output } from '../../../../shared/contract/index.js';
import { AFSPRAAK_STATUSES, type AfspraakStatus } from '../../../../shared/domain/mdo.js';
import { formatDate } from '../../../../shared/format.js';
import { Link } from '../../components/link.js';
import { ErrorMessage } from '../../components/status.js';
import { errorText } from '../../i18n.js';
import { useCan } from '../../roles/use-can.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { newMdoInput } from '../mdo/mdo-draft.js';
import { ListState, useList, useStartAndOpen } from '../../components/use-async.js';
import { DossierArrangements, DossierTermijnBadges, DossierTlvs } from './dossier-arrangements.js';

export function DossierDocuments({ dossier }: { dossier: Dossier }) {
  // MDO reports, the child's words and their agreements are casework: not shown to the secretary (shared/contract/roles.ts).
  const casework = useCan('mdo:list');
  return (
    <>
      <DossierTermijnBadges dossier={dossier} />
      {casework && <MdoSection dossier={dossier} />}
      {casework && <KindgesprekSection dossier={dossier} />}
      {casework && <ActionsSection dossier={dossier} />}
      <DossierArrangements dossier={dossier} />
      <DossierTlvs dossier={dossier} />
    </>
  );
}

function MdoSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const list = useList(useCallback(() => transport.call('mdo:list', { dossierId: dossier.id }), [transport, dossier.id]));
  const start = useStartAndOpen(
    () => transport.call('mdo:create', { dossierId: dossier.id, mdo: newMdoInput() }),
    (m) => paths.mdo(dossier.id, m.id),
  );
  const closed = dossier.status === 'afgesloten';
  return (
    <section className="form-section" aria-labelledby="mdos-title">
      <h2 id="mdos-title">{t('mdo.list_title')}</h2>
      <ListState err={list.err} loading={!list.data && !list.err} retry={list.retry} />
      {list.data?.length === 0 && <p className="empty">{t('mdo.list_empty')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="doc-list">
          {list.data.map((m) => (
            <li key={m.id}>
              <Link to={paths.mdo(dossier.id, m.id)}>{t('mdo.list_item', { date: formatDate(m.datum, lang) })}</Link>{' '}
              <span className={`badge badge-mdo-${m.status}`}>{t(`enums.mdo_status.${m.status}`)}</span>{' '}
              <span>{t('mdo.list_version', { n: m.version })}</span>{' · '}
              <span>{t('mdo.list_afspraken', { count: m.afspraken })}</span>
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <button type="button" className="button-secondary" onClick={start.run} disabled={start.busy}>
          {start.busy ? t('mdo.creating') : t('mdo.create')}
        </button>
      )}
      {start.error && <ErrorMessage>{start.error}</ErrorMessage>}
    </section>
  );
}

function KindgesprekSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const list = useList(useCallback(() => transport.call('kindgesprek:list', { dossierId: dossier.id }), [transport, dossier.id]));
  const start = useStartAndOpen(
    () => transport.call('kindgesprek:create', { dossierId: dossier.id }),
    (k) => paths.kindgesprekKind(dossier.id, k.id),
  );
  const rows: Output<'kindgesprek:list'> = list.data ?? [];
  return (
    <section className="form-section" aria-labelledby="kgs-title">
      <h2 id="kgs-title">{t('kindgesprek.list_title')}</h2>
      <ListState err={list.err} loading={!list.data && !list.err} retry={list.retry} />
      {list.data?.length === 0 && <p className="empty">{t('kindgesprek.list_empty')}</p>}
      {rows.length > 0 && (
        <ul className="doc-list">
          {rows.map((k) => (
            <li key={k.id}>
              <Link to={paths.kindgesprek(dossier.id, k.id)}>{t('kindgesprek.list_item', { date: formatDate(k.datum, lang) })}</Link>{' '}
              <span className={`badge badge-kg-${k.status}`}>{t(`enums.kg_status.${k.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {dossier.status !== 'afgesloten' && (
        <button type="button" className="button-secondary" onClick={start.run} disabled={start.busy}>
          {start.busy ? t('kindgesprek.creating') : t('kindgesprek.create')}
        </button>
      )}
      {start.error && <ErrorMessage>{start.error}</ErrorMessage>}
    </section>
  );
}

function ActionsSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const list = useList(useCallback(() => transport.call('actions:list', { dossierId: dossier.id }), [transport, dossier.id]));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const setStatus = async (a: Action, status: AfspraakStatus) => {
    setBusy(a.id);
    setError('');
    try {
      const updated = await transport.call('actions:setStatus', { id: a.id, status });
      list.set((list.data ?? []).map((x) => (x.id === a.id ? updated : x)));
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="form-section" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      <ListState err={list.err} loading={!list.data && !list.err} retry={list.retry} />
      {list.data?.length === 0 && <p className="empty">{t('actions.empty')}</p>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('actions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.wat')}</th>
                <th scope="col">{t('actions.wie')}</th>
                <th scope="col">{t('actions.wanneer')}</th>
                <th scope="col">{t('actions.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.wat}</th>
                  <td>{a.wie}</td>
                  <td>{a.wanneer ? formatDate(a.wanneer, lang) : ''}</td>
                  <td>
                    <select aria-label={t('actions.status_of', { wat: a.wat })} value={a.status} disabled={busy === a.id}
                      onChange={(e) => void setStatus(a, e.target.value as AfspraakStatus)}>
                      {AFSPRAAK_STATUSES.map((s) => (
                        <option key={s} value={s}>{t(`enums.afspraak_status.${s}`)}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
