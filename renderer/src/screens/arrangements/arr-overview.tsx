// `#/arrangementen`: all arrangements with filters (werkgebied, school, route, status, target),
// sorting and a totals row from the core.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output, School, Werkgebied } from '../../../../shared/contract/index.js';
import { ARR_STATUSES, ROUTES, TARGETS, type ArrStatus, type Target } from '../../../../shared/domain/arrangement.js';
import { formatEuro } from '../../../../shared/domain/money.js';
import { formatDate } from '../../../../shared/format.js';
import { SelectField } from '../../components/field.js';
import { Link } from '../../components/link.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { NewInnovationProject } from './arr-innovation.js';

type Sort = NonNullable<Input<'arrangements:list'>['sort']>;

export function ArrangementsOverview() {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const transport = useTransport();
  const [f, setF] = useState({ werkgebiedId: '', schoolId: '', route: '', status: '', target: '', sort: 'updatedAt' as Sort, dir: 'desc' as 'asc' | 'desc' });
  const [lists, setLists] = useState<{ werkgebieden: Werkgebied[]; schools: School[] }>({ werkgebieden: [], schools: [] });
  const [attempt, setAttempt] = useState(0);
  const key = `${JSON.stringify(f)}|${attempt}`;
  const [state, setState] = useState<{ key: string; data?: Output<'arrangements:list'>; err?: unknown } | null>(null);
  useDocumentTitle(t('arrangements.overview_title'));

  useEffect(() => {
    Promise.all([transport.call('werkgebieden:list', {}), transport.call('schools:list', {})]).then(
      ([werkgebieden, schools]) => setLists({ werkgebieden, schools }),
      () => undefined,
    );
  }, [transport]);
  useEffect(() => {
    let live = true;
    const input: Input<'arrangements:list'> = {
      sort: f.sort, dir: f.dir, limit: 500,
      ...(f.werkgebiedId ? { werkgebiedId: f.werkgebiedId } : {}), ...(f.schoolId ? { schoolId: f.schoolId } : {}),
      ...(f.route ? { route: Number(f.route) as 1 | 2 | 3 } : {}), ...(f.status ? { status: [f.status as ArrStatus] } : {}),
      ...(f.target ? { target: f.target as Target } : {}),
    };
    transport.call('arrangements:list', input).then(
      (data) => live && setState({ key, data }),
      (err: unknown) => live && setState({ key, err }),
    );
    return () => {
      live = false;
    };
  }, [transport, f, key]);

  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const data = state?.data;
  const sortHeader = (s: Sort, label: string) => (
    <th scope="col" aria-sort={f.sort === s ? (f.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="button-link"
        onClick={() => setF((x) => ({ ...x, sort: s, dir: x.sort === s && x.dir === 'desc' ? 'asc' : 'desc' }))}>
        {label}
      </button>
    </th>
  );
  const schools = f.werkgebiedId ? lists.schools.filter((s) => s.werkgebiedId === f.werkgebiedId) : lists.schools;
  return (
    <div className="arr-overview">
      <h1>{t('arrangements.overview_title')}</h1>
      <NewInnovationProject werkgebieden={lists.werkgebieden} />
      <div className="filters" role="group" aria-label={t('arrangements.filters')}>
        <SelectField id="arr-f-werkgebied" label={t('arrangements.f_werkgebied')} value={f.werkgebiedId} onChange={set('werkgebiedId')}>
          <option value="">{t('arrangements.f_all')}</option>
          {lists.werkgebieden.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
        </SelectField>
        <SelectField id="arr-f-school" label={t('arrangements.f_school')} value={f.schoolId} onChange={set('schoolId')}>
          <option value="">{t('arrangements.f_all')}</option>
          {schools.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </SelectField>
        <SelectField id="arr-f-route" label={t('arrangements.f_route')} value={f.route} onChange={set('route')}>
          <option value="">{t('arrangements.f_all')}</option>
          {ROUTES.map((r) => <option key={r} value={r}>{t(`enums.route.${r}`)}</option>)}
        </SelectField>
        <SelectField id="arr-f-status" label={t('arrangements.f_status')} value={f.status} onChange={set('status')}>
          <option value="">{t('arrangements.f_all')}</option>
          {ARR_STATUSES.map((s) => <option key={s} value={s}>{t(`enums.arr_status.${s}`)}</option>)}
        </SelectField>
        <SelectField id="arr-f-target" label={t('arrangements.f_target')} value={f.target} onChange={set('target')}>
          <option value="">{t('arrangements.f_all')}</option>
          {TARGETS.map((x) => <option key={x} value={x}>{t(`enums.target.${x}`)}</option>)}
        </SelectField>
      </div>
      {state?.err ? (
        <ErrorMessage action={<button type="button" onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>}>
          {errorText(t, state.err)}
        </ErrorMessage>
      ) : null}
      {state?.key !== key && <Busy>{t('common.loading')}</Busy>}
      {data && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('arrangements.overview_caption', { count: data.totals.count })}</caption>
            <thead>
              <tr>
                {sortHeader('title', t('arrangements.col_title'))}
                <th scope="col">{t('arrangements.col_dossier')}</th>
                <th scope="col">{t('arrangements.col_werkgebied')}</th>
                <th scope="col">{t('arrangements.col_route')}</th>
                {sortHeader('status', t('arrangements.col_status'))}
                {sortHeader('startDate', t('arrangements.col_period'))}
                {sortHeader('totalCents', t('arrangements.col_total'))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row"><Link to={paths.arrangement(r.id)}>{r.title || t('arrangements.untitled')}</Link></th>
                  <td>{r.dossierName}{r.schoolName ? ` (${r.schoolName})` : ''}</td>
                  <td>{r.werkgebiedName}</td>
                  <td>{r.route}</td>
                  <td>{t(`enums.arr_status.${r.status}`)}</td>
                  <td>{formatDate(r.startDate, lang, 'short')} – {formatDate(r.endDate, lang, 'short')}</td>
                  <td className="num">{formatEuro(r.totalCents, lang)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={6}>{t('arrangements.totals_row', { count: data.totals.count })}</th>
                <td className="num" data-testid="arr-totals">{formatEuro(data.totals.totalCents, lang)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}
