// The audit log's search form: user, action, record or dossier id, and a period (Amsterdam days).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/contract/index.js';
import { SelectField, TextField } from '../../components/field.js';

export interface AuditFilter {
  userId: string;
  action: AuditAction | '';
  entityId: string;
  from: string;
  to: string;
}
export const EMPTY_FILTER: AuditFilter = { userId: '', action: '', entityId: '', from: '', to: '' };

export function AuditFilters({ users, value, onSearch }: {
  users: { id: string; name: string }[];
  value: AuditFilter;
  onSearch(f: AuditFilter): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const set = <K extends keyof AuditFilter>(k: K) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...draft, entityId: draft.entityId.trim() });
  };
  return (
    <form className="filters audit-filters" aria-label={t('auditlog.filters')} onSubmit={submit}>
      <SelectField id="audit-f-user" label={t('auditlog.user')} value={draft.userId} onChange={set('userId')}>
        <option value="">{t('auditlog.any_user')}</option>
        {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </SelectField>
      <SelectField id="audit-f-action" label={t('auditlog.action')} value={draft.action} onChange={set('action')}>
        <option value="">{t('auditlog.any_action')}</option>
        {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{t(`auditlog.actions.${a}`)}</option>)}
      </SelectField>
      <TextField id="audit-f-entity" label={t('auditlog.entity_id')} hint={t('auditlog.entity_id_hint')} value={draft.entityId}
        onChange={set('entityId')} />
      <TextField id="audit-f-from" type="date" label={t('auditlog.from')} value={draft.from} onChange={set('from')} />
      <TextField id="audit-f-to" type="date" label={t('auditlog.to')} value={draft.to} onChange={set('to')} />
      <div className="filter-actions">
        <button type="submit">{t('auditlog.search')}</button>
        <button type="button" onClick={() => {
          setDraft(EMPTY_FILTER);
          onSearch(EMPTY_FILTER);
        }}>{t('auditlog.reset')}</button>
      </div>
    </form>
  );
}
