// Voorbereiding: date, time, place, agenda (add/remove/reorder) and who joins, the child's part.
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../../../shared/contract/index.js';
import { KIND_AANWEZIG, KIND_INBRENG, MDO_ROLES, type MdoRole } from '../../../../shared/domain/mdo.js';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/field.js';
import { RadioGroup } from '../../components/radio-group.js';
import {
  attendeeFromInvolved, attendeeFromParent, emptyAttendee, mdoFieldId, newKey, type AttendeeDraft, type MdoDraft,
} from './mdo-draft.js';

export interface MdoSectionProps {
  draft: MdoDraft;
  errorOf(path: string): string | undefined;
  edit(update: (d: MdoDraft) => MdoDraft, paths: string[]): void;
  readOnly: boolean;
}

function focusSoon(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

export function MdoPrepFields(p: MdoSectionProps & { dossier: Dossier }) {
  const { t } = useTranslation();
  const { draft, errorOf, edit, readOnly } = p;
  const text = (key: 'datum' | 'tijd' | 'locatie', type: 'date' | 'text' = 'text') => (
    <TextField id={mdoFieldId(key)} label={t(`mdo.${key}`)} type={type} value={draft[key]} disabled={readOnly}
      required={key === 'datum'} onChange={(v) => edit((d) => ({ ...d, [key]: v }), [key])} error={errorOf(key)}
      hint={key === 'tijd' ? t('mdo.tijd_hint') : undefined} autoComplete="off" />
  );
  return (
    <section className="form-section" aria-labelledby="mdo-prep-title">
      <h2 id="mdo-prep-title">{t('mdo.section_prep')}</h2>
      <div className="form-grid">
        {text('datum', 'date')}
        {text('tijd')}
        {text('locatie')}
      </div>
      <AgendaFields {...p} />
      <AttendeesFields {...p} />
      <RadioGroup id={mdoFieldId('kindAanwezig')} legend={t('mdo.kind_aanwezig')} value={draft.kindAanwezig}
        options={KIND_AANWEZIG} labelOf={(v) => t(`enums.kind_aanwezig.${v}`)} disabled={readOnly}
        onChange={(v) => edit((d) => ({ ...d, kindAanwezig: v }), ['kindAanwezig'])} error={errorOf('kindAanwezig')} />
      <RadioGroup id={mdoFieldId('kindInbreng')} legend={t('mdo.kind_inbreng')} value={draft.kindInbreng}
        options={KIND_INBRENG} labelOf={(v) => t(`enums.kind_inbreng.${v}`)} disabled={readOnly}
        onChange={(v) => edit((d) => ({ ...d, kindInbreng: v }), ['kindInbreng'])} error={errorOf('kindInbreng')} />
      <TextArea id={mdoFieldId('kindInbrengToelichting')} label={t('mdo.kind_inbreng_toelichting')} rows={2}
        value={draft.kindInbrengToelichting} disabled={readOnly} error={errorOf('kindInbrengToelichting')}
        onChange={(v) => edit((d) => ({ ...d, kindInbrengToelichting: v }), ['kindInbrengToelichting'])} />
    </section>
  );
}

function AgendaFields({ draft, errorOf, edit, readOnly }: MdoSectionProps) {
  const { t } = useTranslation();
  const move = (i: number, by: number) => {
    edit((d) => {
      const agenda = [...d.agenda];
      const [item] = agenda.splice(i, 1);
      agenda.splice(i + by, 0, item!);
      return { ...d, agenda };
    }, ['agenda']);
    focusSoon(mdoFieldId(`agenda.${i + by}`));
  };
  return (
    <fieldset className="repeat-list">
      <legend>{t('mdo.agenda')}</legend>
      {draft.agenda.length === 0 && <p className="empty">{t('mdo.agenda_empty')}</p>}
      <ol className="agenda-list">
        {draft.agenda.map((a, i) => (
          <li key={a.key} className="agenda-item">
            <TextField id={mdoFieldId(`agenda.${i}`)} label={t('mdo.agenda_item', { n: i + 1 })} value={a.text}
              disabled={readOnly} autoComplete="off" error={errorOf(`agenda.${i}`)}
              onChange={(v) => edit((d) => ({ ...d, agenda: d.agenda.map((x, j) => (j === i ? { ...x, text: v } : x)) }), [`agenda.${i}`])} />
            {!readOnly && (
              <span className="button-row">
                <button type="button" className="button-secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t('mdo.agenda_up', { n: i + 1 })}
                </button>
                <button type="button" className="button-secondary" disabled={i === draft.agenda.length - 1} onClick={() => move(i, 1)}>
                  {t('mdo.agenda_down', { n: i + 1 })}
                </button>
                <button type="button" className="button-secondary"
                  onClick={() => edit((d) => ({ ...d, agenda: d.agenda.filter((_, j) => j !== i) }), ['agenda'])}>
                  {t('mdo.agenda_remove', { n: i + 1 })}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button type="button" className="button-secondary" onClick={() => {
          edit((d) => ({ ...d, agenda: [...d.agenda, { key: newKey(), text: '' }] }), []);
          focusSoon(mdoFieldId(`agenda.${draft.agenda.length}`));
        }}>
          {t('mdo.agenda_add')}
        </button>
      )}
    </fieldset>
  );
}

function AttendeesFields({ draft, errorOf, edit, readOnly, dossier }: MdoSectionProps & { dossier: Dossier }) {
  const { t } = useTranslation();
  const picked = (match: (a: AttendeeDraft) => boolean) => draft.attendees.some(match);
  const toggle = (match: (a: AttendeeDraft) => boolean, make: () => AttendeeDraft, on: boolean) =>
    edit((d) => ({ ...d, attendees: on ? [...d.attendees, make()] : d.attendees.filter((a) => !match(a)) }), ['attendees']);
  const change = (i: number, patch: Partial<AttendeeDraft>, field: string) =>
    edit((d) => ({ ...d, attendees: d.attendees.map((a, j) => (j === i ? { ...a, ...patch } : a)) }), [`attendees.${i}.${field}`]);
  const adHoc = draft.attendees.map((a, i) => ({ a, i })).filter(({ a }) => !a.parentId && !a.involvedId);
  return (
    <fieldset className="repeat-list">
      <legend>{t('mdo.attendees')}</legend>
      {errorOf('attendees') && <p className="field-error">{errorOf('attendees')}</p>}
      <fieldset className="pick-list">
        <legend>{t('mdo.attendees_pick')}</legend>
        {dossier.parents.length + dossier.involved.length === 0 && <p className="empty">{t('mdo.attendees_pick_empty')}</p>}
        {dossier.parents.map((p) => (
          <Checkbox key={p.id} id={`m-pick-${p.id}`} disabled={readOnly}
            label={t('mdo.attendee_pick_label', { name: p.name, role: t(`enums.relation.${p.relation}`) })}
            checked={picked((a) => a.parentId === p.id)}
            onChange={(on) => toggle((a) => a.parentId === p.id, () => attendeeFromParent(p), on)} />
        ))}
        {dossier.involved.map((v) => (
          <Checkbox key={v.id} id={`m-pick-${v.id}`} disabled={readOnly}
            label={t('mdo.attendee_pick_label', { name: v.name, role: t(`enums.involved.${v.role}`) })}
            checked={picked((a) => a.involvedId === v.id)}
            onChange={(on) => toggle((a) => a.involvedId === v.id, () => attendeeFromInvolved(v, t(`enums.involved.${v.role}`)), on)} />
        ))}
      </fieldset>
      {draft.attendees.length > 0 && (
        <ul className="attendee-list" aria-label={t('mdo.attendees_list')}>
          {draft.attendees.filter((a) => a.parentId || a.involvedId).map((a) => (
            <li key={a.key}>{a.name} ({a.role === 'anders' ? a.roleOther : a.role ? t(`enums.mdo_role.${a.role}`) : ''})</li>
          ))}
        </ul>
      )}
      {adHoc.map(({ a, i }, n) => (
        <fieldset key={a.key} className="repeat-row">
          <legend>{t('mdo.attendee_legend', { n: n + 1 })}</legend>
          <div className="form-grid">
            <TextField id={mdoFieldId(`attendees.${i}.name`)} label={t('mdo.attendee_name')} value={a.name} required
              disabled={readOnly} autoComplete="off" onChange={(v) => change(i, { name: v }, 'name')} error={errorOf(`attendees.${i}.name`)} />
            <SelectField id={mdoFieldId(`attendees.${i}.role`)} label={t('mdo.attendee_role')} value={a.role} required
              disabled={readOnly} onChange={(v) => change(i, { role: v as MdoRole }, 'role')} error={errorOf(`attendees.${i}.role`)}>
              {a.role === '' && <option value="">{t('common.choose')}</option>}
              {MDO_ROLES.map((r) => (
                <option key={r} value={r}>{t(`enums.mdo_role.${r}`)}</option>
              ))}
            </SelectField>
            {a.role === 'anders' && (
              <TextField id={mdoFieldId(`attendees.${i}.roleOther`)} label={t('mdo.attendee_role_other')} value={a.roleOther}
                disabled={readOnly} autoComplete="off" onChange={(v) => change(i, { roleOther: v }, 'roleOther')}
                error={errorOf(`attendees.${i}.roleOther`)} />
            )}
          </div>
          {!readOnly && (
            <button type="button" className="button-secondary"
              onClick={() => edit((d) => ({ ...d, attendees: d.attendees.filter((_, j) => j !== i) }), ['attendees'])}>
              {t('mdo.attendee_remove', { name: a.name || n + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && (
        <button type="button" className="button-secondary" onClick={() => {
          edit((d) => ({ ...d, attendees: [...d.attendees, emptyAttendee()] }), []);
          focusSoon(mdoFieldId(`attendees.${draft.attendees.length}.name`));
        }}>
          {t('mdo.attendee_add')}
        </button>
      )}
    </fieldset>
  );
}
