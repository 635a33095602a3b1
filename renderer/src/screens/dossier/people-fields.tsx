// Repeatable parts of a dossier: ouders/verzorgers and betrokkenen.
import { useTranslation } from 'react-i18next';
import { INVOLVED_ROLES, PARENT_RELATIONS, type InvolvedRole, type ParentRelation } from '../../../../shared/domain/dossier.js';
import { Checkbox, SelectField, TextField } from '../../components/field.js';
import type { SectionProps } from './dossier-fields.js';
import { emptyInvolved, emptyParent, fieldId, type InvolvedDraft, type ParentDraft } from './draft.js';

/** Focus the first field of a row just added (after React rendered it). */
function focusSoon(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

export function ParentsFields({ draft, errorOf, edit, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<ParentDraft>, field: string) =>
    edit((d) => ({ ...d, parents: d.parents.map((p, j) => (j === i ? { ...p, ...patch } : p)) }), [`parents.${i}.${field}`]);
  return (
    <section className="form-section" aria-labelledby="parents-title">
      <h2 id="parents-title">{t('dossier.section_parents')}</h2>
      {draft.parents.length === 0 && <p className="empty">{t('dossier.parents_empty')}</p>}
      {draft.parents.map((p, i) => (
        <fieldset key={p.key} className="repeat-row">
          <legend>{t('dossier.parent_legend', { n: i + 1 })}</legend>
          <div className="form-grid">
            <TextField id={fieldId(`parents.${i}.name`)} label={t('dossier.parent_name')} value={p.name} required disabled={readOnly}
              onChange={(v) => change(i, { name: v }, 'name')} error={errorOf(`parents.${i}.name`)} />
            <SelectField id={fieldId(`parents.${i}.relation`)} label={t('dossier.parent_relation')} value={p.relation} required
              disabled={readOnly} onChange={(v) => change(i, { relation: v as ParentRelation }, 'relation')}
              error={errorOf(`parents.${i}.relation`)}>
              {p.relation === '' && <option value="">{t('common.choose')}</option>}
              {PARENT_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`enums.relation.${r}`)}
                </option>
              ))}
            </SelectField>
            <Checkbox id={fieldId(`parents.${i}.gezag`)} label={t('dossier.parent_gezag')} checked={p.gezag} disabled={readOnly}
              onChange={(v) => change(i, { gezag: v }, 'gezag')} error={errorOf(`parents.${i}.gezag`)} />
            <TextField id={fieldId(`parents.${i}.phone`)} type="tel" label={t('dossier.parent_phone')} value={p.phone}
              disabled={readOnly} autoComplete="off" onChange={(v) => change(i, { phone: v }, 'phone')}
              error={errorOf(`parents.${i}.phone`)} />
            <TextField id={fieldId(`parents.${i}.email`)} type="email" label={t('dossier.parent_email')} value={p.email}
              disabled={readOnly} autoComplete="off" onChange={(v) => change(i, { email: v }, 'email')}
              error={errorOf(`parents.${i}.email`)} />
          </div>
          {!readOnly && (
            <button type="button" className="button-secondary"
              onClick={() => edit((d) => ({ ...d, parents: d.parents.filter((_, j) => j !== i) }), ['parents'])}>
              {t('dossier.parent_remove', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" className="button-secondary" onClick={() => {
          edit((d) => ({ ...d, parents: [...d.parents, emptyParent()] }), []);
          focusSoon(fieldId(`parents.${draft.parents.length}.name`));
        }}>
          {t('dossier.parent_add')}
        </button>
      )}
    </section>
  );
}

export function InvolvedFields({ draft, errorOf, edit, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<InvolvedDraft>, field: string) =>
    edit((d) => ({ ...d, involved: d.involved.map((p, j) => (j === i ? { ...p, ...patch } : p)) }), [`involved.${i}.${field}`]);
  return (
    <section className="form-section" aria-labelledby="involved-title">
      <h2 id="involved-title">{t('dossier.section_involved')}</h2>
      {draft.involved.length === 0 && <p className="empty">{t('dossier.involved_empty')}</p>}
      {draft.involved.map((p, i) => (
        <fieldset key={p.key} className="repeat-row">
          <legend>{t('dossier.involved_legend', { n: i + 1 })}</legend>
          <div className="form-grid">
            <SelectField id={fieldId(`involved.${i}.role`)} label={t('dossier.involved_role')} value={p.role} required
              disabled={readOnly} onChange={(v) => change(i, { role: v as InvolvedRole }, 'role')}
              error={errorOf(`involved.${i}.role`)}>
              {p.role === '' && <option value="">{t('common.choose')}</option>}
              {INVOLVED_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`enums.involved.${r}`)}
                </option>
              ))}
            </SelectField>
            <TextField id={fieldId(`involved.${i}.name`)} label={t('dossier.involved_name')} value={p.name} required
              disabled={readOnly} autoComplete="off" onChange={(v) => change(i, { name: v }, 'name')}
              error={errorOf(`involved.${i}.name`)} />
            <TextField id={fieldId(`involved.${i}.organisation`)} label={t('dossier.involved_organisation')}
              value={p.organisation} disabled={readOnly} autoComplete="off"
              onChange={(v) => change(i, { organisation: v }, 'organisation')} error={errorOf(`involved.${i}.organisation`)} />
          </div>
          {!readOnly && (
            <button type="button" className="button-secondary"
              onClick={() => edit((d) => ({ ...d, involved: d.involved.filter((_, j) => j !== i) }), ['involved'])}>
              {t('dossier.involved_remove', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" className="button-secondary" onClick={() => {
          edit((d) => ({ ...d, involved: [...d.involved, emptyInvolved()] }), []);
          focusSoon(fieldId(`involved.${draft.involved.length}.role`));
        }}>
          {t('dossier.involved_add')}
        </button>
      )}
    </section>
  );
}
