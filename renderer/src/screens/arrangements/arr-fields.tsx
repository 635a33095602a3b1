// The arrangement concept form: route, targets, pupils, title, SMART goals, inzet lines with their
// live cost and total, period (with the >1 year warning) and evaluation dates.
import { useTranslation } from 'react-i18next';
import type { School } from '../../../../shared/contract/index.js';
import { INZET_TYPES, INZET_UNITS, PUPIL_SCOPES, ROUTES, TARGETS, periodWarnings } from '../../../../shared/domain/arrangement.js';
import { formatEuro } from '../../../../shared/domain/money.js';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/field.js';
import { RadioGroup } from '../../components/radio-group.js';
import { useLanguage } from '../../stores/language-store.js';
import {
  arrFieldId as fid, draftTotal, emptyGoal, emptyLine, lineCost, newDateRow, type ArrDraft, type InzetDraft,
} from './arr-draft.js';

interface Props {
  draft: ArrDraft;
  /** Schools of the arrangement's werkgebied (for a group across schools). */
  schools: School[];
  readOnly: boolean;
  errorOf(path: string): string | undefined;
  edit(update: (d: ArrDraft) => ArrDraft, paths: string[]): void;
}

export function ArrFields({ draft, schools, readOnly, errorOf, edit }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const set = <K extends keyof ArrDraft>(k: K, v: ArrDraft[K]) => edit((d) => ({ ...d, [k]: v }), [k]);
  const setLine = (i: number, patch: Partial<InzetDraft>) =>
    edit((d) => ({ ...d, inzet: d.inzet.map((l, j) => (j === i ? { ...l, ...patch } : l)) }), Object.keys(patch).map((k) => `inzet.${i}.${k}`));
  const warn = periodWarnings(draft.startDate, draft.endDate);
  const dis = readOnly;
  return (
    <>
      <section className="form-section" aria-labelledby="arr-basis">
        <h2 id="arr-basis">{t('arrangements.section_basis')}</h2>
        <TextField id={fid('title')} label={t('arrangements.title_label')} value={draft.title} required disabled={dis}
          error={errorOf('title')} onChange={(v) => set('title', v)} />
        <RadioGroup id={fid('route')} legend={t('arrangements.route')} value={String(draft.route) as '1' | '2' | '3'}
          options={ROUTES.map(String) as ('1' | '2' | '3')[]} labelOf={(r) => t(`enums.route.${r}`)} disabled={dis}
          error={errorOf('route')} onChange={(r) => set('route', Number(r) as 1 | 2 | 3)} />
        <fieldset className="radio-group" id={fid('targets')} tabIndex={-1}>
          <legend>{t('arrangements.targets')}</legend>
          {TARGETS.map((tg) => (
            <Checkbox key={tg} id={fid(`targets.${tg}`)} label={t(`enums.target.${tg}`)} disabled={dis} checked={draft.targets.includes(tg)}
              onChange={(on) => set('targets', on ? [...draft.targets, tg] : draft.targets.filter((x) => x !== tg))} />
          ))}
          {errorOf('targets') && <p className="field-error">{errorOf('targets')}</p>}
        </fieldset>
        <RadioGroup id={fid('pupilScope')} legend={t('arrangements.pupil_scope')} value={draft.pupilScope} options={PUPIL_SCOPES}
          labelOf={(s) => t(`enums.pupil_scope.${s}`)} disabled={dis} error={errorOf('pupilScope')} onChange={(v) => set('pupilScope', v)} />
        {draft.pupilScope !== 'een_leerling' && (
          <TextField id={fid('pupilCount')} label={t('arrangements.pupil_count')} value={draft.pupilCount}
            disabled={dis} error={errorOf('pupilCount')} onChange={(v) => set('pupilCount', v)} />
        )}
        {draft.pupilScope === 'groep_werkgebied' && (
          <fieldset className="radio-group" id={fid('pupils')} tabIndex={-1}>
            <legend>{t('arrangements.pupil_schools')}</legend>
            {schools.map((s) => (
              <Checkbox key={s.id} id={fid(`schools.${s.id}`)} label={`${s.name} (${s.brin})`} disabled={dis}
                checked={draft.schoolIds.includes(s.id)}
                onChange={(on) => set('schoolIds', on ? [...draft.schoolIds, s.id] : draft.schoolIds.filter((x) => x !== s.id))} />
            ))}
            {errorOf('pupils') && <p className="field-error">{errorOf('pupils')}</p>}
          </fieldset>
        )}
        <TextArea id={fid('ondersteuningsvraag')} label={t('arrangements.ondersteuningsvraag')} value={draft.ondersteuningsvraag}
          rows={3} disabled={dis} error={errorOf('ondersteuningsvraag')} onChange={(v) => set('ondersteuningsvraag', v)} />
      </section>

      <section className="form-section" aria-labelledby="arr-goals">
        <h2 id="arr-goals">{t('arrangements.section_goals')}</h2>
        {draft.goals.length === 0 && <p className="empty">{t('arrangements.goals_empty')}</p>}
        {draft.goals.map((g, i) => (
          <fieldset key={g.key} className="repeat-row">
            <legend>{t('arrangements.goal_n', { n: i + 1 })}</legend>
            <TextField id={fid(`goals.${i}.wat`)} label={t('arrangements.goal_wat')} value={g.wat} required disabled={dis}
              error={errorOf(`goals.${i}.wat`)}
              onChange={(v) => edit((d) => ({ ...d, goals: d.goals.map((x, j) => (j === i ? { ...x, wat: v } : x)) }), [`goals.${i}.wat`])} />
            <TextField id={fid(`goals.${i}.resultaat`)} label={t('arrangements.goal_resultaat')} value={g.resultaat} disabled={dis}
              error={errorOf(`goals.${i}.resultaat`)}
              onChange={(v) => edit((d) => ({ ...d, goals: d.goals.map((x, j) => (j === i ? { ...x, resultaat: v } : x)) }), [`goals.${i}.resultaat`])} />
            <TextField id={fid(`goals.${i}.wanneer`)} type="date" label={t('arrangements.goal_wanneer')} value={g.wanneer} disabled={dis}
              error={errorOf(`goals.${i}.wanneer`)}
              onChange={(v) => edit((d) => ({ ...d, goals: d.goals.map((x, j) => (j === i ? { ...x, wanneer: v } : x)) }), [`goals.${i}.wanneer`])} />
            {!dis && (
              <button type="button" className="button-secondary" onClick={() => edit((d) => ({ ...d, goals: d.goals.filter((_, j) => j !== i) }), ['goals'])}>
                {t('arrangements.goal_remove', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {!dis && (
          <button type="button" className="button-secondary" onClick={() => edit((d) => ({ ...d, goals: [...d.goals, emptyGoal()] }), [])}>
            {t('arrangements.goal_add')}
          </button>
        )}
      </section>

      <section className="form-section" aria-labelledby="arr-inzet">
        <h2 id="arr-inzet">{t('arrangements.section_inzet')}</h2>
        {draft.inzet.length === 0 && <p className="empty">{t('arrangements.inzet_empty')}</p>}
        {draft.inzet.map((l, i) => {
          const cost = lineCost(l);
          const p = `inzet.${i}`;
          return (
            <fieldset key={l.key} className="repeat-row">
              <legend>{t('arrangements.inzet_n', { n: i + 1 })}</legend>
              <SelectField id={fid(`${p}.type`)} label={t('arrangements.inzet_type')} value={l.type} required disabled={dis}
                error={errorOf(`${p}.type`)} onChange={(v) => setLine(i, { type: v as InzetDraft['type'] })}>
                <option value="">{t('arrangements.choose')}</option>
                {INZET_TYPES.map((x) => <option key={x} value={x}>{t(`enums.inzet_type.${x}`)}</option>)}
              </SelectField>
              {l.type === 'anders' && (
                <TextField id={fid(`${p}.typeOther`)} label={t('arrangements.inzet_type_other')} value={l.typeOther} disabled={dis}
                  error={errorOf(`${p}.typeOther`)} onChange={(v) => setLine(i, { typeOther: v })} />
              )}
              <TextField id={fid(`${p}.provider`)} label={t('arrangements.inzet_provider')} value={l.provider} disabled={dis}
                error={errorOf(`${p}.provider`)} onChange={(v) => setLine(i, { provider: v })} />
              <SelectField id={fid(`${p}.unit`)} label={t('arrangements.inzet_unit')} value={l.unit} disabled={dis}
                error={errorOf(`${p}.unit`)} onChange={(v) => setLine(i, { unit: v as InzetDraft['unit'] })}>
                {INZET_UNITS.map((x) => <option key={x} value={x}>{t(`enums.inzet_unit.${x}`)}</option>)}
              </SelectField>
              {l.unit === 'uur' && (
                <>
                  <TextField id={fid(`${p}.hoursPerWeekCenti`)} label={t('arrangements.inzet_hours')} hint={t('arrangements.inzet_hours_hint')}
                    value={l.hours} disabled={dis} error={errorOf(`${p}.hoursPerWeekCenti`)} onChange={(v) => setLine(i, { hours: v })} />
                  <TextField id={fid(`${p}.weeks`)} label={t('arrangements.inzet_weeks')} value={l.weeks} disabled={dis}
                    error={errorOf(`${p}.weeks`)} onChange={(v) => setLine(i, { weeks: v })} />
                </>
              )}
              <TextField id={fid(`${p}.rateCents`)} label={l.unit === 'uur' ? t('arrangements.inzet_rate') : t('arrangements.inzet_amount')}
                hint={t('arrangements.inzet_rate_hint')} value={l.rate} disabled={dis} error={errorOf(`${p}.rateCents`)}
                onChange={(v) => setLine(i, { rate: v })} />
              <p className="line-cost" data-testid={`line-cost-${i}`}>
                {cost === null ? t('arrangements.line_cost_unknown') : t('arrangements.line_cost', { amount: formatEuro(cost, lang) })}
              </p>
              {!dis && (
                <button type="button" className="button-secondary" onClick={() => edit((d) => ({ ...d, inzet: d.inzet.filter((_, j) => j !== i) }), ['inzet'])}>
                  {t('arrangements.inzet_remove', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          );
        })}
        {!dis && (
          <button type="button" className="button-secondary" onClick={() => edit((d) => ({ ...d, inzet: [...d.inzet, emptyLine()] }), [])}>
            {t('arrangements.inzet_add')}
          </button>
        )}
        <p className="arr-total" role="status" aria-live="polite" data-testid="arr-total">
          {t('arrangements.total', { amount: formatEuro(draftTotal(draft), lang) })}
        </p>
      </section>

      <section className="form-section" aria-labelledby="arr-period">
        <h2 id="arr-period">{t('arrangements.section_period')}</h2>
        <TextField id={fid('startDate')} type="date" label={t('arrangements.start')} value={draft.startDate} required disabled={dis}
          error={errorOf('startDate')} onChange={(v) => set('startDate', v)} />
        <TextField id={fid('endDate')} type="date" label={t('arrangements.end')} value={draft.endDate} required disabled={dis}
          error={errorOf('endDate')} onChange={(v) => set('endDate', v)} />
        {warn.length > 0 && <p className="message message-warning">{t('arrangements.warning_period_over_one_year')}</p>}
        <h3>{t('arrangements.evaluation_dates')}</h3>
        {draft.evaluationDates.map((e, i) => (
          <div key={e.key} className="inline-row">
            <TextField id={fid(`evaluationDates.${i}`)} type="date" label={t('arrangements.evaluation_date_n', { n: i + 1 })} value={e.date}
              disabled={dis} error={errorOf(`evaluationDates.${i}`)}
              onChange={(v) => edit((d) => ({ ...d, evaluationDates: d.evaluationDates.map((x, j) => (j === i ? { ...x, date: v } : x)) }), [`evaluationDates.${i}`])} />
            {!dis && (
              <button type="button" className="button-secondary"
                onClick={() => edit((d) => ({ ...d, evaluationDates: d.evaluationDates.filter((_, j) => j !== i) }), ['evaluationDates'])}>
                {t('arrangements.evaluation_date_remove', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        {!dis && (
          <button type="button" className="button-secondary"
            onClick={() => edit((d) => ({ ...d, evaluationDates: [...d.evaluationDates, newDateRow()] }), [])}>
            {t('arrangements.evaluation_date_add')}
          </button>
        )}
        <TextArea id={fid('toelichting')} label={t('arrangements.toelichting')} value={draft.toelichting} rows={3} disabled={dis}
          error={errorOf('toelichting')} onChange={(v) => set('toelichting', v)} />
      </section>

      <section className="form-section" aria-labelledby="arr-views">
        <h2 id="arr-views">{t('arrangements.section_views')}</h2>
        <TextArea id={fid('parentsView')} label={t('arrangements.parents_view')} value={draft.parentsView} rows={4} disabled={dis}
          error={errorOf('parentsView')} onChange={(v) => set('parentsView', v)} />
        <TextArea id={fid('childView')} label={t('arrangements.child_view')} value={draft.childView} rows={4} disabled={dis}
          error={errorOf('childView')} onChange={(v) => set('childView', v)} />
      </section>
    </>
  );
}
