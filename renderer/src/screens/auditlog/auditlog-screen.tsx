// `#/auditlog`: the privacy officer's view of the audit log (beheerder role): who viewed, printed,
// exported, changed or deleted what, when and on which device — ids and field names, never content.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format.js';
import type { AuditRow, Input, Output } from '../../../../shared/contract/index.js';
import { ListState, useList } from '../../components/use-async.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLanguage } from '../../stores/language-store.js';
import { useTransport } from '../../transport/transport.js';
import { AuditFilters, EMPTY_FILTER, type AuditFilter } from './audit-filters.js';
import { AuditVerify } from './audit-verify.js';

export const AUDIT_PAGE = 50;

function toQuery(f: AuditFilter, offset: number): Input<'audit:search'> {
  return {
    ...(f.userId ? { userId: f.userId } : {}), ...(f.action ? { action: f.action } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}), ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}),
    offset, limit: AUDIT_PAGE,
  };
}

export function AuditlogScreen() {
  const { t } = useTranslation();
  const transport = useTransport();
  useDocumentTitle(t('auditlog.title'));
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_FILTER);
  const [offset, setOffset] = useState(0);
  const users = useList(useCallback(() => transport.call('users:list', {}), [transport]));
  const page = useList(useCallback(() => transport.call('audit:search', toQuery(filter, offset)), [transport, filter, offset]));
  return (
    <div className="auditlog">
      <h1>{t('auditlog.title')}</h1>
      <p>{t('auditlog.intro')}</p>
      <AuditVerify />
      <AuditFilters users={users.data ?? []} value={filter} onSearch={(f) => {
        setFilter(f);
        setOffset(0);
      }} />
      <ListState err={page.err} loading={!page.data && !page.err} retry={page.retry} />
      {page.data && <AuditTable data={page.data} offset={offset} onPage={setOffset} />}
    </div>
  );
}

function AuditTable({ data, offset, onPage }: { data: Output<'audit:search'>; offset: number; onPage(o: number): void }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  if (data.total === 0) return <p role="status">{t('auditlog.none')}</p>;
  const range = t('auditlog.range', { from: offset + 1, to: Math.min(offset + data.rows.length, data.total), total: data.total });
  return (
    <>
      <div className="table-wrap">
        <table className="data-table audit-table">
          <caption>{t('auditlog.table_label')} <span role="status">{range}</span></caption>
          <thead>
            <tr>
              <th scope="col">{t('auditlog.col_at')}</th>
              <th scope="col">{t('auditlog.col_user')}</th>
              <th scope="col">{t('auditlog.col_action')}</th>
              <th scope="col">{t('auditlog.col_subject')}</th>
              <th scope="col">{t('auditlog.col_device')}</th>
              <th scope="col">{t('auditlog.col_detail')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => <AuditLine key={r.id} r={r} lang={lang} />)}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t('auditlog.pages')}>
        <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - AUDIT_PAGE))}>{t('auditlog.prev')}</button>
        <button type="button" disabled={offset + AUDIT_PAGE >= data.total} onClick={() => onPage(offset + AUDIT_PAGE)}>{t('auditlog.next')}</button>
      </nav>
    </>
  );
}

function AuditLine({ r, lang }: { r: AuditRow; lang: string }) {
  const { t } = useTranslation();
  const entity = t(`auditlog.entities.${r.entity}`, { defaultValue: r.entity });
  return (
    <tr>
      <th scope="row"><time dateTime={r.at}>{formatDateTime(r.at, lang)}</time></th>
      <td>{r.userName ?? t('auditlog.unknown_user')}</td>
      <td>{t(`auditlog.actions.${r.action}`)}</td>
      <td>{r.entityId ? t('auditlog.subject', { entity, id: r.entityId }) : entity}</td>
      <td>{r.deviceName ?? t('auditlog.device', { id: r.deviceId.slice(0, 8) })}</td>
      <td><code>{detailText(r.detail)}</code></td>
    </tr>
  );
}

/** The detail's keys and values (field names, counts, variants) as one short line. */
function detailText(detail: string): string {
  try {
    const d = JSON.parse(detail) as Record<string, unknown>;
    return Object.entries(d).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('; ');
  } catch {
    return '';
  }
}
